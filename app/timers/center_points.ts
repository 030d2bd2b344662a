import type { DateTime } from 'luxon'

/**
 * Timer points outside the departments' sign/handle steps (those are in
 * timer_points.ts): the center's own steps on a ticket (re-dispatch after a
 * return, review of a reply, callback) and a department's answer to a
 * supervision order (催办/督办). Each has one point, at its due instant.
 */
export const CENTER_STEPS = ['redispatch', 'review', 'callback'] as const
export type CenterStep = (typeof CENTER_STEPS)[number]

/** The timer-relevant part of a ticket (plain data, so this stays pure). */
export interface CenterTimedTicket {
  id: number
  redispatchDueAt: DateTime | null
  reviewDueAt: DateTime | null
  callbackDueAt: DateTime | null
  redispatchBreachedAt: DateTime | null
  reviewBreachedAt: DateTime | null
  callbackBreachedAt: DateTime | null
}

export interface TimedOrder {
  id: number
  ticketId: number
  departmentId: number | null
  answerDueAt: DateTime | null
  answeredAt: DateTime | null
  answerBreachedAt: DateTime | null
}

export type CenterPoint =
  | { subject: 'ticket'; id: number; step: CenterStep; dueAt: DateTime }
  | { subject: 'order'; id: number; step: 'answer'; dueAt: DateTime }

/** What a `fire-center` job carries. */
export interface CenterRequest {
  subject: CenterPoint['subject']
  id: number
  step: CenterPoint['step']
  /** ISO */
  dueAt: string
  /** when the point fires (ISO, the due instant): a job run early waits for it again */
  at?: string
}

const DUE = {
  redispatch: ['redispatchDueAt', 'redispatchBreachedAt'],
  review: ['reviewDueAt', 'reviewBreachedAt'],
  callback: ['callbackDueAt', 'callbackBreachedAt'],
} as const satisfies Record<CenterStep, [keyof CenterTimedTicket, keyof CenterTimedTicket]>

/**
 * The ticket's running center steps not yet marked breached. A step moved
 * by a resume or a calendar change keeps its marker (breached once); a new
 * step of the kind clears it (the transition effects do).
 */
export function openCenterPoints(ticket: CenterTimedTicket): CenterPoint[] {
  return CENTER_STEPS.flatMap((step) => {
    const [dueKey, markKey] = DUE[step]
    const dueAt = ticket[dueKey] as DateTime | null
    if (!dueAt || ticket[markKey]) return []
    return [{ subject: 'ticket' as const, id: ticket.id, step, dueAt }]
  })
}

/** The order's answer point, while it is unanswered and not yet marked. */
export function openAnswerPoint(order: TimedOrder): CenterPoint | null {
  if (!order.answerDueAt || order.answeredAt || order.answerBreachedAt) return null
  return { subject: 'order', id: order.id, step: 'answer', dueAt: order.answerDueAt }
}

/** The column that marks a center step breached (tickets) or an answer overdue (orders). */
export const CENTER_MARKER = {
  redispatch: 'redispatch_breached_at',
  review: 'review_breached_at',
  callback: 'callback_breached_at',
  answer: 'answer_breached_at',
} as const

/** Deterministic job id, as for department points: the same point is queued once. */
export function centerJobId(point: Pick<CenterPoint, 'subject' | 'id' | 'step' | 'dueAt'>) {
  const prefix = point.subject === 'ticket' ? 't' : 'o'
  return `deadline-${prefix}${point.id}-${point.step}-due-${point.dueAt.toMillis()}`
}

/** Whether a requested center point is still to be acted on now. */
export function decideCenterPoint(
  request: CenterRequest,
  open: CenterPoint[],
  clockRuns: boolean,
  now: DateTime
): { outcome: 'fired' | 'stale' | 'early'; point?: CenterPoint } {
  if (!clockRuns) return { outcome: 'stale' }
  const point = open.find(
    (p) =>
      p.subject === request.subject &&
      p.id === request.id &&
      p.step === request.step &&
      p.dueAt.toMillis() === Date.parse(request.dueAt)
  )
  if (!point) return { outcome: 'stale' }
  if (point.dueAt > now) return { outcome: 'early' }
  return { outcome: 'fired', point }
}
