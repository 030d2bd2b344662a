import type { DateTime } from 'luxon'
import { ZONE } from '#services/clock_service'
import { directQuery } from '#services/direct_sql'

export interface AllocatedTicket {
  id: number
  code: string
}

/**
 * Allocates a new ticket's id and code before it is written, in one
 * statement. The code is the Shanghai date and a daily serial, e.g.
 * 2026112300123 — digits only, so it reads out well on the phone, and codes
 * sort by date. Knowing the id up front lets intake write the ticket and
 * everything a dispatch hangs on it (assignments, events, mails that name
 * the ticket) in one statement.
 *
 * NOTE: the counter is bumped in its own statement, outside the intake's
 * write, so concurrent intakes do not queue on the counter row until commit.
 * A failed intake leaves a gap in the serial and the ids, which is harmless.
 */
export async function allocateTicket(now: DateTime): Promise<AllocatedTicket> {
  const day = now.setZone(ZONE).toISODate()!
  const [{ last, id }] = await directQuery(
    undefined,
    `INSERT INTO ticket_code_counters (day, last) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last = ticket_code_counters.last + 1
     RETURNING last, nextval(pg_get_serial_sequence('tickets', 'id')) AS id`,
    [day]
  )
  return { id: Number(id), code: `${day.replaceAll('-', '')}${String(last).padStart(5, '0')}` }
}
