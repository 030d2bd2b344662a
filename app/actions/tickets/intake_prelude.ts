import type { DateTime } from 'luxon'
import type SlaPolicy from '#models/sla_policy'
import sla, { type TicketAttributes } from '#services/sla_service'
import { allocation } from '#services/ticket_codes'
import { directQuery } from '#services/direct_sql'

export interface IntakePrelude {
  id: number
  code: string
  policy: SlaPolicy
}

/**
 * What intake needs before it writes, in one round trip: the new ticket's
 * id and code (the day's counter bumped, committed on its own) and the SLA
 * policy candidates, chosen here as sla.policyFor would. Every intake sends
 * it, so it is one statement instead of two on two pool connections.
 */
export async function intakePrelude(
  attributes: TicketAttributes,
  now: DateTime
): Promise<IntakePrelude> {
  const values: unknown[] = []
  const allocated = allocation(now, values)
  const candidates = sla.candidatesQuery(attributes, now, values)
  // One row per candidate policy, each with the allocation; one row of
  // nulls beside it when no policy applies (choose answers 422).
  const rows = await directQuery(
    undefined,
    `WITH allocated AS (${allocated.text})
     SELECT allocated.serial AS allocated__serial, allocated.ticket_id AS allocated__ticket_id,
       candidates.*
     FROM allocated LEFT JOIN (${candidates}) AS candidates ON true`,
    values
  )
  const { allocated__serial: serial, allocated__ticket_id: id } = rows[0]
  const policies = rows
    .filter((row) => row.id !== null)
    .map(({ allocated__serial: _s, allocated__ticket_id: _i, ...row }) => row)
  return {
    id: Number(id),
    code: allocated.code(serial),
    policy: sla.choose(policies, attributes, now),
  }
}
