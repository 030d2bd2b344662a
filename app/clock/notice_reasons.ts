/**
 * The parser explains a bad notice line in English (NoticeParseError.reason).
 * This reads that sentence back into a stable key and its values, so the
 * message can be translated (`errors.holidayNotice.<key>`).
 *
 * NOTE: the patterns mirror the wording in notice_parser.ts and
 * notice_dates.ts; a reason they do not recognise comes back as `other`
 * with the English text in `detail`, so nothing is lost when the wording
 * changes (tests/unit/clock/notice_reasons.spec.ts covers every reason).
 */

export interface NoticeReason {
  key: string
  values: Record<string, string>
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

// Order matters only where two patterns could both match; none do today.
const PATTERNS: { key: string; pattern: RegExp }[] = [
  { key: 'duplicate', pattern: /^(?<date>\S+) already appears on line (?<earlierLine>\d+)$/ },
  { key: 'noItems', pattern: /^No holiday lines / },
  {
    key: 'yearMismatch',
    pattern: /^the title says (?<titled>\d+), but (?<given>\d+) was expected$/,
  },
  { key: 'noTitle', pattern: /^No title / },
  { key: 'structure', pattern: /^expected "节日/ },
  { key: 'unknownName', pattern: /^unknown holiday name "(?<name>.*)"$/ },
  { key: 'conflictingTotals', pattern: /^states both (?<first>\d+) and (?<second>\d+) days$/ },
  { key: 'unrecognisedDate', pattern: /^unrecognised date in "(?<text>.*)"$/ },
  { key: 'mixed', pattern: /^"(?<text>.*)" mixes days off and working days$/ },
  { key: 'noVerb', pattern: /^"(?<text>.*)" has dates but neither / },
  { key: 'noHolidayDates', pattern: /^no holiday dates / },
  {
    key: 'dayCount',
    pattern: /^states (?<declared>\d+) days but the dates give (?<counted>\d+)$/,
  },
  { key: 'workdayNotWeekend', pattern: /^working day (?<date>\S+) is not a weekend day$/ },
  { key: 'unbalanced', pattern: /^unbalanced parentheses$/ },
  { key: 'noMonth', pattern: /^"(?<text>.*)" has no month$/ },
  { key: 'impossibleDate', pattern: /^impossible date (?<text>.*)$/ },
  {
    key: 'outsideYear',
    pattern: /^(?<text>.*) \((?<date>[\d-]+)\) is outside the notice's year (?<year>\d+)$/,
  },
  {
    key: 'weekdayMismatch',
    pattern:
      /^(?<text>.*) \((?<date>[\d-]+)\) is a 周(?<actual>.), but the notice says (?<said>.*)$/,
  },
  { key: 'rangeBackwards', pattern: /^range (?<text>.*) ends before it starts$/ },
  { key: 'rangeTooLong', pattern: /^range (?<text>.*) is (?<days>\d+) days long$/ },
  { key: 'unexpectedGap', pattern: /^unexpected "(?<text>.*)" between dates$/ },
  { key: 'chainedRange', pattern: /^a range cannot continue into another range$/ },
]

/**
 * The translation key and values for a parser reason.
 *
 * @example
 * noticeReason('states 3 days but the dates give 2')
 * // { key: 'dayCount', values: { declared: '3', counted: '2' } }
 */
export function noticeReason(reason: string): NoticeReason {
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(reason)
    if (!match) continue
    const values: Record<string, string> = { ...match.groups }
    // ICU messages select on the ISO weekday (1 = Monday) to name it in English.
    if (values.actual !== undefined) values.weekday = String(WEEKDAYS.indexOf(values.actual) + 1)
    return { key, values }
  }
  return { key: 'other', values: { detail: reason } }
}
