import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import SupervisionOrder from '#models/supervision_order'
import type { EventEntry } from '#actions/tickets/event_log'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import type { TimerStep } from '#timers/timer_points'

const CONTENT: Record<TimerStep, string> = {
  sign: '工单超时未签收，请立即签收',
  handle: '工单已超过办理时限，请尽快办结并答复',
}

export interface AutoUrge {
  ticket: { id: number; code: string; status: string }
  departmentId: number
  step: TimerStep
  /** the escalation point's key: one urge per point */
  causeKey: string
}

/**
 * 催办 issued by the system when a step is overdue by the configured delay:
 * the same order, event and department mail a supervisor's urge produces, so
 * the department cannot tell the two apart except by `automatic: true`.
 * Writes the orders and mails; answers each urge's event for the caller to
 * append in its place in the timeline.
 */
export async function issueAutomaticUrges(
  trx: TransactionClientContract,
  urges: readonly AutoUrge[],
  now: DateTime
): Promise<EventEntry[]> {
  if (urges.length === 0) return []
  const orders: { id: number | string; ticket_id: number | string; department_id: number }[] =
    await trx
      .insertQuery()
      .table(SupervisionOrder.table)
      .multiInsert(
        urges.map((urge) => ({
          ticket_id: urge.ticket.id,
          kind: 'urge',
          department_id: urge.departmentId,
          issued_by: null,
          content: CONTENT[urge.step],
          created_at: now.toJSDate(),
        }))
      )
      .returning(['id', 'ticket_id', 'department_id'])
  // RETURNING promises no order: match each urge to its order by ticket and
  // department (one escalation per assignment, so one pair per urge).
  const orderOf = new Map(orders.map((o) => [`${o.ticket_id}:${o.department_id}`, Number(o.id)]))
  const departments = await trx
    .from('departments')
    .whereIn('id', [...new Set(urges.map((urge) => urge.departmentId))])
    .select('id', 'contact_emails')
  const emails = new Map<number, string[]>(
    departments.map((d) => [Number(d.id), d.contact_emails ?? []])
  )
  await enqueueOutbox(
    trx,
    urges
      .filter((urge) => (emails.get(urge.departmentId) ?? []).length > 0)
      .map((urge) => ({
        topic: 'mail' as const,
        dedupeKey: `urge:${urge.causeKey}`,
        payload: {
          kind: 'urge',
          to: emails.get(urge.departmentId),
          ticketId: urge.ticket.id,
          code: urge.ticket.code,
          departmentId: urge.departmentId,
          step: urge.step,
          content: CONTENT[urge.step],
        },
      }))
  )
  return urges.map((urge) => ({
    ticketId: urge.ticket.id,
    actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
    action: 'urge',
    fromStatus: urge.ticket.status,
    toStatus: urge.ticket.status,
    payload: {
      orderId: orderOf.get(`${urge.ticket.id}:${urge.departmentId}`),
      departmentId: urge.departmentId,
      automatic: true,
      content: CONTENT[urge.step],
    },
  }))
}
