/**
 * Reads the dates out of one item of the State Council holiday notice, e.g.
 * "1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)放假调休,共8天。1月26日(周日)、2月8日(周六)上班。"
 * The text arrives NFKC-normalised (ASCII punctuation) and without whitespace.
 */

/** A problem with an item; the parser adds the line number and text. */
export class ItemError extends Error {}

export interface ItemDates {
  holidays: string[]
  workdays: string[]
  /** the "共N天" / "放假N天" the notice states, if any */
  declaredDays: number | undefined
}

export interface ItemContext {
  year: number
  /** 元旦 items may name December dates of the previous year without a year */
  isNewYear: boolean
}

interface Token {
  year: number | undefined
  month: number | undefined
  day: number
  hint: string | undefined
  text: string
  index: number
}

interface Civil {
  year: number
  month: number
  day: number
}

const OPEN = '\uE000'
const CLOSE = '\uE001'
const TOKEN = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\uE000(\d+)\uE001)?/g
const RANGE_GAPS = new Set(['至', '到', '-', '~', '—', '–'])
const LIST_GAPS = new Set(['、', '和', '及', '与'])
const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']
const MAX_RANGE_DAYS = 31

export function parseItemBody(body: string, ctx: ItemContext): ItemDates {
  const { text, parentheticals } = extractParentheticals(body)
  const result: ItemDates = { holidays: [], workdays: [], declaredDays: undefined }
  for (const clause of text.split(/[,;。]/)) {
    const plain = clause.replace(/\uE000\d+\uE001/g, '')
    for (const m of plain.matchAll(/(?:共|放假)(\d+)天/g)) {
      const days = Number(m[1])
      if (result.declaredDays !== undefined && result.declaredDays !== days) {
        throw new ItemError(`states both ${result.declaredDays} and ${days} days`)
      }
      result.declaredDays = days
    }
    const tokens = [...clause.matchAll(TOKEN)].map((m) => toToken(m, parentheticals))
    const leftover = clause
      .replace(TOKEN, '')
      .replace(/\uE000\d+\uE001/g, '')
      .replace(/\d+天/g, '')
    if (/\d/.test(leftover)) throw new ItemError(`unrecognised date in "${plain}"`)
    if (tokens.length === 0) continue

    const off = /放假|补休/.test(plain)
    const on = /上班/.test(plain)
    if (off && on) throw new ItemError(`"${plain}" mixes days off and working days`)
    if (!off && !on) throw new ItemError(`"${plain}" has dates but neither 放假, 补休 nor 上班`)
    const dates = resolveClause(clause, tokens, ctx)
    ;(off ? result.holidays : result.workdays).push(...dates)
  }
  if (result.holidays.length === 0) throw new ItemError('no holiday dates (放假) found')
  if (result.declaredDays !== undefined && result.declaredDays !== result.holidays.length) {
    throw new ItemError(
      `states ${result.declaredDays} days but the dates give ${result.holidays.length}`
    )
  }
  for (const date of result.workdays) {
    const weekday = isoWeekday(parseIso(date))
    if (weekday < 6) throw new ItemError(`working day ${date} is not a weekend day`)
  }
  return result
}

/** Swaps "(...)" for placeholders so their 、 and , do not split clauses. */
function extractParentheticals(body: string): { text: string; parentheticals: string[] } {
  const parentheticals: string[] = []
  const text = body.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    parentheticals.push(inner)
    return `${OPEN}${parentheticals.length - 1}${CLOSE}`
  })
  if (/[()]/.test(text)) throw new ItemError('unbalanced parentheses')
  return { text, parentheticals }
}

function toToken(m: RegExpMatchArray, parentheticals: string[]): Token {
  return {
    year: m[1] === undefined ? undefined : Number(m[1]),
    month: m[2] === undefined ? undefined : Number(m[2]),
    day: Number(m[3]),
    hint: m[4] === undefined ? undefined : parentheticals[Number(m[4])],
    text: m[0].replace(/\uE000\d+\uE001/, ''),
    index: m.index ?? 0,
  }
}

