import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Department from '#models/department'
import SupervisionOrder from '#models/supervision_order'
import type Ticket from '#models/ticket'
import type TicketAssignment from '#models/ticket_assignment'
import { appendEvent } from '#actions/tickets/event_log'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import type { TimerStep } from '#timers/timer_points'

const CONTENT: Record<TimerStep, string> = {
  sign: '工单超时未签收，请立即签收',
  handle: '工单已超过办理时限，请尽快办结并答复',
}

/**
 * 催办 issued by the system when a step is overdue by the configured delay:
 * the same order, event and department mail a supervisor's urge produces, so
 * the department cannot tell the two apart except by `automatic: true`.
 */
export async function issueAutomaticUrge(
  trx: TransactionClientContract,
  ticket: Ticket,
  assignment: TicketAssignment,
  step: TimerStep,
  causeKey: string
) {
  const order = await SupervisionOrder.create(
    {
      ticketId: ticket.id,
      kind: 'urge',
      departmentId: assignment.departmentId,
      issuedBy: null,
      content: CONTENT[step],
    },
    { client: trx }
  )
  await appendEvent(trx, {
    ticketId: ticket.id,
    actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
    action: 'urge',
    fromStatus: ticket.status,
    toStatus: ticket.status,
    payload: {
      orderId: order.id,
      departmentId: assignment.departmentId,
      automatic: true,
      content: order.content,
    },
  })
  const department = await Department.findOrFail(assignment.departmentId, { client: trx })
  if (department.contactEmails.length === 0) return
  await enqueueOutbox(trx, [
    {
      topic: 'mail',
      dedupeKey: `urge:${causeKey}`,
      payload: {
        kind: 'urge',
        to: department.contactEmails,
        ticketId: ticket.id,
        code: ticket.code,
        departmentId: department.id,
        step,
        content: order.content,
      },
    },
  ])
}
