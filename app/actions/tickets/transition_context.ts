import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
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

/** The state one transition works on, inside its transaction. */
export interface TransitionContext {
  trx: TransactionClientContract
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
