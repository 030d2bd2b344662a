import Calendar from '#models/calendar'
import ReplaceYearSchedule, { type ScheduleChange } from '#actions/calendar/replace_year_schedule'
import {
  NoticeParseError,
  overridesFromNotice,
  parseHolidayNotice,
  type NoticeDay,
  type ParsedNotice,
} from '#clock/index'
import { notFound } from '#exceptions/domain_error'
import { InvalidHolidayNotice } from '#exceptions/invalid_holiday_notice'

export interface ImportHolidayNoticeInput {
  /** The calendar to load; the default calendar when omitted. */
  calendarId?: number | null
  /** The text of 《国务院办公厅关于XXXX年部分节假日安排的通知》 as pasted. */
  text: string
  /** Needed only when the title is missing; otherwise it must match the title. */
  year?: number | null
  /** Parse and return the days, save nothing. */
  dryRun: boolean
}

export interface ImportHolidayNoticeResult {
  year: number
  holidays: NoticeDay[]
  workdays: NoticeDay[]
  saved: boolean
  /** Set when saved. */
  change?: ScheduleChange
}

/**
 * Loads one year's holidays and adjusted working days (调休) from the State
 * Council notice into a calendar, replacing what that year had (source
 * 'notice'). With `dryRun` it only parses, for a preview. Text that cannot be
 * read throws InvalidHolidayNotice (422 on `text`, naming the line) and
 * nothing is written.
 *
 * @example
 * await new ImportHolidayNotice().handle({ text, dryRun: true })
 * // { year: 2025, holidays: [{ date: '2025-01-01', name: '元旦' }, ...], workdays: [...], saved: false }
 */
export default class ImportHolidayNotice {
  async handle(input: ImportHolidayNoticeInput): Promise<ImportHolidayNoticeResult> {
    const calendar = await this.calendar(input.calendarId)
    const notice = this.parse(input.text, input.year ?? undefined)
    const parsed = { year: notice.year, holidays: notice.holidays, workdays: notice.workdays }
    if (input.dryRun) return { ...parsed, saved: false }

    // December days named by the 元旦 item are upserted by ReplaceYearSchedule
    // without touching the rest of the previous year.
    const { overrides } = overridesFromNotice(notice)
    const change = await new ReplaceYearSchedule().handle({
      calendarId: calendar.id,
      year: notice.year,
      days: overrides,
      source: 'notice',
    })
    return { ...parsed, saved: true, change }
  }

  private async calendar(id: number | null | undefined): Promise<Calendar> {
    const calendar = id
      ? await Calendar.find(id)
      : await Calendar.query().where('is_default', true).first()
    if (!calendar) throw notFound()
    return calendar
  }

  private parse(text: string, year: number | undefined): ParsedNotice {
    try {
      return parseHolidayNotice(text, { year })
    } catch (error) {
      if (error instanceof NoticeParseError) throw new InvalidHolidayNotice(error)
      throw error
    }
  }
}
