import { type DateTime } from 'luxon'
import { nextWorkingInstant, type WorkingCalendar } from '#clock/index'

/** Local midnight of the day `at` falls on, in the calendar's zone. */
export function dayStart(at: DateTime, calendar: WorkingCalendar): DateTime {
  return at.setZone(calendar.zone).startOf('day')
}

/**
 * Whether the day has any working time (a weekend or a 法定节假日 has none; an
 * adjusted working Saturday, 调休, has some).
 *
 * @example isWorkingDay(DateTime.fromISO('2026-10-01', { zone }), cal) // false: 国庆节
 */
export function isWorkingDay(day: DateTime, calendar: WorkingCalendar): boolean {
  const start = dayStart(day, calendar)
  return nextWorkingInstant(start, calendar) < start.plus({ days: 1 })
}

/**
 * The first working day after `day`, per the calendar (holidays skipped,
 * adjusted working days counted).
 *
 * @example nextWorkingDay(DateTime.fromISO('2026-09-30', { zone }), cal) // 2026-10-08
 */
export function nextWorkingDay(day: DateTime, calendar: WorkingCalendar): DateTime {
  const tomorrow = dayStart(day, calendar).plus({ days: 1 })
  return dayStart(nextWorkingInstant(tomorrow, calendar), calendar)
}
