import type { DateOverride } from './calendar.js'
import { ItemError, parseItemBody } from './notice_dates.js'

export interface NoticeDay {
  /** 'yyyy-MM-dd' */
  date: string
  /** the item's name as published, e.g. 国庆节、中秋节 */
  name: string
}

export interface ParsedNotice {
  year: number
  /** every day off, ranges expanded, sorted */
  holidays: NoticeDay[]
  /** every adjusted working day (调休上班), sorted */
  workdays: NoticeDay[]
}

/** The pasted notice cannot be read; nothing from it should be loaded. */
export class NoticeParseError extends Error {
  readonly code = 'E_INVALID_HOLIDAY_NOTICE'

  constructor(
    /** 1-based; null when the problem is the text as a whole */
    readonly lineNumber: number | null,
    readonly line: string,
    readonly reason: string
  ) {
    super(lineNumber === null ? reason : `Line ${lineNumber} "${line.trim()}": ${reason}`)
    this.name = 'NoticeParseError'
  }
}

const FESTIVALS = new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
const ENUMERATOR =
  /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.)]|[-•·*])/
const TITLE_YEAR = /关于(\d{4})年(?:部分)?节假日安排/

/**
 * Parses the text of 《国务院办公厅关于XXXX年部分节假日安排的通知》 as pasted
 * from gov.cn or a newspaper. Full- or half-width punctuation, 星期/周,
 * 补休, 与周末连休 and ranges across months or into the previous year are
 * understood; weekday remarks and "共N天" are checked against the dates.
 * Throws NoticeParseError naming the first bad line; never returns a partial result.
 *
 * @example
 * parseHolidayNotice('国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：1月1日（周三）放假1天，不调休。')
 * // { year: 2025, holidays: [{ date: '2025-01-01', name: '元旦' }], workdays: [] }
 *
 * NOTE: lines not shaped like "一、节日：安排" (preamble, signature) are ignored,
 * so a later amendment notice must be parsed and applied on its own.
 */
export function parseHolidayNotice(text: string, options: { year?: number } = {}): ParsedNotice {
  const lines = text.split(/\r\n|\r|\n/)
  const normalized = lines.map((line) => line.normalize('NFKC').replace(/\s+/g, ''))
  const year = noticeYear(lines, normalized, options.year)

  const holidays: NoticeDay[] = []
  const workdays: NoticeDay[] = []
  const seen = new Map<string, number>()
  normalized.forEach((norm, index) => {
    const item = readItem(norm)
    if (item === null) return
    const fail = (reason: string) => new NoticeParseError(index + 1, lines[index], reason)
    if (item.error !== undefined) throw fail(item.error)
    let dates
    try {
      dates = parseItemBody(item.body, { year, isNewYear: item.name === '元旦' })
    } catch (error) {
      if (error instanceof ItemError) throw fail(error.message)
      throw error
    }
    for (const [list, found] of [
      [holidays, dates.holidays],
      [workdays, dates.workdays],
    ] as const) {
      for (const date of found) {
        const earlier = seen.get(date)
        if (earlier !== undefined) throw fail(`${date} already appears on line ${earlier}`)
        seen.set(date, index + 1)
        list.push({ date, name: item.name })
      }
    }
  })
  if (holidays.length === 0) {
    throw new NoticeParseError(null, '', 'No holiday lines ("一、元旦：...") found in the notice')
  }
  const byDate = (a: NoticeDay, b: NoticeDay) => (a.date < b.date ? -1 : 1)
  return { year, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) }
}

/**
 * Calendar overrides from a parsed notice.
 *
 * @example
 * const notice = parseHolidayNotice(text)
 * const { overrides, years } = overridesFromNotice(notice)
 * buildCalendar({ overrides: [...existing, ...overrides], loadedYears: [...loaded, ...years] })
 */
export function overridesFromNotice(notice: ParsedNotice): {
  overrides: DateOverride[]
  years: number[]
} {
  const overrides: DateOverride[] = [
    ...notice.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...notice.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ]
  return { overrides, years: [notice.year] }
}

/** The year from the title (which may wrap over two lines), else the option. */
function noticeYear(lines: string[], normalized: string[], given: number | undefined): number {
  const match = TITLE_YEAR.exec(normalized.join(''))
  const titled = match ? Number(match[1]) : undefined
  if (titled !== undefined && given !== undefined && titled !== given) {
    const index = Math.max(
      0,
      normalized.findIndex((l) => l.includes('关于'))
    )
    throw new NoticeParseError(
      index + 1,
      lines[index],
      `the title says ${titled}, but ${given} was expected`
    )
  }
  const year = titled ?? given
  if (year === undefined) {
    throw new NoticeParseError(
      null,
      '',
      'No title "关于XXXX年部分节假日安排的通知" found; pass the year'
    )
  }
  return year
}

type Item = { name: string; body: string; error?: undefined } | { error: string }

const STRUCTURE_ERROR = 'expected "节日：安排" (a holiday name, a colon, then the dates)'

/**
 * Recognises "一、国庆节、中秋节：..." (any enumerator or none). Returns null
 * for lines that are not items, and an error for lines that look like one
 * (numbered 一、二、... or starting with a festival name) but are malformed.
 */
function readItem(norm: string): Item | null {
  const enumerator = ENUMERATOR.exec(norm)
  const rest = enumerator ? norm.slice(enumerator[0].length) : norm
  const colon = rest.indexOf(':')
  const name = colon > 0 ? rest.slice(0, colon).replace(/^\d{4}年/, '') : ''
  const parts = name.split('、')
  if (name !== '' && parts.every((part) => FESTIVALS.has(part))) {
    return { name, body: rest.slice(colon + 1) }
  }
  const numbered = enumerator !== null && /^[一二三四五六七八九十]+、$/.test(enumerator[0])
  const startsWithFestival = [...FESTIVALS].some((f) => rest.startsWith(f))
  if (!numbered && !startsWithFestival) return null
  if (colon <= 0 || /[,。]/.test(name) || name.length > 20) return { error: STRUCTURE_ERROR }
  return { error: `unknown holiday name "${parts.find((p) => !FESTIVALS.has(p)) ?? name}"` }
}
