import type { DateTime } from 'luxon'
import Calendar from '#models/calendar'
import { scheduleCoverage } from '#clock/index'
import { toIso } from '#services/clock_service'

export interface CalendarOverview {
  id: number
  name: string
  zone: string
  isDefault: boolean
  observesHolidays: boolean
  version: number
  /** loaded official schedules, oldest first */
  years: { year: number; source: string; loadedAt: string | null }[]
  /** from 1 November: next year's schedule is not loaded (never for a 7x24 calendar) */
  nextYearMissing: boolean
}

/** Calendar reads. Calendars are not scoped: only admins look at them. */
export default class CalendarBuilder {
  /** Every calendar, the default first, with its loaded years. */
  static withYears() {
    return Calendar.query()
      .preload('years', (years) => years.orderBy('year'))
      .orderBy('is_default', 'desc')
      .orderBy('id')
  }

  /** What the calendars page and `GET /api/v1/calendars` show, as of `now`. */
  static async overview(now: DateTime): Promise<CalendarOverview[]> {
    const calendars = await this.withYears()
    return calendars.map((calendar) => {
      const loadedYears = calendar.years.map((entry) => entry.year)
      return {
        id: calendar.id,
        name: calendar.name,
        zone: calendar.zone,
        isDefault: calendar.isDefault,
        observesHolidays: calendar.observesHolidays,
        version: calendar.version,
        years: calendar.years.map((entry) => ({
          year: entry.year,
          source: entry.source,
          loadedAt: toIso(entry.loadedAt),
        })),
        nextYearMissing:
          calendar.observesHolidays && scheduleCoverage(now, loadedYears).nextYearMissing,
      }
    })
  }
}
