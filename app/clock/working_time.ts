import { DateTime } from 'luxon'
import type { WorkingCalendar } from './calendar.js'
import { dayAt, dayKeyOf, MS_PER_MINUTE } from './days.js'
import { NO_PAUSES, pausedMsBetween, toPauseSpans, type Pause, type PauseSpans } from './pauses.js'

/**
 * How many days in a row may have no working window before we call the
 * calendar broken (no windows, or everything declared a holiday) instead of
 * looping forever.
 */
const MAX_IDLE_DAYS = 3660

function assertNotIdle(idleDays: number): void {
  if (idleDays > MAX_IDLE_DAYS) {
    throw new RangeError(`The calendar has no working time in ${MAX_IDLE_DAYS} consecutive days`)
  }
}

/** Epoch ms of the first working, unpaused instant at or after `ms`. */
export function nextWorkingMs(
  cal: WorkingCalendar,
  ms: number,
  spans: PauseSpans = NO_PAUSES
): number {
  const n = spans.length
  let p = 0
  let idle = 0
  for (let key = dayKeyOf(cal, ms); ; key++) {
    const iv = dayAt(cal, key).intervals
    idle = iv.length === 0 ? idle + 1 : 0
    assertNotIdle(idle)
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1]
      if (end <= ms) continue
      let at = iv[i] > ms ? iv[i] : ms
      while (p < n && spans[p + 1] <= at) p += 2
      if (p < n && spans[p] <= at) at = spans[p + 1]
      if (at < end) return at
    }
  }
}

/**
 * Epoch ms of the earliest instant by which `amountMs` of unpaused working
 * time has elapsed since `startMs`. Ending exactly at the close of a window
 * gives that close (12:00), not the next opening (13:30).
 */
export function addWorkingMs(
  cal: WorkingCalendar,
  startMs: number,
  amountMs: number,
  spans: PauseSpans = NO_PAUSES
): number {
  if (amountMs <= 0) return startMs
  const n = spans.length
  let remaining = amountMs
  let p = 0
  let idle = 0
  for (let key = dayKeyOf(cal, startMs); ; key++) {
    const iv = dayAt(cal, key).intervals
    idle = iv.length === 0 ? idle + 1 : 0
    assertNotIdle(idle)
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1]
      if (end <= startMs) continue
      let at = iv[i] > startMs ? iv[i] : startMs
      if (n === 0) {
        if (remaining <= end - at) return at + remaining
        remaining -= end - at
        continue
      }
      while (at < end) {
        while (p < n && spans[p + 1] <= at) p += 2
        if (p < n && spans[p] <= at) {
          at = spans[p + 1]
          continue
        }
        const segmentEnd = p < n && spans[p] < end ? spans[p] : end
        if (remaining <= segmentEnd - at) return at + remaining
        remaining -= segmentEnd - at
        at = segmentEnd
      }
    }
  }
}

/** Unpaused working ms in [fromMs, toMs); negative when `toMs` is earlier. */
export function workingMsBetween(
  cal: WorkingCalendar,
  fromMs: number,
  toMs: number,
  spans: PauseSpans = NO_PAUSES
): number {
  if (toMs < fromMs) return -workingMsBetween(cal, toMs, fromMs, spans)
  let total = 0
  const lastKey = dayKeyOf(cal, toMs)
  for (let key = dayKeyOf(cal, fromMs); key <= lastKey; key++) {
    const iv = dayAt(cal, key).intervals
    for (let i = 0; i < iv.length; i += 2) {
      const a = iv[i] > fromMs ? iv[i] : fromMs
      const b = iv[i + 1] < toMs ? iv[i + 1] : toMs
      if (b > a) total += b - a - (spans.length === 0 ? 0 : pausedMsBetween(spans, a, b))
    }
  }
  return total
}

/** Builds a DateTime in the calendar's zone without luxon's slow offset lookup. */
export function toDateTime(cal: WorkingCalendar, ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: cal.luxonZone })
}

function millisOf(at: DateTime, what: string): number {
  if (!at.isValid)
    throw new RangeError(`Invalid ${what}: ${at.invalidExplanation ?? at.invalidReason}`)
  return at.toMillis()
}

/**
 * The first instant at or after `at` that lies inside a working window.
 *
 * @example
 * // Friday 18:00 -> Monday 09:00 (Asia/Shanghai, default windows)
 * nextWorkingInstant(DateTime.fromISO('2025-11-21T18:00', { zone: 'Asia/Shanghai' }), cal)
 */
export function nextWorkingInstant(at: DateTime, cal: WorkingCalendar): DateTime {
  return toDateTime(cal, nextWorkingMs(cal, millisOf(at, 'instant')))
}

/**
 * Adds working minutes, skipping non-working time and the given pauses.
 *
 * @example
 * // Monday 11:00 + 120 working minutes -> Monday 14:30 (lunch skipped)
 * addWorkingMinutes(DateTime.fromISO('2025-11-24T11:00', { zone: 'Asia/Shanghai' }), 120, cal)
 */
export function addWorkingMinutes(
  start: DateTime,
  minutes: number,
  cal: WorkingCalendar,
  pauses?: readonly Pause[]
): DateTime {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Invalid minutes: ${minutes}`)
  const ms = addWorkingMs(
    cal,
    millisOf(start, 'start'),
    Math.round(minutes * MS_PER_MINUTE),
    toPauseSpans(pauses)
  )
  return toDateTime(cal, ms)
}

/**
 * Working minutes between two instants, minus paused working time.
 * Negative when `to` is before `from` (e.g. how late something is).
 *
 * @example
 * // Monday 11:00 -> Monday 14:30 = 120
 * workingMinutesBetween(mon1100, mon1430, cal)
 */
export function workingMinutesBetween(
  from: DateTime,
  to: DateTime,
  cal: WorkingCalendar,
  pauses?: readonly Pause[]
): number {
  const ms = workingMsBetween(cal, millisOf(from, 'from'), millisOf(to, 'to'), toPauseSpans(pauses))
  return ms / MS_PER_MINUTE
}
