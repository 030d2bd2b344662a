import { REPLY_OUTCOMES, CALLBACK_RESULTS } from './types.js'
import type {
  ActionInput,
  Actor,
  GuardCode,
  LifecycleAssignment,
  LifecycleTicket,
  PolicyLimits,
} from './types.js'

/** Everything a guard or an outcome may look at; built once per decision. */
export interface Context {
  ticket: LifecycleTicket
  actor: Actor
  /** the acting department's live assignment this round, if any */
  assignment: LifecycleAssignment | null
  input: ActionInput
  limits: PolicyLimits
}

/** Answers null when the action may go ahead, else the failure code. */
export type Guard = (c: Context) => GuardCode | null

// Guards on the ticket alone. allowedActions() runs these too, so a button is
// only offered when pressing it can succeed given valid input.

export const notSigned: Guard = (c) => (c.assignment?.signed ? 'E_ALREADY_SIGNED' : null)

export const signed: Guard = (c) => (c.assignment?.signed ? null : 'E_NOT_SIGNED')

export const returnWindowOpen: Guard = (c) =>
  c.ticket.returnWindowOpen ? null : 'E_RETURN_WINDOW_CLOSED'

export const noPendingExtension: Guard = (c) =>
  c.ticket.pendingExtension ? 'E_EXTENSION_PENDING' : null

export const extensionsLeft: Guard = (c) =>
  c.ticket.approvedExtensionsThisRound >= c.limits.maxExtensionsPerRound
    ? 'E_EXTENSION_LIMIT'
    : null

export const pendingExtension: Guard = (c) =>
  c.ticket.pendingExtension ? null : 'E_NO_PENDING_EXTENSION'

export const openSupervision: Guard = (c) =>
  c.ticket.openSupervisionForActorDepartment ? null : 'E_NO_OPEN_SUPERVISION'

// A suspended ticket without a remembered status is corrupt data; refusing
// beats guessing where the clock should restart.
export const rememberedStatus: Guard = (c) =>
  c.ticket.statusBeforeSuspend ? null : 'E_NO_STATUS_BEFORE_SUSPEND'

// Guards on the caller's input: only decide() runs these.

function hasText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0
}

export const reasonGiven: Guard = (c) => (hasText(c.input.reason) ? null : 'E_REASON_REQUIRED')

export const leadChosen: Guard = (c) =>
  typeof c.input.leadDepartmentId === 'number' ? null : 'E_LEAD_REQUIRED'

/** An unresolvable reply must say why, so the center can judge it on review. */
export const outcomeGiven: Guard = (c) => {
  const outcome = c.input.outcome
  if (!outcome || !REPLY_OUTCOMES.includes(outcome)) return 'E_OUTCOME_REQUIRED'
  return outcome === 'unresolvable' ? reasonGiven(c) : null
}

export const resultGiven: Guard = (c) => {
  const result = c.input.result
  return result && CALLBACK_RESULTS.includes(result) ? null : 'E_RESULT_REQUIRED'
}

/** Another round is allowed while the redo rounds so far stay under the limit. */
export function canRedo(c: Context): boolean {
  return c.ticket.round - 1 < c.limits.maxRedoRounds
}

/** The lead of the current round, the default lead of a redo round. */
export function currentLead(c: Context): LifecycleAssignment | null {
  const { round, assignments } = c.ticket
  return assignments.find((a) => a.round === round && a.role === 'lead' && !a.returned) ?? null
}

/** A redo needs a lead: the one the center picked, else the current lead. */
export const redoLeadKnown: Guard = (c) => {
  if (c.input.result !== 'dissatisfied' || !canRedo(c)) return null
  return typeof c.input.leadDepartmentId === 'number' || currentLead(c) ? null : 'E_LEAD_REQUIRED'
}
