import type { DateTime } from 'luxon'

export const TIMER_STEPS = ['sign', 'handle'] as const
export type TimerStep = (typeof TIMER_STEPS)[number]
export const TIMER_PHASES = ['warn', 'due', 'escalate'] as const
export type TimerPhase = (typeof TIMER_PHASES)[number]

/** The timer-relevant part of an assignment (plain data, so this stays pure). */
export interface TimedAssignment {
  id: number
  active: boolean
  role: 'lead' | 'assist'
  signDueAt: DateTime | null
  signWarnAt: DateTime | null
  signedAt: DateTime | null
  signWarnedAt: DateTime | null
  signBreachedAt: DateTime | null
  signEscalatedAt: DateTime | null
  handleDueAt: DateTime | null
  handleWarnAt: DateTime | null
  repliedAt: DateTime | null
  handleWarnedAt: DateTime | null
  handleBreachedAt: DateTime | null
  handleEscalatedAt: DateTime | null
}

export interface TimerPoint {
  assignmentId: number
  step: TimerStep
  phase: TimerPhase
  /** when the point fires */
  at: DateTime
  /** the deadline it belongs to: a job whose dueAt no longer matches is stale */
  dueAt: DateTime
}

/**
 * The points still to fire for an assignment: warning, due and escalation of
 * the step that is running (sign until signed; handle for the lead until it
 * replies), skipping any already marked.
 *
 * @example openPoints(assignment, 240) // [{ step: 'sign', phase: 'warn', at: 11:30 }, ...]
 */
export function openPoints(
  assignment: TimedAssignment,
  escalateAfterMinutes: number
): TimerPoint[] {
  if (!assignment.active) return []
  const points: TimerPoint[] = []
  const push = (step: TimerStep, phase: TimerPhase, at: DateTime | null, dueAt: DateTime) => {
    if (at) points.push({ assignmentId: assignment.id, step, phase, at, dueAt })
  }
  if (!assignment.signedAt && assignment.signDueAt) {
    const due = assignment.signDueAt
    if (!assignment.signWarnedAt) push('sign', 'warn', assignment.signWarnAt, due)
    if (!assignment.signBreachedAt) push('sign', 'due', due, due)
    if (!assignment.signEscalatedAt)
      push('sign', 'escalate', due.plus({ minutes: escalateAfterMinutes }), due)
  }
  if (
    assignment.role === 'lead' &&
    assignment.signedAt &&
    !assignment.repliedAt &&
    assignment.handleDueAt
  ) {
    const due = assignment.handleDueAt
    if (!assignment.handleWarnedAt) push('handle', 'warn', assignment.handleWarnAt, due)
    if (!assignment.handleBreachedAt) push('handle', 'due', due, due)
    if (!assignment.handleEscalatedAt)
      push('handle', 'escalate', due.plus({ minutes: escalateAfterMinutes }), due)
  }
  return points
}

/**
 * The job id of a point: the same point always gets the same id, so adding
 * it twice (a sweep and a transition racing) queues it once; a changed
 * deadline gets a new id and the old job finds its dueAt stale.
 */
export function timerJobId(
  point: Pick<TimerPoint, 'assignmentId' | 'step' | 'phase' | 'dueAt'>
): string {
  return `deadline-${point.assignmentId}-${point.step}-${point.phase}-${point.dueAt.toMillis()}`
}

/** What a job (or the sweep) asks for: a point of an assignment's deadline. */
export interface PointRequest {
  assignmentId: number
  step: TimerStep
  phase: TimerPhase
  /** the deadline the job was scheduled for (ISO) */
  dueAt: string
  /** when the point fires (ISO): a job run early waits for it again */
  at?: string
}

export type FireOutcome = 'fired' | 'stale' | 'early'

/**
 * Whether a requested point is to be acted on now: only while the ticket's
 * clock runs, the point is still open, still for the same deadline (an
 * extension or a resume gave it a new one), and reached.
 */
export function decidePoint(
  request: PointRequest,
  assignment: TimedAssignment | undefined,
  clockRuns: boolean,
  now: DateTime,
  escalateAfterMinutes: number
): { outcome: FireOutcome; point?: TimerPoint } {
  if (!assignment || !clockRuns) return { outcome: 'stale' }
  const point = openPoints(assignment, escalateAfterMinutes).find(
    (p) => p.step === request.step && p.phase === request.phase
  )
  if (!point || point.dueAt.toMillis() !== Date.parse(request.dueAt)) return { outcome: 'stale' }
  if (point.at > now) return { outcome: 'early' }
  return { outcome: 'fired', point }
}

/** The assignment column that records a point as handled. */
export const MARKER = {
  sign: { warn: 'signWarnedAt', due: 'signBreachedAt', escalate: 'signEscalatedAt' },
  handle: { warn: 'handleWarnedAt', due: 'handleBreachedAt', escalate: 'handleEscalatedAt' },
} as const satisfies Record<TimerStep, Record<TimerPhase, keyof TimedAssignment>>
