import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  ALWAYS_ON_WINDOWS,
  addWorkingMinutes,
  buildCalendar,
  chineseDaysOverrides,
  DEFAULT_WEEKLY_WINDOWS,
  nextWorkingInstant,
  workingMinutesBetween,
  type CalendarOptions,
} from '#clock/index'
import { at, local, ZONE } from './support.js'

/** Working minutes on one local day of the calendar built from `options`. */
function minutesOn(date: string, options: CalendarOptions): number {
  const cal = buildCalendar({ zone: ZONE, ...options })
  const from = at(`${date}T00:00`)
  return workingMinutesBetween(from, from.plus({ days: 1 }), cal)
}

test.group('chineseDaysOverrides', () => {
  test('2025: 28 holidays and 5 adjusted working days', ({ assert }) => {
    const { overrides, years } = chineseDaysOverrides([2025])
    assert.deepEqual(years, [2025])
    assert.lengthOf(
      overrides.filter((o) => o.kind === 'holiday'),
      28
    )
    assert.deepEqual(
      overrides.filter((o) => o.kind === 'workday').map((o) => o.date),
      ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']
    )
  })

  // prettier-ignore
  test('{title}')
    .with([
      { title: '2025-10-01 is 国庆节', date: '2025-10-01', kind: 'holiday', name: '国庆节' },
      { title: '2025-10-06 is 中秋节 (full name)', date: '2025-10-06', kind: 'holiday', name: '中秋节' },
      { title: '2025-09-28 is a 国庆节 working day', date: '2025-09-28', kind: 'workday', name: '国庆节' },
      { title: '2025-01-28 is 春节', date: '2025-01-28', kind: 'holiday', name: '春节' },
      { title: '2025-04-04 is 清明节', date: '2025-04-04', kind: 'holiday', name: '清明节' },
      { title: '2026-01-04 is a 元旦 working day', date: '2026-01-04', kind: 'workday', name: '元旦' },
      { title: '2026-06-19 is 端午节', date: '2026-06-19', kind: 'holiday', name: '端午节' },
    ])
    .run(({ assert }, row) => {
      const found = chineseDaysOverrides([2025, 2026]).overrides.find((o) => o.date === row.date)
      assert.deepEqual(found, { date: row.date, kind: row.kind, name: row.name })
    })

  test('without a filter every bundled year is covered, sorted', ({ assert }) => {
    const { overrides, years } = chineseDaysOverrides()
    assert.includeMembers(years, [2017, 2024, 2025, 2026])
    assert.deepEqual(
      years,
      [...years].sort((a, b) => a - b)
    )
    assert.isTrue(overrides.every((o, i) => i === 0 || overrides[i - 1].date <= o.date))
  })

  test('a year the package does not have is not covered', ({ assert }) => {
    assert.deepEqual(chineseDaysOverrides([1999]), { overrides: [], years: [] })
  })
})

