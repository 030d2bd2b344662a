import type { HttpContext } from '@adonisjs/core/http'
import CalendarBuilder from '#builders/calendar_builder'
import ImportHolidayNotice from '#actions/calendar/import_holiday_notice'
import clock from '#services/clock_service'
import { importNoticeValidator } from '#validators/calendar'

export default class CalendarsController {
  async index({ bouncer }: HttpContext) {
    await bouncer.with('CalendarPolicy').authorize('manage')
    return { data: await CalendarBuilder.overview(clock.now()) }
  }

  /** Previews (`dryRun: true`) or loads a year from the State Council notice. */
  async importNotice({ bouncer, params, request }: HttpContext) {
    await bouncer.with('CalendarPolicy').authorize('manage')
    const input = await request.validateUsing(importNoticeValidator)
    const result = await new ImportHolidayNotice().handle({
      calendarId: params.id,
      text: input.text,
      year: input.year,
      dryRun: input.dryRun ?? false,
    })
    return { data: result }
  }
}
