import { canRedo, currentLead, type Context } from './guards.js'
import type { Status } from './statuses.js'
import type { CallbackResult, Effect } from './types.js'

/** Where a row leads and what the caller must write besides the status. */
export interface Outcome {
  to: Status | 'unchanged'
  effects: Effect[]
}
export type Resolve = (c: Context) => Outcome
type EffectSpec = Effect | ((c: Context) => Effect)
// Outcomes run only after every guard of their row passed, which is why the
// non-null assertions on input and snapshot fields below hold.

const build = (c: Context, specs: EffectSpec[]) =>
  specs.map((spec) => (typeof spec === 'function' ? spec(c) : spec))

/** A fixed target status. */
export const goTo =
  (to: Status, ...effects: EffectSpec[]): Resolve =>
  (c) => ({ to, effects: build(c, effects) })

/** The status stays; only side records change (a sign, an urge, an order). */
export const stay =
  (...effects: EffectSpec[]): Resolve =>
  (c) => ({ to: 'unchanged', effects: build(c, effects) })

// The lead is never also an assist, and an assist listed twice would get two
// deadlines; the validator should catch both, this only keeps the effect sane.
function assistsBesides(lead: number, assists: readonly number[] | undefined): number[] {
  return [...new Set(assists ?? [])].filter((id) => id !== lead)
}

/** dispatch and redispatch: the center's choice for the current round. */
export const assignChosen = (c: Context): Effect => {
  const lead = c.input.leadDepartmentId as number
  return {
    type: 'assign_departments',
    round: c.ticket.round,
    leadDepartmentId: lead,
    assistDepartmentIds: assistsBesides(lead, c.input.assistDepartmentIds),
  }
}

export const recordReply = (c: Context): Effect => ({
  type: 'record_reply',
  outcome: c.input.outcome!,
})

export const pauseClock = (c: Context): Effect => ({
  type: 'pause_clock',
  statusBeforeSuspend: c.ticket.status,
})

/** resume: back to where the suspension found the ticket. */
export const resumePrevious: Resolve = (c) => ({
  to: c.ticket.statusBeforeSuspend!,
  effects: [{ type: 'resume_clock' }],
})

/** A direct answer needs a callback unless the requester declined one. */
export const directAnswer: Resolve = (c) =>
  c.input.callbackRequired === false
    ? { to: 'closed', effects: [{ type: 'close', reason: 'direct_answer' }] }
    : { to: 'callback', effects: [{ type: 'start_callback' }] }

/**
 * A redo round keeps the same departments unless the center picks another
 * lead; then the assists are the ones it lists with it.
 */
function redoAssignment(c: Context, round: number): Effect {
  const previous = c.ticket.assignments.filter((a) => a.round === c.ticket.round && !a.returned)
  const chosen = c.input.leadDepartmentId
  const lead = typeof chosen === 'number' ? chosen : currentLead(c)!.departmentId
  const assists =
    typeof chosen === 'number'
      ? c.input.assistDepartmentIds
      : previous.filter((a) => a.role === 'assist').map((a) => a.departmentId)
  return {
    type: 'assign_departments',
    round,
    leadDepartmentId: lead,
    assistDepartmentIds: assistsBesides(lead, assists),
  }
}

/**
 * callback_record: satisfied closes; unreachable retries until the attempts run
 * out; dissatisfied opens a redo round (重办) until the redo limit, then
 * escalates while the ticket waits in callback for a supervisor's decision.
 */
export const callbackOutcome: Resolve = (c) => {
  const result = c.input.result as CallbackResult
  const record: Effect = { type: 'record_callback', result }
  switch (result) {
    case 'satisfied':
    case 'basically_satisfied':
      return { to: 'closed', effects: [record, { type: 'close', reason: result }] }
    case 'unreachable':
      return c.ticket.callbackAttempts + 1 < c.limits.maxCallbackAttempts
        ? { to: 'unchanged', effects: [record] }
        : { to: 'closed', effects: [record, { type: 'close', reason: 'unreachable' }] }
    case 'dissatisfied': {
      if (!canRedo(c)) return { to: 'unchanged', effects: [record, { type: 'escalate' }] }
      const round = c.ticket.round + 1
      return {
        to: 'dispatched',
        effects: [record, { type: 'open_redo_round', round }, redoAssignment(c, round)],
      }
    }
  }
}
