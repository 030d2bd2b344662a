/**
 * The ticket lifecycle: which action is allowed in which status, for whom, and
 * what it changes. Pure functions over a plain snapshot of the ticket; nothing
 * here reads the clock, the environment or the database. The transition use
 * case loads the snapshot, calls decide(), and writes the result.
 */
export {
  ACTIONS,
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PAUSED_STATUSES,
  STATUSES,
  actionLabelKey,
  statusGroup,
  statusLabelKey,
  type Action,
  type Status,
  type StatusGroup,
} from './statuses.js'
export {
  CALLBACK_RESULTS,
  DEFAULT_POLICY_LIMITS,
  INPUT_GUARD_CODES,
  REPLY_OUTCOMES,
  STATE_GUARD_CODES,
  type ActionInput,
  type Actor,
  type CallbackResult,
  type CloseReason,
  type Decision,
  type Effect,
  type GuardCode,
  type LifecycleAssignment,
  type LifecycleTicket,
  type PolicyLimits,
  type RegistrationDecision,
  type ReplyOutcome,
} from './types.js'
export { allowedActions, decide, decideRegistration } from './decide.js'
export { TRANSITIONS, type Transition } from './transitions.js'
