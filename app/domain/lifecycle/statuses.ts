/**
 * Ticket statuses and the actions that move them. Labels come from the i18n
 * keys `messages.statuses.<status>` (受理, 已派单, 办理中, 已答复, 待回访, 办结,
 * 退回, 挂起, 已合并) and `messages.actions.<action>` (受理, 直接答复, 派单, ...).
 */
export const STATUSES = [
  'registered',
  'dispatched',
  'handling',
  'replied',
  'callback',
  'closed',
  'returned',
  'suspended',
  'merged',
] as const
export type Status = (typeof STATUSES)[number]

/** Statuses whose deadlines run: someone at the center or a department owes the next step. */
export const OPEN_STATUSES: readonly Status[] = [
  'registered',
  'dispatched',
  'handling',
  'replied',
  'callback',
  'returned',
]

/** The clock is stopped but the ticket is not finished (挂起). */
export const PAUSED_STATUSES: readonly Status[] = ['suspended']

/** Finished: no deadline runs and nothing but reads may follow. */
export const CLOSED_STATUSES: readonly Status[] = ['closed', 'merged']

export type StatusGroup = 'open' | 'paused' | 'closed'

/**
 * @example statusGroup('suspended') // 'paused'
 */
export function statusGroup(status: Status): StatusGroup {
  if (PAUSED_STATUSES.includes(status)) return 'paused'
  if (CLOSED_STATUSES.includes(status)) return 'closed'
  return 'open'
}

export const ACTIONS = [
  'register',
  'direct_answer',
  'dispatch',
  'sign',
  'return',
  'redispatch',
  'assist_input',
  'reply',
  'review_accept',
  'review_reject',
  'callback_record',
  'suspend',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'urge',
  'supervise',
  'answer_supervision',
  'merge',
  'close',
] as const
export type Action = (typeof ACTIONS)[number]

/** @example statusLabelKey('returned') // 'messages.statuses.returned' */
export function statusLabelKey(status: Status): string {
  return `messages.statuses.${status}`
}

/** @example actionLabelKey('sign') // 'messages.actions.sign' */
export function actionLabelKey(action: Action): string {
  return `messages.actions.${action}`
}
