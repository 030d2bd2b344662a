import { CachedOffsetZone } from './zone.js'
import type { CalendarDay } from './days.js'

export { chineseDaysOverrides } from './chinese_days.js'

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/**
 * A recurring working window, local wall-clock time in the calendar's zone.
 *
 * NOTE: a window cannot cross midnight; a night shift is two windows
 * (22:00-24:00 and 00:00-06:00 on the next weekday).
 */
export interface WeeklyWindow {
  weekday: IsoWeekday
  /** 'HH:mm', 00:00 to 23:59 */
  start: string
  /** 'HH:mm', later than start; '24:00' means the following midnight */
  end: string
}

export type OverrideKind = 'holiday' | 'workday'

/**
 * A dated exception to the weekly pattern. A `workday` on a day without weekly
 * windows (a weekend) is an adjusted working day (调休上班).
 */
export interface DateOverride {
  /** 'yyyy-MM-dd' in the calendar's zone */
  date: string
  kind: OverrideKind
  /** festival name as published, e.g. 国庆节 */
  name: string
}

export interface CalendarOptions {
  /** IANA zone, default 'Asia/Shanghai' */
  zone?: string
  /** default DEFAULT_WEEKLY_WINDOWS */
  weeklyWindows?: readonly WeeklyWindow[]
  overrides?: readonly DateOverride[]
  /** years whose official holiday schedule is in `overrides` */
  loadedYears?: Iterable<number>
  /**
   * Windows an adjusted working day (调休) uses when its own weekday has none.
   * Default: the windows of the first of Monday..Friday that has any, i.e. the
   * ordinary weekday hours (the notice says which weekday's schedule it
   * replaces only implicitly, and in practice all weekdays share hours).
   */
  adjustedWorkdayWindows?: readonly { start: string; end: string }[]
  /**
   * false for a calendar that ignores public holidays (e.g. a 7x24 emergency
   * desk): overrides are ignored and no year is ever missing. Default true.
   */
  observesHolidays?: boolean
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

/** Monday to Friday, 09:00-12:00 and 13:30-17:30 (domain.md defaults). */
export const DEFAULT_WEEKLY_WINDOWS: readonly WeeklyWindow[] = Object.freeze(
  WEEKDAYS.slice(0, 5).flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:30', end: '17:30' },
  ])
)

/** Every day, all day (7x24). */
export const ALWAYS_ON_WINDOWS: readonly WeeklyWindow[] = Object.freeze(
  WEEKDAYS.map((weekday) => ({ weekday, start: '00:00', end: '24:00' }))
)

/**
 * A built calendar. Treat it as immutable; it memoises each day's working
 * intervals in `days`, so build it once and share it.
 *
 * NOTE: in a year missing from `loadedYears` only the weekly pattern applies
 * (no holidays, no adjusted days); computeDeadline flags such deadlines.
 * NOTE: the memo grows by one small entry per distinct day asked about, which
 * for a live desk is a few hundred a year; rebuild the calendar when the
 * schedule changes rather than mutating it.
 */
export interface WorkingCalendar {
  readonly zone: string
  readonly weeklyWindows: readonly WeeklyWindow[]
  readonly overrides: ReadonlyMap<string, DateOverride>
  readonly loadedYears: ReadonlySet<number>
  readonly observesHolidays: boolean
  /** flat [startMinute, endMinute, ...] per ISO weekday (index 0 unused) */
  readonly minutesByWeekday: readonly (readonly number[])[]
  readonly adjustedWorkdayMinutes: readonly number[]
  readonly luxonZone: CachedOffsetZone
  /** lazily filled cache: local day number (days since 1970-01-01) -> day */
  readonly days: Map<number, CalendarDay>
  /** zone offset used to guess an instant's local day before checking it */
  readonly guessOffsetMs: number
}

/**
 * Builds a working calendar.
 *
 * @example
 * const { overrides, years } = chineseDaysOverrides([2025, 2026])
 * const cal = buildCalendar({ overrides, loadedYears: years })
 * const desk = buildCalendar({ weeklyWindows: ALWAYS_ON_WINDOWS, observesHolidays: false })
 */
export function buildCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const zone = options.zone ?? 'Asia/Shanghai'
  if (!CachedOffsetZone.isValidZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`)
  const weeklyWindows = options.weeklyWindows ?? DEFAULT_WEEKLY_WINDOWS
  for (const w of weeklyWindows) {
    if (!WEEKDAYS.includes(w.weekday)) throw new RangeError(`Invalid weekday ${w.weekday}`)
  }
  const minutesByWeekday: number[][] = [[]]
  for (const weekday of WEEKDAYS) {
    minutesByWeekday.push(toMinuteRanges(weeklyWindows.filter((w) => w.weekday === weekday)))
  }
  const firstWorkingWeekday = minutesByWeekday.slice(1, 6).find((m) => m.length > 0) ?? []
  const adjustedWorkdayMinutes = options.adjustedWorkdayWindows
    ? toMinuteRanges(options.adjustedWorkdayWindows)
    : firstWorkingWeekday
  const observesHolidays = options.observesHolidays ?? true
  const luxonZone = new CachedOffsetZone(zone)

  return {
    zone,
    weeklyWindows,
    overrides: observesHolidays ? indexOverrides(options.overrides ?? []) : new Map(),
    loadedYears: new Set(options.loadedYears ?? []),
    observesHolidays,
    minutesByWeekday,
    adjustedWorkdayMinutes,
    luxonZone,
    days: new Map(),
    // Any instant will do: dayKeyOf walks to the right day when the guess is off.
    guessOffsetMs: luxonZone.offset(Date.UTC(2025, 0, 1)) * 60_000,
  }
}

function indexOverrides(overrides: readonly DateOverride[]): Map<string, DateOverride> {
  const byDate = new Map<string, DateOverride>()
  for (const o of overrides) {
    // Date.parse rolls 02-30 over to March, so compare the round trip.
    const ms = Date.parse(`${o.date}T00:00:00Z`)
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== o.date) {
      throw new RangeError(`Invalid override date "${o.date}"`)
    }
    const existing = byDate.get(o.date)
    if (existing && existing.kind !== o.kind) {
      throw new RangeError(`${o.date} is both a holiday and a working day`)
    }
    byDate.set(o.date, o)
  }
  return byDate
}

/** Sorted, merged, validated minute ranges as a flat array. */
function toMinuteRanges(windows: readonly { start: string; end: string }[]): number[] {
  const ranges = windows
    .map((w) => {
      const start = parseClock(w.start, false)
      const end = parseClock(w.end, true)
      if (end <= start) throw new RangeError(`Window ${w.start}-${w.end} ends before it starts`)
      return [start, end] as const
    })
    .sort((a, b) => a[0] - b[0])
  const flat: number[] = []
  for (const [start, end] of ranges) {
    const last = flat.length - 1
    if (last > 0 && start < flat[last]) {
      throw new RangeError(`Working windows overlap at minute ${start}`)
    }
    // Touching windows (12:00-13:00, 13:00-14:00) are one stretch of work.
    if (last > 0 && start === flat[last]) flat[last] = end
    else flat.push(start, end)
  }
  return flat
}

function parseClock(text: string, allowMidnightEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text)
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN
  const valid =
    match !== null &&
    Number(match[2]) < 60 &&
    (minutes < 1440 || (allowMidnightEnd && minutes === 1440))
  if (!valid) throw new RangeError(`Invalid time of day "${text}" (expected HH:mm)`)
  return minutes
}
