import { ALWAYS_ON_WINDOWS, DEFAULT_WEEKLY_WINDOWS, chineseDaysOverrides } from '#clock/index'
import Calendar from '#models/calendar'
import CalendarYear from '#models/calendar_year'
import ReplaceYearSchedule from '#actions/calendar/replace_year_schedule'

/**
 * The default working calendar (Mon–Fri 09:00–12:00, 13:30–17:30 with every
 * year of holidays and 调休 the chinese-days package knows) and a 7x24
 * calendar for emergency desks. Years already loaded, for example from an
 * imported State Council notice, are left as they are.
 */
export async function seedCalendars() {
  const standard = await Calendar.updateOrCreate(
    { name: '标准工作日历' },
    {
      zone: 'Asia/Shanghai',
      weeklyWindows: [...DEFAULT_WEEKLY_WINDOWS],
      observesHolidays: true,
      isDefault: true,
    }
  )
  await Calendar.updateOrCreate(
    { name: '7x24 应急值守' },
    {
      zone: 'Asia/Shanghai',
      weeklyWindows: [...ALWAYS_ON_WINDOWS],
      observesHolidays: false,
      isDefault: false,
    }
  )

  const loadedRows = await CalendarYear.query().where('calendar_id', standard.id)
  const loaded = new Set(loadedRows.map((row) => row.year))
  const { overrides, years } = chineseDaysOverrides()
  for (const year of years.filter((y) => !loaded.has(y))) {
    await new ReplaceYearSchedule().handle({
      calendarId: standard.id,
      year,
      days: overrides.filter((day) => day.date.startsWith(`${year}-`)),
      source: 'chinese-days',
    })
  }
}
