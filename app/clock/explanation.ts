import type { DateTime } from 'luxon'
import type { WorkingCalendar } from './calendar.js'
import type { DurationUnit } from './deadline.js'
import { dayAt, dayKeyOf, MS_PER_MINUTE } from './days.js'
import type { PauseSpans } from './pauses.js'
import { toDateTime, workingMsBetween } from './working_time.js'

export { renderExplanation, type ExplanationLocale } from './explanation_render.js'

export interface ExplainedDay {
  /** 'yyyy-MM-dd' */
  date: string
  name: string
}

export interface ExcludedPause {
  from: DateTime
  to: DateTime
  /** minutes the pause took off the clock (working minutes for working units) */
  minutes: number
}

/** Why a deadline is where it is; stored with the deadline and shown to users. */
export interface DeadlineExplanation {
  unit: DurationUnit
  amount: number
  startAt: DateTime
  /** first instant that counted (next working window, after any pause) */
  countingStartsAt: DateTime
  dueAt: DateTime
  /** holidays between the start and the due (working units only) */
  holidaysCrossed: ExplainedDay[]
  /** adjusted working days (调休上班) that were counted */
  workdaysCrossed: ExplainedDay[]
  pausesExcluded: ExcludedPause[]
  calendarIncomplete: boolean
  missingYears: number[]
}

export interface ExplanationInput {
  cal: WorkingCalendar
  unit: DurationUnit
  amount: number
  startMs: number
  /** the start as a DateTime in the calendar's zone */
  startAt: DateTime
  countingMs: number
  dueMs: number
  dueAt: DateTime
  /** from where paused time counts against the deadline */
  pauseWindowFromMs: number
  spans: PauseSpans
  missingYears: number[]
}

/**
 * Collects the facts behind a computed deadline. Called by computeDeadline;
 * exported for callers that recompute from stored numbers.
 */
export function buildExplanation(input: ExplanationInput): DeadlineExplanation {
  const { cal, unit, startMs, countingMs, dueMs } = input
  const working = unit.startsWith('working_')
  const holidaysCrossed: ExplainedDay[] = []
  const workdaysCrossed: ExplainedDay[] = []
  if (working && cal.overrides.size > 0) {
    const countingKey = dayKeyOf(cal, countingMs)
    // A due at midnight closes the previous day; that day is the last one.
    const lastKey = dayKeyOf(cal, Math.max(startMs, dueMs - 1))
    for (let key = dayKeyOf(cal, startMs); key <= lastKey; key++) {
      const day = dayAt(cal, key)
      const override = day.override
      if (override === undefined) continue
      if (override.kind === 'holiday') {
        holidaysCrossed.push({ date: day.date, name: override.name })
      } else if (key >= countingKey && cal.minutesByWeekday[day.weekday].length === 0) {
        workdaysCrossed.push({ date: day.date, name: override.name })
      }
    }
  }

  const pausesExcluded: ExcludedPause[] = []
  const { spans, pauseWindowFromMs } = input
  for (let i = 0; i < spans.length; i += 2) {
    const from = Math.max(spans[i], pauseWindowFromMs)
    const to = Math.min(spans[i + 1], dueMs)
    if (to <= from) continue
    const excludedMs = working ? workingMsBetween(cal, from, to) : to - from
    if (excludedMs <= 0) continue
    pausesExcluded.push({
      from: toDateTime(cal, spans[i]),
      to: toDateTime(cal, spans[i + 1]),
      minutes: excludedMs / MS_PER_MINUTE,
    })
  }

  return {
    unit,
    amount: input.amount,
    startAt: input.startAt,
    countingStartsAt: countingMs === startMs ? input.startAt : toDateTime(cal, countingMs),
    dueAt: input.dueAt,
    holidaysCrossed,
    workdaysCrossed,
    pausesExcluded,
    calendarIncomplete: input.missingYears.length > 0,
    missingYears: input.missingYears,
  }
}
