import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import OutboxMessage from '#models/outbox_message'
import clock from '#services/clock_service'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'
import { outboxRow, type OutboxEntry } from '#actions/tickets/outbox'

/** A model's changed attributes as columns and values the database takes. */
export function changedColumns(row: LucidRow): Record<string, unknown> {
  const model = row.constructor as LucidModel
  const columns: Record<string, unknown> = {}
  for (const [attribute, value] of Object.entries(row.$dirty)) {
    const column = model.$getColumn(attribute)!
    columns[column.columnName] = column.prepare ? column.prepare(value, attribute, row) : value
  }
  return columns
}

/**
 * The closing write of a transition in one statement: the ticket's changed
 * columns, its event-log line and its outbox messages. PostgreSQL runs every
 * data-modifying CTE of a statement, all or none, so this is the three
 * writes in one round trip instead of three (an intake with dispatch pays
 * every round trip twice: in Node and in PostgreSQL).
 */
export async function writeTransition(
  trx: TransactionClientContract,
  ticket: Ticket,
  entry: EventEntry,
  outbox: OutboxEntry[]
): Promise<TicketEvent> {
  // The application's clock, as intake's createdAt (Lucid's save would take
  // the system's): a demo or test that moves time sees consistent rows.
  const now = clock.now()
  ticket.updatedAt = now
  const at = now.toJSDate()
  let statement = trx
    .knexQuery()
    .with('ticket_update', (query) =>
      query.table(Ticket.table).where('id', ticket.id).update(changedColumns(ticket))
    )
  if (outbox.length > 0)
    statement = statement.with('outbox', (query) =>
      query
        .table(OutboxMessage.table)
        .insert(outbox.map((message) => outboxRow(message, at)))
        .onConflict('dedupe_key')
        .ignore()
    )
  const [row] = await statement.insert(eventRow(entry, at)).into(TicketEvent.table).returning('*')
  ticket.$hydrateOriginals()
  return TicketEvent.$createFromAdapterResult(row)!
}
