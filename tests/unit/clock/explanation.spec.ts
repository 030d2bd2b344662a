import { test } from '@japa/runner'
import { computeDeadline, renderExplanation, type DurationUnit } from '#clock/index'
import { alwaysOnCal, at, bareCal, cal, local, pauses } from './support.js'

const calendars = { cal, bare: bareCal, always: alwaysOnCal }

interface Case {
  title: string
  calendar?: keyof typeof calendars
  start: string
  amount: number
  unit: DurationUnit
  paused?: [string, string][]
  zh: string
  en: string
}

function explain(row: Omit<Case, 'zh' | 'en' | 'title'>) {
  return computeDeadline({
    start: at(row.start),
    amount: row.amount,
    unit: row.unit,
    calendar: calendars[row.calendar ?? 'cal'],
    pauses: pauses(row.paused),
  }).explanation
}

const CASES: Case[] = [
  {
    title: '国庆 crossed',
    start: '2025-09-30T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '国庆节、中秋节放假顺延，截止10月9日17:30（1个工作日，次日起算）',
    en: 'Extended over the National Day, Mid-Autumn Festival holidays; due Oct 9 17:30 (1 working day, counted from the next working day)',
  },
  {
    title: 'an ordinary weekend',
    start: '2025-11-21T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '截止11月24日17:30（1个工作日，次日起算）',
    en: 'Due Nov 24 17:30 (1 working day, counted from the next working day)',
  },
  {
    title: '国庆 and the adjusted Saturday',
    start: '2025-09-30T10:00',
    amount: 3,
    unit: 'working_days',
    zh: '国庆节、中秋节放假顺延，10月11日调休上班，截止10月11日17:30（3个工作日，次日起算）',
    en: 'Extended over the National Day, Mid-Autumn Festival holidays, counts the adjusted working day Oct 11; due Oct 11 17:30 (3 working days, counted from the next working day)',
  },
  {
    title: 'the adjusted Sunday before 国庆',
    start: '2025-09-26T16:00',
    amount: 2,
    unit: 'working_hours',
    zh: '9月28日调休上班，截止9月28日09:30（工作时间2小时）',
    en: 'Counts the adjusted working day Sep 28; due Sep 28 09:30 (2 working hours)',
  },
  {
    title: 'both adjusted days around 国庆',
    start: '2025-09-26T10:00',
    amount: 6,
    unit: 'working_days',
    zh: '国庆节、中秋节放假顺延，9月28日、10月11日调休上班，截止10月11日17:30（6个工作日，次日起算）',
    en: 'Extended over the National Day, Mid-Autumn Festival holidays, counts the adjusted working days Sep 28, Oct 11; due Oct 11 17:30 (6 working days, counted from the next working day)',
  },
  {
    title: '元旦 into the next year',
    start: '2025-12-31T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '元旦放假顺延，1月4日调休上班，截止2026年1月4日17:30（1个工作日，次日起算）',
    en: "Extended over the New Year's Day holiday, counts the adjusted working day Jan 4; due Jan 4, 2026 17:30 (1 working day, counted from the next working day)",
  },
  {
    title: '2025 春节',
    start: '2025-01-27T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '春节放假顺延，截止2月5日17:30（1个工作日，次日起算）',
    en: 'Extended over the Spring Festival holiday; due Feb 5 17:30 (1 working day, counted from the next working day)',
  },
  {
    title: 'the unloaded 2027',
    start: '2026-12-30T10:00',
    amount: 3,
    unit: 'working_days',
    zh: '截止2027年1月4日17:30（3个工作日，次日起算）（2027年节假日安排未发布，时限可能变化）',
    en: 'Due Jan 4, 2027 17:30 (3 working days, counted from the next working day) (the 2027 holiday schedule is not published yet; the deadline may change)',
  },
  {
    title: 'two unloaded years',
    calendar: 'bare',
    start: '2025-12-31T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '截止2026年1月1日17:30（1个工作日，次日起算）（2025、2026年节假日安排未发布，时限可能变化）',
    en: 'Due Jan 1, 2026 17:30 (1 working day, counted from the next working day) (the 2025 and 2026 holiday schedules are not published yet; the deadline may change)',
  },
  {
    title: 'a two-hour pause',
    start: '2025-11-24T10:00',
    amount: 1,
    unit: 'working_days',
    paused: [['2025-11-25T09:00', '2025-11-25T11:00']],
    zh: '扣除暂停2小时，截止11月26日11:00（1个工作日，次日起算）',
    en: 'Excludes 2 h paused; due Nov 26 11:00 (1 working day, counted from the next working day)',
  },
  {
    title: 'a pause of an hour and a half',
    start: '2025-11-24T09:00',
    amount: 2,
    unit: 'working_hours',
    paused: [['2025-11-24T10:00', '2025-11-24T11:30']],
    zh: '扣除暂停1小时30分钟，截止11月24日14:00（工作时间2小时）',
    en: 'Excludes 1 h 30 min paused; due Nov 24 14:00 (2 working hours)',
  },
  {
    title: 'a 7x24 day closes at 24:00',
    calendar: 'always',
    start: '2025-09-30T10:00',
    amount: 1,
    unit: 'working_days',
    zh: '截止10月1日24:00（1个工作日，次日起算）',
    en: 'Due Oct 1 24:00 (1 working day, counted from the next working day)',
  },
  {
    title: '24 natural hours',
    start: '2025-11-24T10:00',
    amount: 24,
    unit: 'natural_hours',
    zh: '截止11月25日10:00（自然时间24小时）',
    en: 'Due Nov 25 10:00 (24 calendar hours)',
  },
  {
    title: '30 natural minutes',
    start: '2025-11-24T10:00',
    amount: 30,
    unit: 'natural_minutes',
    zh: '截止11月24日10:30（自然时间30分钟）',
    en: 'Due Nov 24 10:30 (30 calendar minutes)',
  },
  {
    title: 'natural days do not mention holidays',
    start: '2025-09-30T10:00',
    amount: 3,
    unit: 'natural_days',
    zh: '截止10月3日10:00（自然时间3天）',
    en: 'Due Oct 3 10:00 (3 calendar days)',
  },
  {
    title: 'natural minutes minus a pause',
    start: '2025-11-24T10:00',
    amount: 30,
    unit: 'natural_minutes',
    paused: [['2025-11-24T10:10', '2025-11-24T10:55']],
    zh: '扣除暂停45分钟，截止11月24日11:15（自然时间30分钟）',
    en: 'Excludes 45 min paused; due Nov 24 11:15 (30 calendar minutes)',
  },
  {
    title: 'working minutes',
    start: '2025-11-24T11:45',
    amount: 30,
    unit: 'working_minutes',
    zh: '截止11月24日13:45（工作时间30分钟）',
    en: 'Due Nov 24 13:45 (30 working minutes)',
  },
]

