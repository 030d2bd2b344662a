import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { NoticeParseError, parseHolidayNotice } from '#clock/index'
import { noticeReason } from '#clock/notice_reasons'
import { InvalidHolidayNotice } from '#exceptions/invalid_holiday_notice'

const TITLE = '国务院办公厅关于2025年部分节假日安排的通知'
const NEW_YEAR = '一、元旦：1月1日（周三）放假1天，不调休。'

/** Runs the parser, which must refuse the text. */
function refusal(text: string, year?: number): NoticeParseError {
  try {
    parseHolidayNotice(text, { year })
  } catch (error) {
    if (error instanceof NoticeParseError) return error
    throw error
  }
  throw new Error(`expected the notice to be refused:\n${text}`)
}

// One notice per reason the parser gives, and the key it must map to.
// prettier-ignore
const CASES: { key: string; lines: string[]; year?: number; values?: Record<string, string> }[] = [
  { key: 'duplicate', lines: [TITLE, NEW_YEAR, '二、春节：1月1日放假。'], values: { date: '2025-01-01', earlierLine: '2' } },
  { key: 'noItems', lines: [TITLE] },
  { key: 'yearMismatch', lines: [TITLE, NEW_YEAR], year: 2026, values: { titled: '2025', given: '2026' } },
  { key: 'noTitle', lines: [NEW_YEAR] },
  { key: 'structure', lines: [TITLE, '二、春节1月28日放假'] },
  { key: 'unknownName', lines: [TITLE, '二、植树节：3月12日放假。'], values: { name: '植树节' } },
  { key: 'conflictingTotals', lines: [TITLE, '一、元旦：1月1日放假，共1天，共2天。'], values: { first: '1', second: '2' } },
  { key: 'unrecognisedDate', lines: [TITLE, '一、元旦：1月1日至3号放假。'] },
  { key: 'mixed', lines: [TITLE, '一、元旦：1月1日放假上班。'] },
  { key: 'noVerb', lines: [TITLE, '一、元旦：1月1日休息。'] },
  { key: 'noHolidayDates', lines: [TITLE, '一、元旦：1月4日（周六）上班。'] },
  { key: 'dayCount', lines: [TITLE, '三、清明节：4月4日至6日放假，共4天。'], values: { declared: '4', counted: '3' } },
  { key: 'workdayNotWeekend', lines: [TITLE, '一、元旦：1月1日放假。1月2日上班。'], values: { date: '2025-01-02' } },
  { key: 'unbalanced', lines: [TITLE, '一、元旦：1月1日（周三放假。'] },
  { key: 'noMonth', lines: [TITLE, '一、元旦：1日放假。'] },
  { key: 'impossibleDate', lines: [TITLE, '一、元旦：2月30日放假。'] },
  { key: 'outsideYear', lines: [TITLE, '一、元旦：2026年1月1日放假。'], values: { date: '2026-01-01', year: '2025' } },
  { key: 'weekdayMismatch', lines: [TITLE, '一、元旦：1月1日（周四）放假。'], values: { date: '2025-01-01', actual: '三', weekday: '3', said: '周四' } },
  { key: 'rangeBackwards', lines: [TITLE, '一、元旦：1月5日至1月1日放假。'] },
  { key: 'rangeTooLong', lines: [TITLE, '一、元旦：1月1日至2月10日放假。'], values: { days: '41' } },
  { key: 'unexpectedGap', lines: [TITLE, '一、元旦：1月1日或1月2日放假。'], values: { text: '或' } },
  { key: 'chainedRange', lines: [TITLE, '一、元旦：1月1日至1月2日至1月3日放假。'] },
]

test.group('Notice parser reasons', () => {
  test('{key} is recognised and translated in zh-CN and en')
    .with(CASES)
    .run(({ assert }, row) => {
      const error = refusal(row.lines.join('\n'), row.year)
      const reason = noticeReason(error.reason)
      assert.equal(reason.key, row.key, error.reason)
      if (row.values) assert.containsSubset(reason.values, row.values)

      for (const locale of ['zh-CN', 'en']) {
        const message = new InvalidHolidayNotice(error).translate(i18nManager.locale(locale))
        assert.notMatch(message, /translation missing|\{|\}/i, message)
        if (error.lineNumber !== null) assert.include(message, String(error.lineNumber))
      }
    })

  test('an unknown reason keeps the English text', ({ assert }) => {
    assert.deepEqual(noticeReason('something new'), {
      key: 'other',
      values: { detail: 'something new' },
    })
    const error = new NoticeParseError(4, '四、劳动节：……', 'something new')
    const message = new InvalidHolidayNotice(error).translate(i18nManager.locale('en'))
    assert.equal(
      message,
      'Line 4 of the notice, “四、劳动节：……”, could not be read: something new'
    )
  })

  test('a problem with the whole text names no line', ({ assert }) => {
    const error = refusal(TITLE)
    const zh = new InvalidHolidayNotice(error).translate(i18nManager.locale('zh-CN'))
    assert.equal(zh, '无法识别通知：没有找到节日安排（如“一、元旦：……”）')
  })
})
