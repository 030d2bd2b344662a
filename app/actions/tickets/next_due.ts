import type { DateTime } from 'luxon'
import type Ticket from '#models/ticket'
import type TicketAssignment from '#models/ticket_assignment'
import SupervisionOrder from '#models/supervision_order'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { statusGroup } from '#domain/lifecycle/index'

/**
 * The earliest deadline still running on a ticket, or null while it is
 * suspended or finished. Lists sort and filter on it ("due soonest",
 * "overdue"), so it is recomputed on every transition.
 */
export async function nextDueAt(
  trx: QueryClientContract,
  ticket: Ticket,
  assignments: TicketAssignment[],
  /** the ticket's open supervision orders when the caller knows them (read otherwise) */
  knownOrders: SupervisionOrder[] | null = null
): Promise<DateTime | null> {
  if (statusGroup(ticket.status) !== 'open') return null
  const candidates: (DateTime | null)[] = [
    ticket.redispatchDueAt,
    ticket.reviewDueAt,
    ticket.callbackDueAt,
  ]
  for (const assignment of assignments.filter((a) => a.active && a.round === ticket.round)) {
    if (!assignment.signedAt) candidates.push(assignment.signDueAt)
    else if (assignment.role === 'lead' && !assignment.repliedAt)
      candidates.push(assignment.handleDueAt)
  }
  const orders =
    knownOrders ??
    (await SupervisionOrder.query({ client: trx })
      .where('ticket_id', ticket.id)
      .whereNull('answered_at')
      .whereNotNull('answer_due_at'))
  candidates.push(...orders.map((order) => order.answerDueAt))
  const open = candidates.filter((due): due is DateTime => due !== null)
  return open.length === 0
    ? null
    : open.reduce((earliest, due) => (due < earliest ? due : earliest))
}
