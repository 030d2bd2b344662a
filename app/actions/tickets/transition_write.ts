import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import OutboxMessage from '#models/outbox_message'
import clock from '#services/clock_service'
import { directQuery, insertStatement } from '#services/direct_sql'
import { changedColumns, hydrateOriginals } from '#services/model_write'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'
import { outboxRow, type OutboxEntry } from '#actions/tickets/outbox'

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
  const changed = Object.entries(changedColumns(ticket))
  const values: unknown[] = changed.map(([, value]) => value)
  const sets = changed.map(([column], i) => `${column} = $${i + 1}`)
  values.push(ticket.id)
  let text = `WITH ticket_update AS (UPDATE ${Ticket.table} SET ${sets.join(', ')} WHERE id = $${values.length})`
  if (outbox.length > 0) {
    const rows = outbox.map((message) => outboxRow(message, at))
    text += `, outbox AS (${insertStatement(OutboxMessage.table, rows, values)} ON CONFLICT (dedupe_key) DO NOTHING)`
  }
  const event = eventRow(entry, at)
  text += ` ${insertStatement(TicketEvent.table, [event], values)} RETURNING id`
  const [{ id }] = await directQuery(trx, text, values)
  hydrateOriginals(ticket)
  // the line as written: only its id comes from the database
  return TicketEvent.$createFromAdapterResult({ ...event, id, payload: entry.payload ?? {} })!
}
