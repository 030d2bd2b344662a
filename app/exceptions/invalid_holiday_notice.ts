import type { HttpContext } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import type { NoticeParseError } from '#clock/index'
import { noticeReason, type NoticeReason } from '#clock/notice_reasons'
import { DomainError } from '#exceptions/domain_error'

/** Long lines are cut in messages; the line number says where the rest is. */
const MAX_LINE_CHARS = 80

/**
 * The pasted State Council notice cannot be read (422 on `text`). The message
 * names the line and its text, with the parser's reason translated from
 * `errors.holidayNotice.<key>` (see notice_reasons.ts).
 */
export class InvalidHolidayNotice extends DomainError {
  readonly reason: NoticeReason

  constructor(readonly parseError: NoticeParseError) {
    const line = parseError.line.trim()
    super('E_INVALID_HOLIDAY_NOTICE', 422, {
      field: 'text',
      data: {
        // 'none' when the problem is the text as a whole (no title, no items)
        line: parseError.lineNumber === null ? 'none' : String(parseError.lineNumber),
        text: line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line,
        reason: parseError.reason,
      },
    })
    this.reason = noticeReason(parseError.reason)
  }

  /** The full message in the locale of `i18n`, e.g. for the ace command. */
  translate(i18n: I18n): string {
    return i18n.t(`errors.${this.code}`, this.localizedData(i18n))
  }

  async handle(error: this, ctx: HttpContext) {
    // DomainError renders `errors.<code>` with `details.data`: put the
    // reason in the request's language there first.
    Object.assign(error.details.data!, error.localizedData(ctx.i18n))
    return super.handle(error, ctx)
  }

  private localizedData(i18n: I18n): Record<string, string> {
    const reason = i18n.t(`errors.holidayNotice.${this.reason.key}`, this.reason.values)
    return { ...(this.details.data as Record<string, string>), reason }
  }
}
