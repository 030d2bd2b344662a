import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { buildCalendar, type WorkingCalendar } from '#clock/index'
import Calendar from '#models/calendar'
import CalendarDay from '#models/calendar_day'
import CalendarYear from '#models/calendar_year'

interface CacheEntry {
  version: number
  calendar: WorkingCalendar
}

/**
 * Builds clock calendars from the database. A built calendar is cached per
 * process and keyed by the row's `version`, which every schedule change
 * bumps, so other processes see a change on their next lookup (one cheap
 * query) without any shared in-memory state.
 */
class CalendarService {
  #cache = new Map<number, CacheEntry>()

  /**
   * The calendar with `id`, or the default calendar. Inside a transaction,
   * pass its client: a second pool connection per transaction would starve
   * the pool under load (every connection held by a transaction waiting for
   * one more).
   */
  async get(
    id?: number | null,
    client?: QueryClientContract
  ): Promise<{ row: Calendar; calendar: WorkingCalendar }> {
    const row = id
      ? await Calendar.findOrFail(id, { client })
      : await Calendar.query({ client }).where('is_default', true).firstOrFail()
    const cached = this.#cache.get(row.id)
    if (cached && cached.version === row.version) return { row, calendar: cached.calendar }
    const calendar = await this.build(row, client)
    this.#cache.set(row.id, { version: row.version, calendar })
    return { row, calendar }
  }

  /**
   * The built calendar `id` at `version` if this process has it, without a
   * query: for a caller that read the version along with something else.
   */
  cached(id: number, version: number): WorkingCalendar | null {
    const cached = this.#cache.get(id)
    return cached && cached.version === version ? cached.calendar : null
  }

  async build(row: Calendar, client?: QueryClientContract): Promise<WorkingCalendar> {
    // One after the other: a transaction's client runs one query at a time.
    const days = await CalendarDay.query({ client }).where('calendar_id', row.id)
    const years = await CalendarYear.query({ client }).where('calendar_id', row.id)
    return buildCalendar({
      zone: row.zone,
      weeklyWindows: row.weeklyWindows,
      observesHolidays: row.observesHolidays,
      overrides: days.map((day) => ({ date: day.date, kind: day.kind, name: day.name })),
      loadedYears: years.map((entry) => entry.year),
    })
  }

  /** Years whose official schedule is loaded in a calendar. */
  async loadedYears(id: number): Promise<number[]> {
    const years = await CalendarYear.query().where('calendar_id', id).orderBy('year')
    return years.map((entry) => entry.year)
  }
}

const calendars = new CalendarService()
export default calendars
