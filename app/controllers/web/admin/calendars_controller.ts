import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import CalendarBuilder from '#builders/calendar_builder'
import ImportHolidayNotice, {
  type ImportHolidayNoticeResult,
} from '#actions/calendar/import_holiday_notice'
import clock from '#services/clock_service'
import { optionalId } from '#services/form_input'
import { importNoticeFormValidator } from '#validators/calendar'

type NoticeForm = { calendarId: number; text: string; year: number | null }

/**
 * The calendars page: loaded years per calendar, and loading a year from the
 * State Council notice in two steps, preview then save.
 */
export default class CalendarsPagesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with('CalendarPolicy').authorize('manage')
    return view.render('pages/admin/calendars/index', await this.pageData(null, null))
  }

  /** Parses the pasted notice and shows the days; the text rides along in a hidden field. */
  async preview({ bouncer, request, view }: HttpContext) {
    await bouncer.with('CalendarPolicy').authorize('manage')
    const form = await request.validateUsing(importNoticeFormValidator, {
      data: this.formInput(request),
    })
    const result = await new ImportHolidayNotice().handle({ ...form, dryRun: true })
    return view.render('pages/admin/calendars/index', await this.pageData(form, result))
  }

  async store({ bouncer, i18n, request, response, session }: HttpContext) {
    await bouncer.with('CalendarPolicy').authorize('manage')
    const form = await request.validateUsing(importNoticeFormValidator, {
      data: this.formInput(request),
    })
    const result = await new ImportHolidayNotice().handle({ ...form, dryRun: false })
    session.flash(
      'success',
      i18n.t('messages.calendars.imported', {
        year: result.year,
        holidays: result.holidays.length,
        workdays: result.workdays.length,
      })
    )
    return response.redirect().toRoute('admin.calendars.index')
  }

  private async pageData(form: NoticeForm | null, preview: ImportHolidayNoticeResult | null) {
    const now = clock.now()
    const calendars = await CalendarBuilder.overview(now)
    const standard = calendars.find((calendar) => calendar.isDefault) ?? null
    const target = form ? calendars.find((calendar) => calendar.id === form.calendarId) : standard
    const withWeekday = (day: { date: string; name: string }) => ({
      ...day,
      weekday: DateTime.fromISO(day.date).weekday,
    })
    return {
      calendars: calendars.map((calendar) => ({
        ...calendar,
        yearRanges: yearRanges(calendar.years),
      })),
      standard,
      nextYear: now.year + 1,
      form,
      target,
      preview: preview && {
        year: preview.year,
        holidays: preview.holidays.map(withWeekday),
        workdays: preview.workdays.map(withWeekday),
        replaces: target?.years.find((entry) => entry.year === preview.year) ?? null,
      },
    }
  }

  /** Form posts send an empty year as ''. */
  private formInput(request: HttpContext['request']) {
    const body = request.only(['calendarId', 'text', 'year'])
    return { ...body, calendarId: optionalId(body.calendarId), year: optionalId(body.year) }
  }
}

/**
 * Consecutive years from one source, for a short list: chinese-days alone
 * loads twenty-odd years.
 *
 * @example yearRanges([{ year: 2024, source: 'a' }, { year: 2025, source: 'a' }, { year: 2026, source: 'b' }])
 * // [{ from: 2024, to: 2025, source: 'a' }, { from: 2026, to: 2026, source: 'b' }]
 */
function yearRanges(years: { year: number; source: string }[]) {
  const ranges: { from: number; to: number; source: string }[] = []
  for (const { year, source } of years) {
    const last = ranges.at(-1)
    if (last && last.to === year - 1 && last.source === source) last.to = year
    else ranges.push({ from: year, to: year, source })
  }
  return ranges
}
