/**
 * The working-time clock: pure functions over an explicit calendar. Nothing
 * here reads the system clock, the environment or the database.
 */
export {
  ALWAYS_ON_WINDOWS,
  DEFAULT_WEEKLY_WINDOWS,
  buildCalendar,
  chineseDaysOverrides,
  type CalendarOptions,
  type DateOverride,
  type IsoWeekday,
  type OverrideKind,
  type WeeklyWindow,
  type WorkingCalendar,
} from './calendar.js'
export { addWorkingMinutes, nextWorkingInstant, workingMinutesBetween } from './working_time.js'
export {
  computeDeadline,
  DEFAULT_WARNING_RATIO,
  type Deadline,
  type DeadlineInput,
  type DurationUnit,
} from './deadline.js'
export {
  buildExplanation,
  renderExplanation,
  type DeadlineExplanation,
  type ExcludedPause,
  type ExplainedDay,
  type ExplanationLocale,
} from './explanation.js'
export type { Pause } from './pauses.js'
export {
  NoticeParseError,
  overridesFromNotice,
  parseHolidayNotice,
  type NoticeDay,
  type ParsedNotice,
} from './notice_parser.js'
export { scheduleCoverage, NEXT_YEAR_WARNING_MONTH, type ScheduleCoverage } from './coverage.js'
