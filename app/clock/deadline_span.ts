import { DateTime } from 'luxon'
import type { WorkingCalendar } from './calendar.js'
import type { DurationUnit } from './deadline.js'
import { dayAt, dayKeyOf, dayOf, MS_PER_DAY, MS_PER_MINUTE } from './days.js'
import { addUnpausedMs, firstUnpausedMs, type PauseSpans } from './pauses.js'
import { addWorkingMs, nextWorkingMs, workingMsBetween } from './working_time.js'

const MAX_SEARCH_DAYS = 3660

/** The numeric core of a deadline, before DateTimes and the explanation are built. */
export interface Span {
  countingMs: number
  dueMs: number
  warnMs: number
  /** where paused time starts to count against the deadline */
  pauseWindowFromMs: number
}

/** Where a deadline falls, in epoch ms, per unit. */
export function spanFor(
  cal: WorkingCalendar,
  unit: DurationUnit,
  amount: number,
  startMs: number,
  ratio: number,
  spans: PauseSpans
): Span {
  switch (unit) {
    case 'working_minutes':
    case 'working_hours': {
      const allowedMs = Math.round(amount * (unit === 'working_hours' ? 60 : 1) * MS_PER_MINUTE)
      return {
        countingMs: nextWorkingMs(cal, startMs, spans),
        dueMs: addWorkingMs(cal, startMs, allowedMs, spans),
        warnMs: addWorkingMs(cal, startMs, Math.round(allowedMs * ratio), spans),
        pauseWindowFromMs: startMs,
      }
    }
    case 'working_days':
      return workingDaysSpan(cal, amount, startMs, ratio, spans)
    case 'natural_minutes':
    case 'natural_hours':
    case 'natural_days': {
      const allowedMs =
        unit === 'natural_days'
          ? plusLocalDays(cal, startMs, amount) - startMs
          : amount * (unit === 'natural_hours' ? 60 : 1) * MS_PER_MINUTE
      return {
        countingMs: firstUnpausedMs(startMs, spans),
        dueMs: addUnpausedMs(startMs, allowedMs, spans),
        warnMs: addUnpausedMs(startMs, Math.round(allowedMs * ratio), spans),
        pauseWindowFromMs: startMs,
      }
    }
    default: {
      const never: never = unit
      throw new RangeError(`Unknown duration unit: ${String(never)}`)
    }
  }
}

/**
 * "N working days": the start's own day never counts (次日起), even when the
 * start is before opening time; day 1 is the next day that has working time,
 * and the deadline is the close of its last window on day N.
 *
 * NOTE: pauses are applied after the fact: the base due is extended by the
 * paused working time between the first counted instant and the due, and the
 * extension is recomputed until it no longer grows (a pause reaching into the
 * extension extends it again). The result is then no longer at close of
 * business: 1 working day with a 2-hour pause ends at 11:00 the day after.
 * Paused time on the start day itself is ignored, as that day is not counted.
 */
function workingDaysSpan(
  cal: WorkingCalendar,
  days: number,
  startMs: number,
  ratio: number,
  spans: PauseSpans
): Span {
  let counted = 0
  let firstOpenMs = Number.NaN
  let baseDueMs = Number.NaN
  const startKey = dayKeyOf(cal, startMs)
  for (let key = startKey + 1; counted < days; key++) {
    if (key - startKey > MAX_SEARCH_DAYS + days) {
      throw new RangeError('The calendar has too few working days to count this far')
    }
    const iv = dayAt(cal, key).intervals
    if (iv.length === 0) continue
    counted++
    if (counted === 1) firstOpenMs = iv[0]
    if (counted === days) baseDueMs = iv[iv.length - 1]
  }

  let dueMs = baseDueMs
  if (spans.length > 0) {
    for (;;) {
      const pausedMs =
        workingMsBetween(cal, firstOpenMs, dueMs) - workingMsBetween(cal, firstOpenMs, dueMs, spans)
      const extended = addWorkingMs(cal, baseDueMs, pausedMs)
      if (extended === dueMs) break
      dueMs = extended
    }
  }
  const allowedMs = workingMsBetween(cal, firstOpenMs, baseDueMs)
  return {
    countingMs: nextWorkingMs(cal, firstOpenMs, spans),
    dueMs,
    warnMs: addWorkingMs(cal, firstOpenMs, Math.round(allowedMs * ratio), spans),
    pauseWindowFromMs: firstOpenMs,
  }
}

/** Same local time N days later (wall clock), like luxon's plus({ days }). */
function plusLocalDays(cal: WorkingCalendar, startMs: number, days: number): number {
  const from = dayOf(cal, startMs)
  const to = dayAt(cal, from.key + days)
  // Elapsed time since midnight equals the wall-clock time unless the day has a
  // DST jump; only then pay for luxon's calendar arithmetic.
  const regular = from.endMs - from.startMs === MS_PER_DAY && to.endMs - to.startMs === MS_PER_DAY
  if (regular) return to.startMs + (startMs - from.startMs)
  return DateTime.fromMillis(startMs, { zone: cal.luxonZone }).plus({ days }).toMillis()
}
