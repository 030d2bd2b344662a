import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import {
  buildCalendar,
  chineseDaysOverrides,
  computeDeadline,
  NoticeParseError,
  overridesFromNotice,
  parseHolidayNotice,
} from '#clock/index'
import { at, local, ZONE } from './support.js'

function fixture(year: number): string {
  return readFileSync(new URL(`../../fixtures/notices/${year}.txt`, import.meta.url), 'utf8')
}

/** Runs `parse`, which must throw a NoticeParseError, and returns that error. */
function parseError(parse: () => unknown): NoticeParseError {
  try {
    parse()
  } catch (error) {
    if (error instanceof NoticeParseError) return error
    throw error
  }
  throw new Error('expected a NoticeParseError, but the notice parsed')
}

/** The same text with the full-width punctuation gov.cn publishes. */
function fullWidth(text: string): string {
  return text.replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，')
}

/** Inclusive list of ISO dates, so the tables below stay readable. */
function days(from: string, to: string): string[] {
  const out: string[] = []
  for (
    let ms = Date.parse(`${from}T00:00:00Z`);
    ms <= Date.parse(`${to}T00:00:00Z`);
    ms += 86_400_000
  ) {
    out.push(new Date(ms).toISOString().slice(0, 10))
  }
  return out
}

// Hand-written from the notices themselves.
// prettier-ignore
const EXPECTED: { year: number; holidays: string[]; workdays: string[] }[] = [
  {
    year: 2017,
    holidays: [...days('2017-01-01', '2017-01-02'), ...days('2017-01-27', '2017-02-02'), ...days('2017-04-02', '2017-04-04'), '2017-05-01', ...days('2017-05-28', '2017-05-30'), ...days('2017-10-01', '2017-10-08')],
    workdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  {
    year: 2019,
    holidays: [...days('2018-12-30', '2019-01-01'), ...days('2019-02-04', '2019-02-10'), '2019-04-05', '2019-05-01', '2019-06-07', '2019-09-13', ...days('2019-10-01', '2019-10-07')],
    workdays: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-09-29', '2019-10-12'],
  },
  {
    year: 2023,
    holidays: [...days('2022-12-31', '2023-01-02'), ...days('2023-01-21', '2023-01-27'), '2023-04-05', ...days('2023-04-29', '2023-05-03'), ...days('2023-06-22', '2023-06-24'), ...days('2023-09-29', '2023-10-06')],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    holidays: ['2024-01-01', ...days('2024-02-10', '2024-02-17'), ...days('2024-04-04', '2024-04-06'), ...days('2024-05-01', '2024-05-05'), '2024-06-10', ...days('2024-09-15', '2024-09-17'), ...days('2024-10-01', '2024-10-07')],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    holidays: ['2025-01-01', ...days('2025-01-28', '2025-02-04'), ...days('2025-04-04', '2025-04-06'), ...days('2025-05-01', '2025-05-05'), ...days('2025-05-31', '2025-06-02'), ...days('2025-10-01', '2025-10-08')],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    holidays: [...days('2026-01-01', '2026-01-03'), ...days('2026-02-15', '2026-02-23'), ...days('2026-04-04', '2026-04-06'), ...days('2026-05-01', '2026-05-05'), ...days('2026-06-19', '2026-06-21'), ...days('2026-09-25', '2026-09-27'), ...days('2026-10-01', '2026-10-07')],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
]

test.group('parseHolidayNotice: real notices', () => {
  // prettier-ignore
  test('{year} notice as published')
    .with(EXPECTED)
    .run(({ assert }, row) => {
      const notice = parseHolidayNotice(fixture(row.year))
      assert.equal(notice.year, row.year)
      assert.deepEqual(notice.holidays.map((d) => d.date), row.holidays)
      assert.deepEqual(notice.workdays.map((d) => d.date), row.workdays)
    })

  // prettier-ignore
  test('{year} notice with full-width punctuation')
    .with(EXPECTED)
    .run(({ assert }, row) => {
      assert.deepEqual(parseHolidayNotice(fullWidth(fixture(row.year))), parseHolidayNotice(fixture(row.year)))
    })

  // prettier-ignore
  test('{year} matches chinese-days exactly')
    .with([{ year: 2017 }, { year: 2023 }, { year: 2024 }, { year: 2025 }, { year: 2026 }])
    .run(({ assert }, row) => {
      const notice = parseHolidayNotice(fixture(row.year))
      const first = [...notice.holidays, ...notice.workdays].map((d) => d.date).sort()[0]
      const inScope = (date: string) => date >= first && date <= `${row.year}-12-31`
      const official = chineseDaysOverrides([row.year - 1, row.year]).overrides.filter((o) => inScope(o.date))
      assert.deepEqual(notice.holidays.map((d) => d.date), official.filter((o) => o.kind === 'holiday').map((o) => o.date))
      assert.deepEqual(notice.workdays.map((d) => d.date), official.filter((o) => o.kind === 'workday').map((o) => o.date))
    })

  test('2019 differs from chinese-days only by the 劳动节 amendment and joined weekends', ({
    assert,
  }) => {
    const notice = parseHolidayNotice(fixture(2019))
    const official = chineseDaysOverrides([2018, 2019]).overrides.filter(
      (o) => o.date >= '2018-12-29'
    )
    const officialHolidays = official.filter((o) => o.kind === 'holiday').map((o) => o.date)
    const parsed = notice.holidays.map((d) => d.date)
    assert.includeMembers(officialHolidays, parsed)
    assert.deepEqual(
      officialHolidays.filter((d) => !parsed.includes(d)),
      [
        '2019-04-06',
        '2019-04-07',
        '2019-05-02',
        '2019-05-03',
        '2019-05-04',
        '2019-06-08',
        '2019-06-09',
        '2019-09-14',
        '2019-09-15',
      ]
    )
    const officialWorkdays = official.filter((o) => o.kind === 'workday').map((o) => o.date)
    assert.deepEqual(
      officialWorkdays.filter((d) => !notice.workdays.some((w) => w.date === d)),
      ['2019-04-28', '2019-05-05']
    )
  })

  test('names are the item names as published', ({ assert }) => {
    const notice = parseHolidayNotice(fixture(2025))
    assert.deepEqual(
      notice.holidays.find((d) => d.date === '2025-10-06'),
      { date: '2025-10-06', name: '国庆节、中秋节' }
    )
    assert.deepEqual(
      notice.workdays.find((d) => d.date === '2025-01-26'),
      { date: '2025-01-26', name: '春节' }
    )
    assert.deepEqual(parseHolidayNotice(fixture(2019)).holidays[0], {
      date: '2018-12-30',
      name: '元旦',
    })
  })

  test('a calendar loaded from the notice gives the same deadlines', ({ assert }) => {
    const { overrides, years } = overridesFromNotice(parseHolidayNotice(fixture(2025)))
    const fromNotice = buildCalendar({ zone: ZONE, overrides, loadedYears: years })
    const deadline = computeDeadline({
      start: at('2025-09-30T10:00'),
      amount: 3,
      unit: 'working_days',
      calendar: fromNotice,
    })
    assert.equal(local(deadline.dueAt), '2025-10-11T17:30')
    assert.isFalse(deadline.calendarIncomplete)
  })
})

test.group('parseHolidayNotice: wording variants', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; year: number; line: string; holidays: string[]; workdays: string[] }[]>([
      { title: '2017 春节 with 星期', year: 2017, line: '二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。', holidays: days('2017-01-27', '2017-02-02'), workdays: ['2017-01-22', '2017-02-04'] },
      { title: '元旦 range from the previous December without years', year: 2019, line: '一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。', holidays: days('2018-12-30', '2019-01-01'), workdays: ['2018-12-29'] },
      { title: '元旦 range with explicit years', year: 2023, line: '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', holidays: days('2022-12-31', '2023-01-02'), workdays: [] },
      { title: 'a range across a month', year: 2022, line: '四、劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。', holidays: days('2022-04-30', '2022-05-04'), workdays: ['2022-04-24', '2022-05-07'] },
      { title: '补休 is a day off', year: 2017, line: '一、元旦：1月1日放假，1月2日（星期一）补休。', holidays: ['2017-01-01', '2017-01-02'], workdays: [] },
      { title: '与周末连休 adds no dates', year: 2017, line: '四、劳动节：5月1日放假，与周末连休。', holidays: ['2017-05-01'], workdays: [] },
      { title: 'single day, 共1天', year: 2023, line: '三、清明节：4月5日放假，共1天。', holidays: ['2023-04-05'], workdays: [] },
      { title: 'single day without anything else', year: 2019, line: '四、劳动节：5月1日放假。', holidays: ['2019-05-01'], workdays: [] },
      { title: '2025 wording: 放假1天，不调休', year: 2025, line: '一、元旦：1月1日（周三）放假1天，不调休。', holidays: ['2025-01-01'], workdays: [] },
      { title: '2025 wording with lunar remarks', year: 2025, line: '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。', holidays: days('2025-01-28', '2025-02-04'), workdays: [] },
      { title: 'a range across a month with 周', year: 2025, line: '五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。', holidays: ['2025-05-31', '2025-06-01', '2025-06-02'], workdays: [] },
      { title: '"1." enumerator', year: 2023, line: '1. 元旦：2022年12月31日至2023年1月2日放假调休，共3天。', holidays: days('2022-12-31', '2023-01-02'), workdays: [] },
      { title: 'no enumerator, full-width colon', year: 2024, line: '国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。', holidays: days('2024-10-01', '2024-10-07'), workdays: ['2024-09-29', '2024-10-12'] },
      { title: 'spaces inside dates', year: 2023, line: '三、清明节: 4 月 5 日放假, 共 1 天。', holidays: ['2023-04-05'], workdays: [] },
      { title: 'full-width digits', year: 2024, line: '七、国庆节：１０月１日至７日放假调休，共７天。', holidays: days('2024-10-01', '2024-10-07'), workdays: [] },
      { title: '星期天 is Sunday', year: 2024, line: '六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）、9月29日（星期天）上班。', holidays: days('2024-09-15', '2024-09-17'), workdays: ['2024-09-14', '2024-09-29'] },
      { title: 'advice with a bracketed date is ignored', year: 2024, line: '二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。', holidays: days('2024-02-10', '2024-02-17'), workdays: ['2024-02-04', '2024-02-18'] },
    ])
    .run(({ assert }, row) => {
      const notice = parseHolidayNotice(row.line, { year: row.year })
      assert.equal(notice.year, row.year)
      assert.deepEqual(notice.holidays.map((d) => d.date), row.holidays)
      assert.deepEqual(notice.workdays.map((d) => d.date), row.workdays)
    })

  test('the year comes from a title wrapped over two lines', ({ assert }) => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2024年\n部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。'
    )
    assert.equal(notice.year, 2024)
  })
})

