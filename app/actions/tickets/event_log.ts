import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import TicketEvent from '#models/ticket_event'
import clock from '#services/clock_service'

export interface EventActor {
  id: number | null
  role: string
}

export interface EventEntry {
  ticketId: number
  actor: EventActor
  action: string
  fromStatus: string | null
  toStatus: string | null
  payload?: Record<string, unknown>
}

/** Appends one line to a ticket's event log inside the caller's transaction. */
export function appendEvent(
  trx: TransactionClientContract,
  entry: EventEntry
): Promise<TicketEvent> {
  return TicketEvent.create(
    {
      ticketId: entry.ticketId,
      actorId: entry.actor.id,
      actorRole: entry.actor.role,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      payload: entry.payload ?? {},
      createdAt: clock.now(),
    },
    { client: trx }
  )
}
