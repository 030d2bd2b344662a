import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import TicketEvent from '#models/ticket_event'
import clock from '#services/clock_service'
import { insertInChunks } from '#services/bulk_insert'

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

/** One line of `ticket_events` as the database takes it. */
export function eventRow(entry: EventEntry, createdAt: Date) {
  return {
    ticket_id: entry.ticketId,
    actor_id: entry.actor.id,
    actor_role: entry.actor.role,
    action: entry.action,
    from_status: entry.fromStatus,
    to_status: entry.toStatus,
    payload: JSON.stringify(entry.payload ?? {}),
    created_at: createdAt,
  }
}

/** Appends one line to a ticket's event log inside the caller's transaction. */
export async function appendEvent(
  trx: QueryClientContract,
  entry: EventEntry
): Promise<TicketEvent> {
  const [row] = await trx
    .knexQuery()
    .insert(eventRow(entry, clock.now().toJSDate()))
    .into(TicketEvent.table)
    .returning('*')
  return TicketEvent.$createFromAdapterResult(row)!
}

/**
 * Appends many lines in bulk (timers firing in batches), in the
 * order given: ids grow with the order, so a ticket's timeline reads the
 * same as if they were appended one by one.
 */
export async function appendEvents(
  trx: TransactionClientContract,
  entries: EventEntry[]
): Promise<void> {
  if (entries.length === 0) return
  const createdAt = clock.now().toJSDate()
  await insertInChunks(
    trx,
    TicketEvent.table,
    entries.map((entry) => eventRow(entry, createdAt))
  )
}