test.group('parseHolidayNotice: malformed text', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; text: string; year?: number; lineNumber: number | null; reason: RegExp }[]>([
      { title: 'impossible date 2月30日', text: '一、元旦：1月1日放假。\n二、春节：2月30日至3月5日放假调休，共7天。', year: 2025, lineNumber: 2, reason: /impossible date 2月30日/ },
      { title: 'corrupted month 0月', text: '六、中秋节、国庆节：0月1日至8日放假调休，共8天。', year: 2017, lineNumber: 1, reason: /impossible date 0月1日/ },
      { title: 'a holiday name but no dates', text: '三、清明节：放假，共3天。', year: 2025, lineNumber: 1, reason: /no holiday dates/ },
      { title: 'no colon after the name', text: '\n三、清明节4月4日至6日放假。', year: 2025, lineNumber: 2, reason: /holiday name, a colon/ },
      { title: 'an unknown holiday', text: '八、植树节：3月12日放假。', year: 2025, lineNumber: 1, reason: /unknown holiday name "植树节"/ },
      { title: 'a numbered line that is not a holiday', text: '一、说明：以下为安排。', year: 2025, lineNumber: 1, reason: /unknown holiday name "说明"/ },
      { title: 'a weekday remark that does not match', text: '二、春节：1月28日至2月4日放假调休，共8天。1月26日（周六）上班。', year: 2025, lineNumber: 1, reason: /2025-01-26\) is a 周日, but the notice says 周六/ },
      { title: 'a day count that does not match', text: '三、清明节：4月4日至6日放假，共4天。', year: 2025, lineNumber: 1, reason: /states 4 days but the dates give 3/ },
      { title: 'a range that ends before it starts', text: '三、清明节：4月6日至4日放假。', year: 2025, lineNumber: 1, reason: /ends before it starts/ },
      { title: 'dates without 放假 or 上班', text: '三、清明节：4月4日至6日休息。', year: 2025, lineNumber: 1, reason: /neither 放假, 补休 nor 上班/ },
      { title: 'days off and working days in one clause', text: '三、清明节：4月4日至6日放假4月7日上班。', year: 2025, lineNumber: 1, reason: /mixes days off and working days/ },
      { title: 'a working day on a weekday', text: '三、清明节：4月4日至6日放假调休，共3天。4月7日上班。', year: 2025, lineNumber: 1, reason: /2025-04-07 is not a weekend day/ },
      { title: 'unbalanced parentheses', text: '三、清明节：4月4日（周五至6日放假。', year: 2025, lineNumber: 1, reason: /unbalanced parentheses/ },
      { title: 'a date missing 日', text: '七、国庆节：10月1至7日放假调休。', year: 2025, lineNumber: 1, reason: /unrecognised date/ },
      { title: 'a date outside the notice year', text: '三、清明节：2026年4月4日放假。', year: 2025, lineNumber: 1, reason: /outside the notice's year 2025/ },
      { title: 'a date listed twice', text: '三、清明节：4月4日放假。\n四、劳动节：4月4日放假。', year: 2025, lineNumber: 2, reason: /2025-04-04 already appears on line 1/ },
      { title: 'a range chained into another range', text: '四、劳动节：5月1日至3日至5日放假。', year: 2025, lineNumber: 1, reason: /cannot continue into another range/ },
      { title: 'a title year that contradicts the given year', text: '国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：1月1日放假。', year: 2026, lineNumber: 1, reason: /title says 2025, but 2026 was expected/ },
      { title: 'no year anywhere', text: '一、元旦：1月1日放假。', lineNumber: null, reason: /pass the year/ },
      { title: 'no holiday lines at all', text: '各省、自治区、直辖市人民政府：\n请按时上班。', year: 2025, lineNumber: null, reason: /No holiday lines/ },
    ])
    .run(({ assert }, row) => {
      const error = parseError(() => parseHolidayNotice(row.text, { year: row.year }))
      assert.equal(error.lineNumber, row.lineNumber)
      assert.match(error.reason, row.reason)
      assert.equal(error.code, 'E_INVALID_HOLIDAY_NOTICE')
      if (row.lineNumber !== null) {
        const line = row.text.split('\n')[row.lineNumber - 1].trim()
        assert.include(error.message, `Line ${row.lineNumber} "${line}"`)
      }
    })

  test('a bad line deep inside a real notice is named and nothing is returned', ({ assert }) => {
    const text = fixture(2025).replace(
      '三、清明节:4月4日(周五)至6日(周日)',
      '三、清明节:4月31日(周五)至6日(周日)'
    )
    const lineNumber = text.split('\n').findIndex((l) => l.includes('4月31日')) + 1
    assert.isAbove(lineNumber, 10)
    const error = parseError(() => parseHolidayNotice(text))
    assert.equal(error.lineNumber, lineNumber)
    assert.match(error.reason, /impossible date 4月31日/)
  })
})
