import { DateTime } from 'luxon'
import type { TimedAssignment } from '#timers/timer_points'

/** Monday 23 November 2026 at a Shanghai wall-clock time, e.g. `mondayAt('11:30')`. */
export const mondayAt = (time: string) =>
  DateTime.fromISO(`2026-11-23T${time}`, { zone: 'Asia/Shanghai' })

/**
 * What the timers read of an assignment: a lead dispatched Monday 10:00,
 * sign warns 11:30 and falls due 12:00; nothing signed or marked yet.
 */
export function timedAssignment(overrides: Partial<TimedAssignment> = {}): TimedAssignment {
  return {
    id: 7,
    active: true,
    role: 'lead',
    signDueAt: mondayAt('12:00'),
    signWarnAt: mondayAt('11:30'),
    signedAt: null,
    signWarnedAt: null,
    signBreachedAt: null,
    signEscalatedAt: null,
    handleDueAt: null,
    handleWarnAt: null,
    repliedAt: null,
    handleWarnedAt: null,
    handleBreachedAt: null,
    handleEscalatedAt: null,
    ...overrides,
  }
}