/** Expands lists ("A、B") and ranges ("A至B") into ISO dates. */
function resolveClause(clause: string, tokens: Token[], ctx: ItemContext): string[] {
  const gapAfter = (i: number) =>
    clause
      .slice(tokens[i].index + tokens[i].text.length, tokens[i + 1].index)
      .replace(/\uE000\d+\uE001/g, '')
  const dates: string[] = []
  const resolved: Civil[] = []
  for (let i = 0; i < tokens.length; i++) {
    const closesRange = i > 0 && RANGE_GAPS.has(gapAfter(i - 1))
    if (i > 0 && !closesRange && !LIST_GAPS.has(gapAfter(i - 1))) {
      throw new ItemError(`unexpected "${gapAfter(i - 1)}" between dates`)
    }
    const opensRange = i + 1 < tokens.length && RANGE_GAPS.has(gapAfter(i))
    if (closesRange && opensRange) throw new ItemError('a range cannot continue into another range')
    resolved[i] = resolveToken(
      tokens[i],
      resolved[i - 1],
      ctx,
      opensRange ? tokens[i + 1] : undefined
    )
    if (closesRange) {
      dates.push(...expandRange(resolved[i - 1], resolved[i], tokens[i - 1].text, tokens[i].text))
    } else if (!opensRange) {
      dates.push(toIso(resolved[i]))
    }
  }
  return dates
}

/**
 * Fills in a missing month/year from the previous date, then the notice year.
 * A December date without a year belongs to the previous year when it opens a
 * range into January or sits in the 元旦 item ("12月30日至1月1日").
 */
function resolveToken(
  token: Token,
  previous: Civil | undefined,
  ctx: ItemContext,
  rangeEnd?: Token
): Civil {
  const month = token.month ?? previous?.month
  if (month === undefined) throw new ItemError(`"${token.text}" has no month`)
  let year = token.year ?? (token.month === undefined ? previous?.year : undefined)
  if (year === undefined) {
    if (rangeEnd?.month !== undefined && rangeEnd.month < month)
      year = (rangeEnd.year ?? ctx.year) - 1
    else if (previous && month < previous.month) year = previous.year + 1
    else if (month === 12 && ctx.isNewYear) year = ctx.year - 1
    else year = previous?.year ?? ctx.year
  }
  const civil = { year, month, day: token.day }
  if (month < 1 || month > 12 || token.day < 1 || token.day > daysInMonth(year, month)) {
    throw new ItemError(`impossible date ${token.text}`)
  }
  if (year < ctx.year - 1 || year > ctx.year || (year === ctx.year - 1 && month !== 12)) {
    throw new ItemError(`${token.text} (${toIso(civil)}) is outside the notice's year ${ctx.year}`)
  }
  checkWeekdayHint(token, civil)
  return civil
}

function checkWeekdayHint(token: Token, civil: Civil): void {
  const match = token.hint === undefined ? null : /(?:星期|周)([一二三四五六日天])/.exec(token.hint)
  if (!match) return
  const said = match[1] === '天' ? 7 : WEEKDAY_NAMES.indexOf(match[1]) + 1
  const actual = isoWeekday(civil)
  if (said !== actual) {
    throw new ItemError(
      `${token.text} (${toIso(civil)}) is a 周${WEEKDAY_NAMES[actual - 1]}, but the notice says ${match[0]}`
    )
  }
}

function expandRange(start: Civil, end: Civil, startText: string, endText: string): string[] {
  const from = Date.UTC(start.year, start.month - 1, start.day)
  const to = Date.UTC(end.year, end.month - 1, end.day)
  const days = (to - from) / 86_400_000 + 1
  if (days < 1) throw new ItemError(`range ${startText}至${endText} ends before it starts`)
  if (days > MAX_RANGE_DAYS)
    throw new ItemError(`range ${startText}至${endText} is ${days} days long`)
  return Array.from({ length: days }, (_, i) =>
    new Date(from + i * 86_400_000).toISOString().slice(0, 10)
  )
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoWeekday(civil: Civil): number {
  return ((new Date(Date.UTC(civil.year, civil.month - 1, civil.day)).getUTCDay() + 6) % 7) + 1
}

function toIso(civil: Civil): string {
  return `${civil.year}-${String(civil.month).padStart(2, '0')}-${String(civil.day).padStart(2, '0')}`
}

function parseIso(date: string): Civil {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  }
}
