import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import i18nManager from '@adonisjs/i18n/services/main'
import ImportHolidayNotice, {
  type ImportHolidayNoticeResult,
} from '#actions/calendar/import_holiday_notice'
import { DomainError } from '#exceptions/domain_error'
import { InvalidHolidayNotice } from '#exceptions/invalid_holiday_notice'

/**
 * Loads a year of holidays and 调休 from the State Council notice:
 *
 *   node ace calendar:import-notice notice.txt --dry-run --json
 *   pbpaste | node ace calendar:import-notice - --calendar=2
 */
export default class CalendarImportNotice extends BaseCommand {
  static commandName = 'calendar:import-notice'
  static description =
    'Load holidays and adjusted working days from the State Council notice (《关于XXXX年部分节假日安排的通知》)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'File with the notice text, or - to read stdin' })
  declare file: string

  @flags.number({ description: 'The notice year, when the text has no title' })
  declare year?: number

  @flags.number({ description: 'Calendar id (default: the default calendar)' })
  declare calendar?: number

  @flags.boolean({ description: 'Parse and print the days; save nothing' })
  declare dryRun?: boolean

  @flags.boolean({ description: 'Print JSON' })
  declare json?: boolean

  async run() {
    let result: ImportHolidayNoticeResult
    try {
      result = await new ImportHolidayNotice().handle({
        calendarId: this.calendar,
        text: await this.readText(),
        year: this.year,
        dryRun: this.dryRun ?? false,
      })
    } catch (error) {
      this.fail(error)
      return
    }
    if (this.json) this.printJson(result)
    else this.printDays(result)
  }

  private async readText(): Promise<string> {
    if (this.file !== '-') return readFile(this.file, 'utf8')
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
    return Buffer.concat(chunks).toString('utf8')
  }

  /** Domain errors and unreadable files end the command with a message, not a stack. */
  private fail(error: unknown): void {
    const i18n = i18nManager.locale(i18nManager.defaultLocale)
    if (error instanceof InvalidHolidayNotice) {
      this.logger.error(error.translate(i18n))
    } else if (error instanceof DomainError) {
      this.logger.error(i18n.t(`errors.${error.code}`, error.details.data ?? {}))
    } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      this.logger.error(`Cannot read ${this.file}: no such file`)
    } else {
      throw error
    }
    this.exitCode = 1
  }

  private printJson(result: ImportHolidayNoticeResult): void {
    const { year, holidays, workdays, saved, change } = result
    const output = saved
      ? { year, holidays, workdays, saved, change }
      : { year, holidays, workdays }
    this.logger.log(JSON.stringify(output))
  }

  private printDays(result: ImportHolidayNoticeResult): void {
    for (const [kind, days] of [
      ['holiday', result.holidays],
      ['workday', result.workdays],
    ] as const) {
      for (const day of days) this.logger.log(`${day.date}  ${kind}  ${day.name}`)
    }
    const summary = `${result.year}: ${result.holidays.length} days off, ${result.workdays.length} adjusted working days`
    if (result.saved) {
      this.logger.success(`${summary}; saved (${result.change?.changedDates.length} dates changed)`)
    } else {
      this.logger.info(`${summary}; dry run, nothing saved`)
    }
  }
}
