import type { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Ticket from '#models/ticket'
import TicketAssignment from '#models/ticket_assignment'
import ExtensionRequest from '#models/extension_request'
import SupervisionOrder from '#models/supervision_order'
import TicketCallback from '#models/ticket_callback'
import type { Actor, LifecycleTicket } from '#domain/lifecycle/index'

export interface LoadedSnapshot {
  snapshot: LifecycleTicket
  assignments: TicketAssignment[]
}

/**
 * Reads what the lifecycle needs to decide, inside the caller's transaction,
 * and computes the one clock-dependent fact (is the acting department still
 * inside its return window?) so the lifecycle stays pure.
 */
export async function loadSnapshot(
  trx: QueryClientContract,
  ticket: Ticket,
  actor: Actor,
  now: DateTime
): Promise<LoadedSnapshot> {
  const departmentId = 'departmentId' in actor ? actor.departmentId : null
  const readAssignments = () =>
    TicketAssignment.query({ client: trx })
      .where({ ticketId: ticket.id, round: ticket.round })
      .orderBy('id')
  const readExtensions = () =>
    ExtensionRequest.query({ client: trx }).where({ ticketId: ticket.id, round: ticket.round })
  const readOpenOrder = async () =>
    departmentId
      ? SupervisionOrder.query({ client: trx })
          .where({ ticketId: ticket.id, kind: 'supervise', departmentId })
          .whereNull('answered_at')
          .first()
      : null
  const readCallbacks = () =>
    TicketCallback.query({ client: trx }).where({ ticketId: ticket.id, round: ticket.round })
  // A transaction's client runs one query at a time (node-pg queues
  // concurrent ones, and pg@9 will refuse them): one after the other there;
  // outside one (the detail page) they go to the pool side by side.
  const [assignments, extensions, openOrder, callbacks] = trx.isTransaction
    ? ([
        await readAssignments(),
        await readExtensions(),
        await readOpenOrder(),
        await readCallbacks(),
      ] as const)
    : await Promise.all([readAssignments(), readExtensions(), readOpenOrder(), readCallbacks()])
  const own = assignments.find((a) => a.active && a.departmentId === departmentId)
  return {
    assignments,
    snapshot: {
      status: ticket.status,
      round: ticket.round,
      statusBeforeSuspend: ticket.statusBeforeSuspend,
      assignments: assignments.map((a) => ({
        departmentId: a.departmentId,
        role: a.role,
        round: a.round,
        signed: a.signedAt !== null,
        returned: !a.active,
        replied: a.repliedAt !== null,
      })),
      returnWindowOpen: !!own?.returnDueAt && now <= own.returnDueAt,
      pendingExtension: extensions.some((e) => e.status === 'pending'),
      approvedExtensionsThisRound: extensions.filter((e) => e.status === 'approved').length,
      openSupervisionForActorDepartment: !!openOrder,
      callbackAttempts: callbacks.filter((c) => c.result === 'unreachable').length,
    },
  }
}

/**
 * The snapshot of a ticket this transaction has just registered: nothing
 * hangs off it yet, so there is nothing to read (受理即转办).
 */
export function registeredSnapshot(ticket: Ticket): LoadedSnapshot {
  return {
    assignments: [],
    snapshot: {
      status: ticket.status,
      round: ticket.round,
      statusBeforeSuspend: ticket.statusBeforeSuspend ?? null,
      assignments: [],
      returnWindowOpen: false,
      pendingExtension: false,
      approvedExtensionsThisRound: 0,
      openSupervisionForActorDepartment: false,
      callbackAttempts: 0,
    },
  }
}
