import { admits, assignmentOf, couldAdmit, relationOf } from './actors.js'
import type { Context, Guard } from './guards.js'
import { ACTIONS, type Action } from './statuses.js'
import { TRANSITIONS, type Transition } from './transitions.js'
import {
  DEFAULT_POLICY_LIMITS,
  type ActionInput,
  type Actor,
  type Decision,
  type GuardCode,
  type LifecycleTicket,
  type PolicyLimits,
  type RegistrationDecision,
} from './types.js'

function contextFor(
  ticket: LifecycleTicket,
  actor: Actor,
  input: ActionInput,
  limits: PolicyLimits
): Context {
  return { ticket, actor, assignment: assignmentOf(ticket, actor), input, limits }
}

/** The row that applies to this actor in this status, ignoring guards. */
function rowFor(action: Action, c: Context): Transition | undefined {
  const relation = relationOf(c.assignment)
  return TRANSITIONS.find(
    (row) =>
      row.action === action &&
      row.from.includes(c.ticket.status) &&
      admits(row.actors, c.actor, relation)
  )
}

function firstFailure(guards: readonly Guard[] | undefined, c: Context): GuardCode | null {
  for (const guard of guards ?? []) {
    const code = guard(c)
    if (code) return code
  }
  return null
}

/**
 * Decides whether `actor` may take `action` on the ticket now, and if so the
 * new status and what else the caller must write. Never throws for a refusal:
 * the caller maps `forbidden` to 403, `invalid_transition` to 409 and a guard
 * to 409 or 422 (see STATE_GUARD_CODES and INPUT_GUARD_CODES).
 *
 * NOTE: the snapshot carries no time and no other ticket, so the caller still
 * checks that an extension is asked before the handling deadline, that a merge
 * target is open, and that dispatched departments exist and are active.
 *
 * @example
 * decide(ticket, 'sign', { role: 'department_staff', departmentId: 7 })
 * // { ok: true, from: 'dispatched', to: 'handling', effects: [{ type: 'record_sign', lead: true }] }
 */
export function decide(
  ticket: LifecycleTicket,
  action: Action,
  actor: Actor,
  input: ActionInput = {},
  limits: PolicyLimits = DEFAULT_POLICY_LIMITS
): Decision {
  const rows = TRANSITIONS.filter((row) => row.action === action)
  if (!rows.some((row) => couldAdmit(row.actors, actor))) return { ok: false, reason: 'forbidden' }

  const c = contextFor(ticket, actor, input, limits)
  const row = rowFor(action, c)
  if (!row) {
    return {
      ok: false,
      reason: 'invalid_transition',
      allowed: allowedActions(ticket, actor, limits),
    }
  }

  const code = firstFailure(row.guards, c) ?? firstFailure(row.inputGuards, c)
  if (code) return { ok: false, reason: 'guard', code }

  const outcome = row.then(c)
  const to = outcome.to === 'unchanged' ? ticket.status : outcome.to
  return { ok: true, from: ticket.status, to, effects: outcome.effects }
}

/**
 * What this actor may do now, in ACTIONS order: the row applies and the
 * ticket's own guards pass. Input is not known yet, so an action that needs a
 * reason is still listed.
 *
 * @example
 * allowedActions(dispatchedTicket, leadStaff) // ['sign', 'return', 'answer_supervision']
 */
export function allowedActions(
  ticket: LifecycleTicket,
  actor: Actor,
  limits: PolicyLimits = DEFAULT_POLICY_LIMITS
): Action[] {
  const c = contextFor(ticket, actor, {}, limits)
  return ACTIONS.filter((action) => {
    const row = rowFor(action, c)
    return row !== undefined && firstFailure(row.guards, c) === null
  })
}

/**
 * register has no ticket to look at: only the actor decides.
 *
 * @example
 * decideRegistration({ role: 'system' }) // { ok: true, from: null, to: 'registered', effects: [] }
 */
export function decideRegistration(actor: Actor): RegistrationDecision {
  const allowed = TRANSITIONS.some(
    (row) => row.action === 'register' && row.from.includes(null) && couldAdmit(row.actors, actor)
  )
  return allowed
    ? { ok: true, from: null, to: 'registered', effects: [] }
    : { ok: false, reason: 'forbidden' }
}
