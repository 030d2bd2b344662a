import { DateTime } from 'luxon'
import type { DateOverride, IsoWeekday, WorkingCalendar } from './calendar.js'

export const MS_PER_MINUTE = 60_000
export const MS_PER_DAY = 86_400_000

/** One local calendar day, resolved to epoch milliseconds. */
export interface CalendarDay {
  /** local day number: days since 1970-01-01 in the calendar's zone */
  readonly key: number
  /** 'yyyy-MM-dd' */
  readonly date: string
  readonly year: number
  readonly weekday: IsoWeekday
  /** local midnight, inclusive */
  readonly startMs: number
  /** next local midnight, exclusive */
  readonly endMs: number
  /** working intervals, flat [start, end, start, end, ...], sorted */
  readonly intervals: readonly number[]
  /** the override that applies, if the calendar observes holidays */
  readonly override: DateOverride | undefined
}

/** The day with local day number `key`, computed once per calendar. */
export function dayAt(cal: WorkingCalendar, key: number): CalendarDay {
  let day = cal.days.get(key)
  if (day === undefined) {
    day = computeDay(cal, key)
    cal.days.set(key, day)
  }
  return day
}

/** Local day number of an instant. */
export function dayKeyOf(cal: WorkingCalendar, ms: number): number {
  // The guessed offset can be off by a DST shift or a historic offset change;
  // the cached day boundaries settle it.
  let key = Math.floor((ms + cal.guessOffsetMs) / MS_PER_DAY)
  for (;;) {
    const day = dayAt(cal, key)
    if (ms < day.startMs) key--
    else if (ms >= day.endMs) key++
    else return key
  }
}

export function dayOf(cal: WorkingCalendar, ms: number): CalendarDay {
  return dayAt(cal, dayKeyOf(cal, ms))
}

function computeDay(cal: WorkingCalendar, key: number): CalendarDay {
  const civil = new Date(key * MS_PER_DAY)
  const year = civil.getUTCFullYear()
  const month = civil.getUTCMonth() + 1
  const dayOfMonth = civil.getUTCDate()
  const date = civil.toISOString().slice(0, 10)
  const weekday = (((((key + 3) % 7) + 7) % 7) + 1) as IsoWeekday // 1970-01-01 was a Thursday
  const startMs = localMs(cal, year, month, dayOfMonth, 0)
  const next = new Date((key + 1) * MS_PER_DAY)
  const endMs = localMs(cal, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0)

  const override = cal.overrides.get(date)
  const weekly = cal.minutesByWeekday[weekday]
  let minutes: readonly number[] = weekly
  if (override?.kind === 'holiday') minutes = []
  else if (override?.kind === 'workday' && weekly.length === 0) minutes = cal.adjustedWorkdayMinutes

  // On a 24-hour day minutes map linearly; on a DST day ask luxon per boundary.
  const regular = endMs - startMs === MS_PER_DAY
  const toMs = (minute: number) => {
    if (minute === 1440) return endMs
    return regular
      ? startMs + minute * MS_PER_MINUTE
      : localMs(cal, year, month, dayOfMonth, minute)
  }
  const intervals: number[] = []
  for (let i = 0; i < minutes.length; i += 2) {
    const from = toMs(minutes[i])
    const to = toMs(minutes[i + 1])
    // A window inside a skipped DST hour has no length at all.
    if (to > from) intervals.push(from, to)
  }
  return { key, date, year, weekday, startMs, endMs, intervals, override }
}

function localMs(
  cal: WorkingCalendar,
  year: number,
  month: number,
  day: number,
  minute: number
): number {
  return DateTime.fromObject(
    { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone: cal.luxonZone }
  ).toMillis()
}
