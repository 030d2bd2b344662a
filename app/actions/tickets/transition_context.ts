import type { DateTime } from 'luxon'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type Ticket from '#models/ticket'
import type TicketAssignment from '#models/ticket_assignment'
import type SlaPolicy from '#models/sla_policy'
import type { ActionInput, Actor } from '#domain/lifecycle/index'
import type { StepDeadlines } from '#actions/tickets/step_deadlines'
import type { TransactionLookups } from '#actions/tickets/transaction_lookups'
import type { OutboxEntry } from '#actions/tickets/outbox'

/** Who acts on a ticket: a signed-in user, or the system (timers, national platform). */
export type TicketActor = Actor & { id: number | null }

/** Everything an action may carry; each action reads only its own fields. */
export interface TransitionInput extends ActionInput {
  /** reply, direct answer, assist input, urge/supervision text, supervision answer */
  content?: string | null
  /** callback or decision comment */
  comment?: string | null
  /** request_extension */
  requestedWorkingDays?: number | null
  /** merge */
  targetTicketId?: number | null
  /** supervise / urge: which department (default: the current lead) */
  departmentId?: number | null
  /** optimistic check: refuse with 409 when the ticket moved on since the caller read it */
  expectedVersion?: number | null
}

/**
 * The state one transition works on. `trx` is its transaction, except for a
 * ticket being registered (受理即转办): that one is written by the single
 * closing statement, with nothing stored to change before it.
 */
export interface TransitionContext {
  trx: QueryClientContract
  ticket: Ticket
  policy: SlaPolicy
  /** every assignment of the ticket's current round, returned ones included */
  assignments: TicketAssignment[]
  /** the ones this transition creates: written with its closing statement */
  newAssignments: TicketAssignment[]
  actor: TicketActor
  input: TransitionInput
  now: DateTime
  deadlines: StepDeadlines
  /** departments and calendars, read once in this transaction */
  lookups: TransactionLookups
  /** what the event log line will say, filled in by the effects */
  payload: Record<string, unknown>
  outbox: OutboxEntry[]
}

/** The acting department's assignment in the current round, if any. */
export function actorAssignment(context: TransitionContext): TicketAssignment | undefined {
  const departmentId = 'departmentId' in context.actor ? context.actor.departmentId : null
  return context.assignments.find((a) => a.active && a.departmentId === departmentId)
}

/** The current round's active lead assignment. */
export function leadAssignment(context: TransitionContext): TicketAssignment | undefined {
  return context.assignments.find((a) => a.active && a.role === 'lead')
}

/**
 * The client as the transaction it must be: a stored ticket, and every row
 * hanging off it, changes only inside one (only a registration runs
 * outside, and it has no stored rows to change).
 */
export function transactionOf(client: QueryClientContract): TransactionClientContract {
  if (!client.isTransaction) throw new Error('a stored ticket changes only inside a transaction')
  return client as TransactionClientContract
}

/** Binds a stored row to the transition's transaction, so its save() runs inside it. */
export function boundRow<Row extends LucidRow>(context: TransitionContext, row: Row): Row {
  row.useTransaction(transactionOf(context.trx))
  return row
}
