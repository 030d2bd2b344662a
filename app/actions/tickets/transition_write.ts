import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import TicketEvent from '#models/ticket_event'
import TicketAssignment from '#models/ticket_assignment'
import OutboxMessage from '#models/outbox_message'
import clock from '#services/clock_service'
import { directQuery, insertStatement } from '#services/direct_sql'
import {
  changedColumns,
  columnsLeftToDatabase,
  hydrateOriginals,
  storedInto,
} from '#services/model_write'
import { eventRow, type EventEntry } from '#actions/tickets/event_log'
import { outboxRow, type OutboxEntry } from '#actions/tickets/outbox'
import { ticketInsert, type Registration } from '#actions/tickets/register_write'

/** What a transition creates besides its event line and mails. */
export interface NewRows {
  /** the round's new assignments, written with the ticket's change */
  assignments: TicketAssignment[]
  /** set when the ticket itself is not stored yet (受理即转办): it is inserted, its register line first */
  registration?: Registration
}

const TICKET = 'ticket__'
const ASSIGNMENT = 'assignment__'

/**
 * The closing write of a transition in one statement: the ticket's change
 * (or, at intake, the ticket itself), the round's new assignments, its
 * event-log line and its outbox messages. PostgreSQL runs every
 * data-modifying CTE of a statement, all or none, and checks the foreign
 * keys between them at its end; so this is one round trip where there were
 * up to five (an intake with dispatch pays each round trip twice: in Node
 * and in PostgreSQL). What the database fills in (ids, defaults) is read
 * back into the models.
 */
export async function writeTransition(
  client: QueryClientContract,
  ticket: Ticket,
  entry: EventEntry,
  outbox: OutboxEntry[],
  created: NewRows
): Promise<TicketEvent> {
  // The application's clock, as intake's createdAt (Lucid's save would take
  // the system's): a demo or test that moves time sees consistent rows.
  const now = clock.now()
  ticket.updatedAt = now
  const at = now.toJSDate()
  const values: unknown[] = []
  const parts: string[] = []
  const selected = ['events.event_id']
  const joined: string[] = []

  const { registration, assignments } = created
  if (registration) {
    const insert = ticketInsert(ticket, registration.searchTokens, values)
    parts.push(`ticket_write AS (${insert.text})`)
    selected.push(...insert.left.map((column) => `ticket_write.${column} AS ${TICKET}${column}`))
    joined.push('CROSS JOIN ticket_write')
  } else {
    const sets = Object.entries(changedColumns(ticket)).map(([column, value]) => {
      values.push(value)
      return `${column} = $${values.length}`
    })
    values.push(ticket.id)
    parts.push(
      `ticket_write AS (UPDATE ${Ticket.table} SET ${sets.join(', ')} WHERE id = $${values.length})`
    )
  }
  if (assignments.length > 0) {
    const rows = assignments.map((assignment) => changedColumns(assignment))
    const left = [
      ...new Set(['department_id', 'role', ...columnsLeftToDatabase(TicketAssignment, rows[0])]),
    ]
    parts.push(
      `assignments AS (${insertStatement(TicketAssignment.table, rows, values)}
        RETURNING ${left.map((column) => `${column} AS ${ASSIGNMENT}${column}`).join(', ')})`
    )
    selected.push('assignments.*')
    joined.push('LEFT JOIN assignments ON true')
  }
  if (outbox.length > 0) {
    const rows = outbox.map((message) => outboxRow(message, at))
    parts.push(
      `outbox AS (${insertStatement(OutboxMessage.table, rows, values)} ON CONFLICT (dedupe_key) DO NOTHING)`
    )
  }
  // One INSERT, so the register line takes the lower id: a timeline reads in order.
  const lines = registration
    ? [eventRow(registration.register, ticket.createdAt.toJSDate()), eventRow(entry, at)]
    : [eventRow(entry, at)]
  parts.push(`events AS (${insertStatement(TicketEvent.table, lines, values)} RETURNING id)`)

  const rows = await directQuery(
    client,
    `WITH ${parts.join(', ')}
     SELECT ${selected.join(', ')}
     FROM (SELECT max(id) AS event_id FROM events) AS events ${joined.join(' ')}`,
    values
  )
  if (registration) storedInto(ticket, prefixed(rows[0], TICKET))
  else hydrateOriginals(ticket)
  for (const row of rows) {
    const stored = prefixed(row, ASSIGNMENT)
    const assignment = assignments.find(
      (a) => a.departmentId === stored.department_id && a.role === stored.role
    )
    if (assignment) storedInto(assignment, stored)
  }
  // (department, role) is unique among a round's new rows; an id left unread would name no timer
  if (assignments.some((assignment) => assignment.id === undefined))
    throw new Error('a new assignment was not read back from its insert')
  // the line as written: only its id comes from the database
  return TicketEvent.$createFromAdapterResult({
    ...eventRow(entry, at),
    id: rows[0].event_id,
    payload: entry.payload ?? {},
  })!
}

/** The columns of `row` named with `prefix`, without it. */
function prefixed(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const columns: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(row))
    if (name.startsWith(prefix)) columns[name.slice(prefix.length)] = value
  return columns
}
