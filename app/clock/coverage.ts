import type { DateTime } from 'luxon'

/** The State Council publishes the next year's holidays around November. */
export const NEXT_YEAR_WARNING_MONTH = 11

export interface ScheduleCoverage {
  /** years that should be loaded by now and are not, e.g. [2027] from 1 November 2026 */
  missingYears: number[]
  currentYearMissing: boolean
  nextYearMissing: boolean
}

/**
 * Which official holiday schedules a calendar lacks at `now`: the current
 * year always, and the next year from 1 November on (deadlines set in late
 * November already reach into January).
 *
 * @example
 * scheduleCoverage(DateTime.fromISO('2026-11-05', { zone }), [2025, 2026])
 * // { missingYears: [2027], currentYearMissing: false, nextYearMissing: true }
 */
export function scheduleCoverage(now: DateTime, loadedYears: Iterable<number>): ScheduleCoverage {
  const loaded = new Set(loadedYears)
  const currentYearMissing = !loaded.has(now.year)
  const nextYearMissing = now.month >= NEXT_YEAR_WARNING_MONTH && !loaded.has(now.year + 1)
  const missingYears = [
    ...(currentYearMissing ? [now.year] : []),
    ...(nextYearMissing ? [now.year + 1] : []),
  ]
  return { missingYears, currentYearMissing, nextYearMissing }
}
