import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import { directQuery, insertStatement, placeholders } from '#services/direct_sql'
import { changedColumns, columnsLeftToDatabase, storedInto } from '#services/model_write'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'

/** What 受理 writes besides the ticket row: its search tokens and its `register` line. */
export interface Registration {
  searchTokens: string
  register: EventEntry
}

/**
 * The INSERT of a ticket not stored yet (its id allocated beforehand), with
 * its search vector, for a statement whose earlier parameters are in
 * `values`. RETURNING names the columns left to the database; `left` lists
 * them, for the caller to read back into the model.
 */
export function ticketInsert(
  ticket: Ticket,
  searchTokens: string,
  values: unknown[]
): { text: string; left: string[] } {
  const columns = changedColumns(ticket)
  const names = Object.keys(columns)
  const from = values.length + 1
  values.push(...Object.values(columns), searchTokens)
  // the search vector is written here and never read back into the model
  const left = columnsLeftToDatabase(Ticket, { ...columns, search_vector: null })
  return {
    text: `INSERT INTO ${Ticket.table} (${names.join(', ')}, search_vector)
      VALUES (${placeholders(names.length, from)}, to_tsvector('simple', $${from + names.length}))
      RETURNING ${left.join(', ')}`,
    left,
  }
}

/**
 * 受理 without a dispatch, in one statement: the ticket row and its
 * `register` line. The draft becomes the stored ticket, with what the
 * database filled in (defaults) read back into it.
 */
export async function insertRegistered(
  client: QueryClientContract,
  draft: Ticket,
  { searchTokens, register }: Registration
): Promise<Ticket> {
  const values: unknown[] = []
  const ticket = ticketInsert(draft, searchTokens, values)
  const event = insertStatement(
    TicketEvent.table,
    [eventRow(register, draft.createdAt.toJSDate())],
    values
  )
  const [stored] = await directQuery(
    client,
    `WITH ticket AS (${ticket.text}), event AS (${event}) SELECT * FROM ticket`,
    values
  )
  storedInto(draft, stored)
  return draft
}
