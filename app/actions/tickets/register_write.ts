import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'
import { changedColumns } from '#actions/tickets/transition_write'

/**
 * 受理's write in one statement: the ticket row (with its search vector) and
 * its `register` line in the event log, which takes the new row's id inside
 * the statement. Answers the whole row as stored, database defaults
 * included, so a dispatch in the same transaction needs not read it back.
 */
export async function insertRegistered(
  trx: TransactionClientContract,
  draft: Ticket,
  searchTokens: string,
  register: EventEntry
): Promise<Ticket> {
  const event = eventRow(register, draft.createdAt.toJSDate())
  const columns = Object.keys(event).filter((column) => column !== 'ticket_id')
  const [row] = await trx
    .knexQuery()
    .with('ticket', (query) =>
      query
        .table(Ticket.table)
        .insert({
          ...changedColumns(draft),
          search_vector: trx.knexRawQuery(`to_tsvector('simple', ?)`, [searchTokens]),
        })
        .returning('*')
    )
    .with(
      'event',
      trx.knexRawQuery(
        `INSERT INTO ${TicketEvent.table} (ticket_id, ${columns.join(', ')})
         SELECT id, ${columns.map(() => '?').join(', ')} FROM ticket`,
        // null binds as NULL; the type only leaves it out
        columns.map((column) => event[column as keyof typeof event]) as RawQueryBindings
      )
    )
    .select('*')
    .from('ticket')
  return Ticket.$createFromAdapterResult(row)!
}
