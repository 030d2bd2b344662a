import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import { directQuery, placeholders } from '#services/direct_sql'
import { changedColumns, columnsLeftToDatabase, storedInto } from '#services/model_write'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'

/**
 * 受理's write in one statement: the ticket row (with its search vector) and
 * its `register` line in the event log, which takes the new row's id inside
 * the statement. The draft becomes the stored ticket, with what the
 * database filled in (id, defaults) read back into it, so a dispatch in the
 * same transaction needs not read it again.
 */
export async function insertRegistered(
  trx: TransactionClientContract,
  draft: Ticket,
  searchTokens: string,
  register: EventEntry
): Promise<Ticket> {
  const ticket = changedColumns(draft)
  // the search vector is written here and never read back into the model
  const returning = columnsLeftToDatabase(Ticket, { ...ticket, search_vector: null })
  const event = eventRow(register, draft.createdAt.toJSDate())
  // the event's ticket_id is the new row's, taken inside the statement
  const eventColumns = Object.keys(event).filter((column) => column !== 'ticket_id')
  const ticketCount = Object.keys(ticket).length
  const values = [
    ...Object.values(ticket),
    searchTokens,
    ...eventColumns.map((column) => event[column as keyof typeof event]),
  ]
  const text = `WITH ticket AS (
      INSERT INTO ${Ticket.table} (${Object.keys(ticket).join(', ')}, search_vector)
      VALUES (${placeholders(ticketCount)}, to_tsvector('simple', $${ticketCount + 1}))
      RETURNING ${returning.join(', ')}),
    event AS (
      INSERT INTO ${TicketEvent.table} (ticket_id, ${eventColumns.join(', ')})
      SELECT id, ${placeholders(eventColumns.length, ticketCount + 2)} FROM ticket)
    SELECT ${returning.join(', ')} FROM ticket`
  const [stored] = await directQuery(trx, text, values)
  storedInto(draft, stored)
  return draft
}
