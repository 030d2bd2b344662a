import type { DateTime } from 'luxon'
import type { DurationUnit } from './deadline.js'
import type { DeadlineExplanation } from './explanation.js'

export type ExplanationLocale = 'zh-CN' | 'en'

const ENGLISH_FESTIVALS: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * One short sentence for operators and requesters.
 *
 * @example
 * renderExplanation(expl, 'zh-CN') // '国庆节、中秋节放假顺延，截止10月9日17:30（1个工作日，次日起算）'
 * renderExplanation(expl, 'en')    // 'Extended over the National Day, Mid-Autumn Festival holidays; due Oct 9 17:30 (1 working day, counted from the next working day)'
 */
export function renderExplanation(expl: DeadlineExplanation, locale: ExplanationLocale): string {
  return locale === 'zh-CN' ? renderChinese(expl) : renderEnglish(expl)
}

function renderChinese(expl: DeadlineExplanation): string {
  const parts: string[] = []
  const festivals = festivalNames(expl)
  if (festivals.length > 0) parts.push(`${festivals.join('、')}放假顺延`)
  if (expl.workdaysCrossed.length > 0) {
    parts.push(`${expl.workdaysCrossed.map((d) => chineseDate(d.date)).join('、')}调休上班`)
  }
  const paused = pausedMinutes(expl)
  if (paused > 0) parts.push(`扣除暂停${chineseDuration(paused)}`)
  const { dueAt, startAt } = expl
  parts.push(`截止${chineseInstant(dueAt, startAt.year)}${chineseUnit(expl.unit, expl.amount)}`)
  const missing = expl.missingYears.length
    ? `（${expl.missingYears.join('、')}年节假日安排未发布，时限可能变化）`
    : ''
  return parts.join('，') + missing
}

function renderEnglish(expl: DeadlineExplanation): string {
  const parts: string[] = []
  const festivals = festivalNames(expl).map((name) => ENGLISH_FESTIVALS[name] ?? name)
  if (festivals.length > 0) {
    parts.push(
      `extended over the ${festivals.join(', ')} holiday${festivals.length > 1 ? 's' : ''}`
    )
  }
  const adjusted = expl.workdaysCrossed
  if (adjusted.length > 0) {
    const dates = adjusted.map((d) => englishDate(d.date)).join(', ')
    parts.push(`counts the adjusted working day${adjusted.length > 1 ? 's' : ''} ${dates}`)
  }
  const paused = pausedMinutes(expl)
  if (paused > 0) parts.push(`excludes ${englishDuration(paused)} paused`)
  const head = parts.length > 0 ? `${parts.join(', ')}; due` : 'due'
  const { dueAt, startAt } = expl
  const sentence = `${head} ${englishInstant(dueAt, startAt.year)} (${englishUnit(expl.unit, expl.amount)})`
  const years = expl.missingYears
  const missing =
    years.length === 0
      ? ''
      : years.length === 1
        ? ` (the ${years[0]} holiday schedule is not published yet; the deadline may change)`
        : ` (the ${years.slice(0, -1).join(', ')} and ${years.at(-1)} holiday schedules are not published yet; the deadline may change)`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + missing
}

/** Festival names in order of first appearance; 国庆节、中秋节 counts as two. */
function festivalNames(expl: DeadlineExplanation): string[] {
  const names = new Set<string>()
  for (const day of expl.holidaysCrossed) {
    for (const name of day.name.split('、')) names.add(name)
  }
  return [...names]
}

function pausedMinutes(expl: DeadlineExplanation): number {
  return Math.round(expl.pausesExcluded.reduce((sum, p) => sum + p.minutes, 0))
}

/**
 * Local wall time; an instant at exactly midnight is shown as 24:00 of the day
 * it closes, the way Chinese deadlines are written (截止3月3日24:00).
 */
function wallClock(at: DateTime): { year: number; month: number; day: number; time: string } {
  const midnight = at.hour === 0 && at.minute === 0 && at.second === 0 && at.millisecond === 0
  const shown = midnight ? at.minus({ days: 1 }) : at
  const time = midnight ? '24:00' : at.toFormat('HH:mm')
  return { year: shown.year, month: shown.month, day: shown.day, time }
}

/** The year is shown only when it differs from the start's. */
function chineseInstant(at: DateTime, startYear: number): string {
  const w = wallClock(at)
  return `${w.year !== startYear ? `${w.year}年` : ''}${w.month}月${w.day}日${w.time}`
}

function englishInstant(at: DateTime, startYear: number): string {
  const w = wallClock(at)
  return `${MONTHS[w.month - 1]} ${w.day}${w.year !== startYear ? `, ${w.year}` : ''} ${w.time}`
}

function chineseDate(isoDate: string): string {
  return `${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`
}

function englishDate(isoDate: string): string {
  return `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${Number(isoDate.slice(8, 10))}`
}

function chineseDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `${hours > 0 ? `${hours}小时` : ''}${rest > 0 || hours === 0 ? `${rest}分钟` : ''}`
}

function englishDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return [hours > 0 ? `${hours} h` : '', rest > 0 || hours === 0 ? `${rest} min` : '']
    .filter(Boolean)
    .join(' ')
}

function chineseUnit(unit: DurationUnit, amount: number): string {
  switch (unit) {
    case 'working_days':
      return `（${amount}个工作日，次日起算）`
    case 'working_hours':
      return `（工作时间${amount}小时）`
    case 'working_minutes':
      return `（工作时间${amount}分钟）`
    case 'natural_days':
      return `（自然时间${amount}天）`
    case 'natural_hours':
      return `（自然时间${amount}小时）`
    case 'natural_minutes':
      return `（自然时间${amount}分钟）`
  }
}

function englishUnit(unit: DurationUnit, amount: number): string {
  const plural = amount === 1 ? '' : 's'
  switch (unit) {
    case 'working_days':
      return `${amount} working day${plural}, counted from the next working day`
    case 'working_hours':
      return `${amount} working hour${plural}`
    case 'working_minutes':
      return `${amount} working minute${plural}`
    case 'natural_days':
      return `${amount} calendar day${plural}`
    case 'natural_hours':
      return `${amount} calendar hour${plural}`
    case 'natural_minutes':
      return `${amount} calendar minute${plural}`
  }
}
