import type { DateTime } from 'luxon'
import type { WorkingCalendar } from './calendar.js'
import { spanFor } from './deadline_span.js'
import { dayOf } from './days.js'
import { buildExplanation, type DeadlineExplanation } from './explanation.js'
import { toPauseSpans, type Pause } from './pauses.js'
import { toDateTime } from './working_time.js'

export type DurationUnit =
  | 'working_minutes'
  | 'working_hours'
  | 'working_days'
  | 'natural_minutes'
  | 'natural_hours'
  | 'natural_days'

export interface DeadlineInput {
  start: DateTime
  amount: number
  unit: DurationUnit
  calendar: WorkingCalendar
  /** stretches during which the clock stops (suspension, approved wait) */
  pauses?: readonly Pause[]
  /** share of the allowed time after which to warn; default 0.75 */
  warningRatio?: number
}

export interface Deadline {
  dueAt: DateTime
  warnAt: DateTime
  /** true when the counted span reaches a year whose official schedule is not loaded */
  calendarIncomplete: boolean
  missingYears: number[]
  explanation: DeadlineExplanation
}

export const DEFAULT_WARNING_RATIO = 0.75

/**
 * Computes when something is due and when to warn, in the calendar's zone.
 *
 * @example
 * // dispatched Monday 2025-11-24 10:00, 1 working day -> Tuesday 17:30 (次日起)
 * computeDeadline({ start, amount: 1, unit: 'working_days', calendar: cal }).dueAt
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { amount, unit, calendar: cal } = input
  const ratio = input.warningRatio ?? DEFAULT_WARNING_RATIO
  if (!input.start.isValid) throw new RangeError('Invalid start instant')
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`Invalid amount: ${amount}`)
  if (unit.endsWith('_days') && !Number.isInteger(amount)) {
    throw new RangeError(`A day count must be a whole number, got ${amount}`)
  }
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`Invalid warning ratio: ${ratio}`)

  const startMs = input.start.toMillis()
  const spans = toPauseSpans(input.pauses)
  const span = spanFor(cal, unit, amount, startMs, ratio, spans)
  // NOTE: natural units are never flagged: a holiday schedule published later
  // cannot move them, so "incomplete" would only cause needless alarms.
  const working = unit.startsWith('working_')
  const missingYears = working ? missingYearsBetween(cal, startMs, span.dueMs) : []
  const dueAt = toDateTime(cal, span.dueMs)
  // DateTime construction is most of the cost here: reuse what we can.
  const startAt = input.start.zone.equals(cal.luxonZone) ? input.start : toDateTime(cal, startMs)
  return {
    dueAt,
    warnAt: toDateTime(cal, span.warnMs),
    calendarIncomplete: missingYears.length > 0,
    missingYears,
    explanation: buildExplanation({
      cal,
      unit,
      amount,
      startMs,
      startAt,
      spans,
      missingYears,
      dueAt,
      ...span,
    }),
  }
}

/**
 * Years touched by [start, due] whose official schedule is not loaded. A due at
 * exactly midnight belongs to the day it closes.
 */
function missingYearsBetween(cal: WorkingCalendar, startMs: number, dueMs: number): number[] {
  if (!cal.observesHolidays) return []
  const firstYear = dayOf(cal, startMs).year
  const lastYear = dayOf(cal, Math.max(startMs, dueMs - 1)).year
  const missing: number[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    if (!cal.loadedYears.has(year)) missing.push(year)
  }
  return missing
}