test.group('renderExplanation', () => {
  // prettier-ignore
  test('zh-CN: {title}')
    .with(CASES)
    .run(({ assert }, row) => {
      assert.equal(renderExplanation(explain(row), 'zh-CN'), row.zh)
    })

  // prettier-ignore
  test('en: {title}')
    .with(CASES)
    .run(({ assert }, row) => {
      assert.equal(renderExplanation(explain(row), 'en'), row.en)
    })
})

test.group('explanation facts', () => {
  test('国庆: every holiday date is listed with its name', ({ assert }) => {
    const expl = explain({ start: '2025-09-30T10:00', amount: 1, unit: 'working_days' })
    assert.deepEqual(expl.holidaysCrossed, [
      { date: '2025-10-01', name: '国庆节' },
      { date: '2025-10-02', name: '国庆节' },
      { date: '2025-10-03', name: '国庆节' },
      { date: '2025-10-04', name: '国庆节' },
      { date: '2025-10-05', name: '国庆节' },
      { date: '2025-10-06', name: '中秋节' },
      { date: '2025-10-07', name: '国庆节' },
      { date: '2025-10-08', name: '国庆节' },
    ])
    assert.deepEqual(expl.workdaysCrossed, [])
    assert.equal(local(expl.startAt), '2025-09-30T10:00')
    assert.equal(local(expl.countingStartsAt), '2025-10-09T09:00')
    assert.equal(local(expl.dueAt), '2025-10-09T17:30')
    assert.equal(expl.unit, 'working_days')
    assert.equal(expl.amount, 1)
    assert.isFalse(expl.calendarIncomplete)
  })

  test('working hours from the evening start counting next morning', ({ assert }) => {
    const expl = explain({ start: '2025-11-24T19:00', amount: 2, unit: 'working_hours' })
    assert.equal(local(expl.countingStartsAt), '2025-11-25T09:00')
  })

  test('adjusted working days only appear once they are counted', ({ assert }) => {
    const before = explain({ start: '2025-09-30T10:00', amount: 2, unit: 'working_days' })
    const after = explain({ start: '2025-09-30T10:00', amount: 3, unit: 'working_days' })
    assert.deepEqual(before.workdaysCrossed, [])
    assert.deepEqual(after.workdaysCrossed, [{ date: '2025-10-11', name: '国庆节' }])
  })

  test('a multi-day pause lists the working minutes it removed', ({ assert }) => {
    const expl = explain({
      start: '2025-11-24T10:00',
      amount: 5,
      unit: 'working_days',
      paused: [['2025-11-26T00:00', '2025-11-28T00:00']],
    })
    assert.lengthOf(expl.pausesExcluded, 1)
    assert.equal(local(expl.pausesExcluded[0].from), '2025-11-26T00:00')
    assert.equal(local(expl.pausesExcluded[0].to), '2025-11-28T00:00')
    assert.equal(expl.pausesExcluded[0].minutes, 840)
  })

  test('a pause outside working time is not listed', ({ assert }) => {
    const expl = explain({
      start: '2025-11-21T10:00',
      amount: 1,
      unit: 'working_days',
      paused: [['2025-11-22T08:00', '2025-11-23T20:00']],
    })
    assert.deepEqual(expl.pausesExcluded, [])
  })

  test('the incomplete flag and missing years are carried', ({ assert }) => {
    const expl = explain({ start: '2026-12-30T10:00', amount: 3, unit: 'working_days' })
    assert.isTrue(expl.calendarIncomplete)
    assert.deepEqual(expl.missingYears, [2027])
  })

  test('serialises to JSON with ISO instants', ({ assert }) => {
    const json = JSON.parse(
      JSON.stringify(explain({ start: '2025-11-21T10:00', amount: 1, unit: 'working_days' }))
    )
    assert.equal(json.dueAt, '2025-11-24T17:30:00.000+08:00')
    assert.equal(json.countingStartsAt, '2025-11-24T09:00:00.000+08:00')
  })
})