test.group('buildCalendar', () => {
  test('defaults to Asia/Shanghai and Monday-Friday 09:00-12:00, 13:30-17:30', ({ assert }) => {
    const cal = buildCalendar()
    assert.equal(cal.zone, 'Asia/Shanghai')
    assert.lengthOf(DEFAULT_WEEKLY_WINDOWS, 10)
    assert.lengthOf(ALWAYS_ON_WINDOWS, 7)
    assert.deepEqual(cal.loadedYears, new Set())
  })

  // prettier-ignore
  test('{title}')
    .with<{ title: string; date: string; options: CalendarOptions; expected: number }[]>([
      { title: 'a default weekday has 420 minutes', date: '2025-11-24', options: {}, expected: 420 },
      { title: 'a default Saturday has none', date: '2025-11-22', options: {}, expected: 0 },
      { title: '7x24 has 1440 minutes on a Sunday', date: '2025-11-23', options: { weeklyWindows: ALWAYS_ON_WINDOWS }, expected: 1440 },
      { title: 'a holiday override empties a weekday', date: '2025-11-24', options: { overrides: [{ date: '2025-11-24', kind: 'holiday', name: '测试' }] }, expected: 0 },
      { title: 'an adjusted Saturday uses weekday hours', date: '2025-11-22', options: { overrides: [{ date: '2025-11-22', kind: 'workday', name: '测试' }] }, expected: 420 },
      {
        title: 'an adjusted Saturday uses Monday hours when weekdays differ',
        date: '2025-11-22',
        options: {
          weeklyWindows: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 2, start: '09:00', end: '17:00' }],
          overrides: [{ date: '2025-11-22', kind: 'workday', name: '测试' }],
        },
        expected: 240,
      },
      {
        title: 'adjustedWorkdayWindows overrides the choice',
        date: '2025-11-22',
        options: { adjustedWorkdayWindows: [{ start: '09:00', end: '12:00' }], overrides: [{ date: '2025-11-22', kind: 'workday', name: '测试' }] },
        expected: 180,
      },
      {
        title: 'a workday override on a weekday keeps its own hours',
        date: '2025-11-28',
        options: { weeklyWindows: [{ weekday: 5, start: '09:00', end: '11:00' }], overrides: [{ date: '2025-11-28', kind: 'workday', name: '测试' }] },
        expected: 120,
      },
      {
        title: 'observesHolidays false ignores overrides',
        date: '2025-10-01',
        options: { weeklyWindows: ALWAYS_ON_WINDOWS, observesHolidays: false, overrides: chineseDaysOverrides([2025]).overrides },
        expected: 1440,
      },
      {
        title: 'windows are sorted regardless of input order',
        date: '2025-11-24',
        options: { weeklyWindows: [{ weekday: 1, start: '14:00', end: '15:00' }, { weekday: 1, start: '08:00', end: '09:00' }] },
        expected: 120,
      },
    ])
    .run(({ assert }, row) => {
      assert.equal(minutesOn(row.date, row.options), row.expected)
    })

  test('touching windows behave as one stretch', ({ assert }) => {
    const cal = buildCalendar({
      weeklyWindows: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '13:00' },
      ],
    })
    assert.equal(local(addWorkingMinutes(at('2025-11-24T11:30'), 60, cal)), '2025-11-24T12:30')
  })

  // prettier-ignore
  test('rejects {title}')
    .with<{ title: string; options: CalendarOptions; message: RegExp }[]>([
      { title: 'an unknown zone', options: { zone: 'Mars/Olympus' }, message: /Unknown time zone/ },
      { title: 'an hour of 25', options: { weeklyWindows: [{ weekday: 1, start: '09:00', end: '25:00' }] }, message: /Invalid time of day/ },
      { title: '24:00 as a start', options: { weeklyWindows: [{ weekday: 1, start: '24:00', end: '24:00' }] }, message: /Invalid time of day/ },
      { title: 'a window ending before it starts', options: { weeklyWindows: [{ weekday: 1, start: '12:00', end: '09:00' }] }, message: /ends before it starts/ },
      { title: 'overlapping windows', options: { weeklyWindows: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] }, message: /overlap/ },
      { title: 'an impossible override date', options: { overrides: [{ date: '2025-02-30', kind: 'holiday', name: 'x' }] }, message: /Invalid override date/ },
      { title: 'a date both holiday and working day', options: { overrides: [{ date: '2025-10-01', kind: 'holiday', name: 'a' }, { date: '2025-10-01', kind: 'workday', name: 'b' }] }, message: /both a holiday and a working day/ },
    ])
    .run(({ assert }, row) => {
      assert.throws(() => buildCalendar(row.options), row.message)
    })

  test('a calendar without any working time fails instead of looping', ({ assert }) => {
    const cal = buildCalendar({ weeklyWindows: [] })
    assert.throws(() => nextWorkingInstant(at('2025-11-24T10:00'), cal), /no working time/)
  })

  test('DST: a 7x24 Berlin day in spring has 23 hours', ({ assert }) => {
    const cal = buildCalendar({ zone: 'Europe/Berlin', weeklyWindows: ALWAYS_ON_WINDOWS })
    const from = DateTime.fromISO('2025-03-30T00:00', { zone: 'Europe/Berlin' })
    assert.equal(workingMinutesBetween(from, from.plus({ days: 1 }), cal), 1380)
  })
})
