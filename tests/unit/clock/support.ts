import { DateTime } from 'luxon'
import {
  ALWAYS_ON_WINDOWS,
  buildCalendar,
  chineseDaysOverrides,
  type Pause,
  type WorkingCalendar,
} from '#clock/index'

/** Every case pins this zone; nothing reads today's date. */
export const ZONE = 'Asia/Shanghai'

const official = chineseDaysOverrides([2025, 2026])

/** Default windows with the real 2025 and 2026 holidays; 2027 is not loaded. */
export const cal: WorkingCalendar = buildCalendar({
  zone: ZONE,
  overrides: official.overrides,
  loadedYears: official.years,
})

/** Default windows and no holiday schedule at all. */
export const bareCal: WorkingCalendar = buildCalendar({ zone: ZONE })

/** A 7x24 desk that works through public holidays. */
export const alwaysOnCal: WorkingCalendar = buildCalendar({
  zone: ZONE,
  weeklyWindows: ALWAYS_ON_WINDOWS,
  observesHolidays: false,
})

/** '2025-10-09T17:30' -> DateTime in Asia/Shanghai */
export function at(wallClock: string): DateTime {
  const dt = DateTime.fromISO(wallClock, { zone: ZONE })
  if (!dt.isValid) throw new Error(`bad test instant ${wallClock}`)
  return dt
}

/** DateTime -> '2025-10-09T17:30' in Asia/Shanghai (seconds only if not zero). */
export function local(dt: DateTime): string {
  const shanghai = dt.setZone(ZONE)
  return shanghai.toFormat(
    shanghai.second || shanghai.millisecond ? "yyyy-MM-dd'T'HH:mm:ss.SSS" : "yyyy-MM-dd'T'HH:mm"
  )
}

/** [['2025-10-01T10:00', '2025-10-02T12:00'], ...] -> pauses */
export function pauses(
  spans: readonly (readonly [string, string])[] | undefined
): Pause[] | undefined {
  return spans?.map(([from, to]) => ({ from: at(from), to: at(to) }))
}
