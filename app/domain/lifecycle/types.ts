import type { Role } from '#domain/roles'
import type { Action, Status } from './statuses.js'

/**
 * Who acts. Timers and the national platform intake act as `system`, which has
 * no department and no role of its own.
 */
export type Actor = { role: Role; departmentId: number | null } | { role: 'system' }

/** One department's part in one handling round (主办 lead or 协办 assist). */
export interface LifecycleAssignment {
  departmentId: number
  role: 'lead' | 'assist'
  round: number
  signed: boolean
  /** returned (退单) or dropped: the department no longer takes part in this round */
  returned: boolean
  replied: boolean
}

/**
 * The ticket as the lifecycle sees it: a plain snapshot the caller builds from
 * the database. Anything that needs the clock (the return window) arrives
 * already computed, so this module never reads the time.
 */
export interface LifecycleTicket {
  status: Status
  /** 1 for the first handling round; each redo (重办) adds 1 */
  round: number
  statusBeforeSuspend: Status | null
  /** assignments of other rounds may be included; only `round` counts */
  assignments: readonly LifecycleAssignment[]
  /** now <= the return due of the acting department's assignment */
  returnWindowOpen: boolean
  pendingExtension: boolean
  approvedExtensionsThisRound: number
  /** a supervision order (督办) addressed to the acting department is unanswered */
  openSupervisionForActorDepartment: boolean
  /** unreachable callback attempts so far in this round */
  callbackAttempts: number
}

export interface PolicyLimits {
  maxExtensionsPerRound: number
  /** rounds after the first; round 1 + this many redo rounds at most */
  maxRedoRounds: number
  maxCallbackAttempts: number
}

/** The defaults from the domain design; the caller passes the policy's values. */
export const DEFAULT_POLICY_LIMITS: Readonly<PolicyLimits> = {
  maxExtensionsPerRound: 1,
  maxRedoRounds: 2,
  maxCallbackAttempts: 3,
}

/** The lead's result (i18n `messages.replyOutcomes.<outcome>`). */
export const REPLY_OUTCOMES = ['resolved', 'explained', 'unresolvable'] as const
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number]

/** What the requester said on the callback (i18n `messages.callbackResults.<result>`). */
export const CALLBACK_RESULTS = [
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'unreachable',
] as const
export type CallbackResult = (typeof CALLBACK_RESULTS)[number]

export type CloseReason =
  'satisfied' | 'basically_satisfied' | 'unreachable' | 'direct_answer' | 'no_callback'

/** What the caller sends with an action; each action reads only its own fields. */
export interface ActionInput {
  reason?: string | null
  /** direct_answer: false when the requester declined a callback */
  callbackRequired?: boolean
  /** dispatch, redispatch; callback_record (dissatisfied) to pick another lead */
  leadDepartmentId?: number | null
  assistDepartmentIds?: readonly number[]
  outcome?: ReplyOutcome | null
  result?: CallbackResult | null
}

/**
 * What the caller writes besides the new status, so it never re-derives the
 * rules. Effects on "the actor's assignment" mean the current round's
 * assignment of the acting department.
 */
export type Effect =
  /** the current round's departments become exactly these, each with fresh deadlines */
  | {
      type: 'assign_departments'
      round: number
      leadDepartmentId: number
      assistDepartmentIds: number[]
    }
  | { type: 'record_sign'; lead: boolean }
  /** the lead's assignment is marked returned; the center re-dispatches */
  | { type: 'return_to_center' }
  /** the assist's assignment is marked returned; the ticket carries on without it */
  | { type: 'drop_assist' }
  | { type: 'record_reply'; outcome: ReplyOutcome }
  /** the lead's reply is rejected: replied becomes false, same round */
  | { type: 'send_back_reply' }
  /** the callback deadline starts */
  | { type: 'start_callback' }
  | { type: 'record_callback'; result: CallbackResult }
  /** round, extension and callback-attempt counters start again */
  | { type: 'open_redo_round'; round: number }
  /** to a supervisor, and proposed for the ledger (台账) */
  | { type: 'escalate' }
  | { type: 'close'; reason: CloseReason }
  | { type: 'pause_clock'; statusBeforeSuspend: Status }
  | { type: 'resume_clock' }
  | { type: 'open_extension_request' }
  | { type: 'extend_handle_deadline' }
  | { type: 'reject_extension_request' }
  | { type: 'open_supervision_order' }
  | { type: 'answer_supervision_order' }
  | { type: 'merge_into_target' }

/** Guard failures that depend only on the ticket: the usual HTTP mapping is 409. */
export const STATE_GUARD_CODES = [
  'E_ALREADY_SIGNED',
  'E_NOT_SIGNED',
  'E_RETURN_WINDOW_CLOSED',
  'E_EXTENSION_PENDING',
  'E_EXTENSION_LIMIT',
  'E_NO_PENDING_EXTENSION',
  'E_NO_OPEN_SUPERVISION',
  'E_NO_STATUS_BEFORE_SUSPEND',
] as const

/** Guard failures caused by missing or bad input: the usual HTTP mapping is 422. */
export const INPUT_GUARD_CODES = [
  'E_REASON_REQUIRED',
  'E_OUTCOME_REQUIRED',
  'E_RESULT_REQUIRED',
  'E_LEAD_REQUIRED',
] as const

export type GuardCode = (typeof STATE_GUARD_CODES)[number] | (typeof INPUT_GUARD_CODES)[number]

export type Decision =
  | { ok: true; from: Status; to: Status; effects: Effect[] }
  /** this role may never take this action (403) */
  | { ok: false; reason: 'forbidden' }
  /** not in this status, or not for this department now (409) */
  | { ok: false; reason: 'invalid_transition'; allowed: Action[] }
  | { ok: false; reason: 'guard'; code: GuardCode }

export type RegistrationDecision =
  { ok: true; from: null; to: 'registered'; effects: Effect[] } | { ok: false; reason: 'forbidden' }
