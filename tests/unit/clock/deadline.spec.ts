import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { buildCalendar, computeDeadline, type DurationUnit } from '#clock/index'
import { alwaysOnCal, at, bareCal, cal, local, pauses, ZONE } from './support.js'

const berlin = buildCalendar({ zone: 'Europe/Berlin' })
const calendars = { cal, bare: bareCal, always: alwaysOnCal, berlin }
type CalendarName = keyof typeof calendars

interface Row {
  title: string
  calendar?: CalendarName
  start: string
  amount: number
  unit: DurationUnit
  paused?: [string, string][]
  ratio?: number
  due: string
  warn?: string
  missing?: number[]
}

function run(row: Row) {
  const calendar = calendars[row.calendar ?? 'cal']
  const start = DateTime.fromISO(row.start, { zone: calendar.zone })
  return computeDeadline({
    start,
    amount: row.amount,
    unit: row.unit,
    calendar,
    pauses: pauses(row.paused),
    warningRatio: row.ratio,
  })
}

function check(
  assert: { equal: (a: unknown, b: unknown) => void; deepEqual: (a: unknown, b: unknown) => void },
  row: Row
) {
  const deadline = run(row)
  const zone = calendars[row.calendar ?? 'cal'].zone
  assert.equal(deadline.dueAt.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm"), row.due)
  if (row.warn !== undefined) assert.equal(local(deadline.warnAt), row.warn)
  assert.deepEqual(deadline.missingYears, row.missing ?? [])
  assert.equal(deadline.calendarIncomplete, (row.missing ?? []).length > 0)
  assert.equal(deadline.dueAt.zoneName, zone)
}

test.group('computeDeadline: working days (次日起, close of business)', () => {
  // prettier-ignore
  test('{title}')
    .with<Row[]>([
      { title: 'Monday 10:00 + 1 -> Tuesday 17:30', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', due: '2025-11-25T17:30', warn: '2025-11-25T15:45' },
      { title: 'Friday + 1 -> Monday 17:30', start: '2025-11-21T10:00', amount: 1, unit: 'working_days', due: '2025-11-24T17:30' },
      { title: 'Friday evening + 1 -> Monday 17:30', start: '2025-11-21T18:00', amount: 1, unit: 'working_days', due: '2025-11-24T17:30' },
      { title: 'Saturday + 1 -> Monday 17:30', start: '2025-11-22T10:00', amount: 1, unit: 'working_days', due: '2025-11-24T17:30' },
      { title: 'Sunday + 1 -> Monday 17:30', start: '2025-11-23T10:00', amount: 1, unit: 'working_days', due: '2025-11-24T17:30' },
      { title: 'before opening the start day still does not count', start: '2025-11-24T08:00', amount: 1, unit: 'working_days', due: '2025-11-25T17:30' },
      { title: 'Monday 23:59 + 1 -> Tuesday', start: '2025-11-24T23:59', amount: 1, unit: 'working_days', due: '2025-11-25T17:30' },
      { title: 'Monday + 5 -> next Monday', start: '2025-11-24T10:00', amount: 5, unit: 'working_days', due: '2025-12-01T17:30', warn: '2025-11-28T15:45' },
      { title: 'Monday + 10 -> two weeks later', start: '2025-11-24T10:00', amount: 10, unit: 'working_days', due: '2025-12-08T17:30' },
      { title: 'eve of 国庆 + 1 skips the holiday', start: '2025-09-30T10:00', amount: 1, unit: 'working_days', due: '2025-10-09T17:30', warn: '2025-10-09T15:45' },
      { title: 'Monday before 国庆 + 1 -> 09-30', start: '2025-09-29T10:00', amount: 1, unit: 'working_days', due: '2025-09-30T17:30' },
      { title: 'Friday + 1 -> the adjusted Sunday 09-28', start: '2025-09-26T10:00', amount: 1, unit: 'working_days', due: '2025-09-28T17:30' },
      { title: 'Friday + 3 counts the adjusted Sunday', start: '2025-09-26T10:00', amount: 3, unit: 'working_days', due: '2025-09-30T17:30' },
      { title: 'Friday + 4 jumps 国庆', start: '2025-09-26T10:00', amount: 4, unit: 'working_days', due: '2025-10-09T17:30' },
      { title: 'eve of 国庆 + 3 ends on the adjusted Saturday', start: '2025-09-30T10:00', amount: 3, unit: 'working_days', due: '2025-10-11T17:30' },
      { title: 'dispatched during 国庆 + 1', start: '2025-10-03T10:00', amount: 1, unit: 'working_days', due: '2025-10-09T17:30' },
      { title: 'eve of 国庆 + 15', start: '2025-09-30T10:00', amount: 15, unit: 'working_days', due: '2025-10-28T17:30' },
      { title: 'eve of 2025 春节 + 1', start: '2025-01-27T10:00', amount: 1, unit: 'working_days', due: '2025-02-05T17:30' },
      { title: 'Friday before 春节 + 1 -> adjusted Sunday 01-26', start: '2025-01-24T10:00', amount: 1, unit: 'working_days', due: '2025-01-26T17:30' },
      { title: 'Friday before 春节 + 2 -> Monday 01-27', start: '2025-01-24T10:00', amount: 2, unit: 'working_days', due: '2025-01-27T17:30' },
      { title: 'Friday before 春节 + 3 -> after the holiday', start: '2025-01-24T10:00', amount: 3, unit: 'working_days', due: '2025-02-05T17:30' },
      { title: 'Friday 02-07 + 1 -> adjusted Saturday 02-08', start: '2025-02-07T10:00', amount: 1, unit: 'working_days', due: '2025-02-08T17:30' },
      { title: '元旦: 2025-12-31 + 1 -> adjusted Sunday 2026-01-04', start: '2025-12-31T10:00', amount: 1, unit: 'working_days', due: '2026-01-04T17:30' },
      { title: '元旦: 2025-12-31 + 2 -> 2026-01-05', start: '2025-12-31T10:00', amount: 2, unit: 'working_days', due: '2026-01-05T17:30' },
      { title: '2025-12-30 + 1 stays in 2025', start: '2025-12-30T10:00', amount: 1, unit: 'working_days', due: '2025-12-31T17:30' },
      { title: 'Friday before 2026 春节 + 1 -> adjusted Saturday', start: '2026-02-13T10:00', amount: 1, unit: 'working_days', due: '2026-02-14T17:30' },
      { title: 'Friday before 2026 春节 + 2 jumps nine days', start: '2026-02-13T10:00', amount: 2, unit: 'working_days', due: '2026-02-24T17:30' },
      { title: 'eve of 2026 国庆 + 1', start: '2026-09-30T10:00', amount: 1, unit: 'working_days', due: '2026-10-08T17:30' },
      { title: 'eve of 2026 国庆 + 3 -> adjusted Saturday 10-10', start: '2026-09-30T10:00', amount: 3, unit: 'working_days', due: '2026-10-10T17:30' },
      { title: 'Friday 2026-09-18 + 1 -> adjusted Sunday 09-20', start: '2026-09-18T10:00', amount: 1, unit: 'working_days', due: '2026-09-20T17:30' },
      { title: '2026-12-30 + 1 is still complete', start: '2026-12-30T10:00', amount: 1, unit: 'working_days', due: '2026-12-31T17:30' },
      { title: '2026-12-30 + 3 reaches the unloaded 2027', start: '2026-12-30T10:00', amount: 3, unit: 'working_days', due: '2027-01-04T17:30', warn: '2027-01-04T10:45', missing: [2027] },
      { title: 'no schedule loaded: 10-01 counts, flagged', calendar: 'bare', start: '2025-09-30T10:00', amount: 1, unit: 'working_days', due: '2025-10-01T17:30', missing: [2025] },
      { title: 'no schedule loaded across the year end', calendar: 'bare', start: '2025-12-31T10:00', amount: 1, unit: 'working_days', due: '2026-01-01T17:30', missing: [2025, 2026] },
      { title: '7x24: a working day ends at midnight', calendar: 'always', start: '2025-09-30T10:00', amount: 1, unit: 'working_days', due: '2025-10-02T00:00', warn: '2025-10-01T18:00' },
      { title: '7x24 at the year end is never incomplete', calendar: 'always', start: '2026-12-30T10:00', amount: 3, unit: 'working_days', due: '2027-01-03T00:00' },
    ])
    .run(({ assert }, row) => check(assert, row))
})

test.group('computeDeadline: working hours and minutes', () => {
  // prettier-ignore
  test('{title}')
    .with<Row[]>([
      { title: '2 working hours in the morning', start: '2025-11-24T10:00', amount: 2, unit: 'working_hours', due: '2025-11-24T12:00', warn: '2025-11-24T11:30' },
      { title: '2 working hours across lunch', start: '2025-11-24T11:00', amount: 2, unit: 'working_hours', due: '2025-11-24T14:30', warn: '2025-11-24T14:00' },
      { title: '2 working hours from late afternoon', start: '2025-11-24T17:00', amount: 2, unit: 'working_hours', due: '2025-11-25T10:30' },
      { title: 'evening start counts from next morning', start: '2025-11-24T19:00', amount: 2, unit: 'working_hours', due: '2025-11-25T11:00', warn: '2025-11-25T10:30' },
      { title: 'Friday afternoon into Monday', start: '2025-11-21T16:00', amount: 2, unit: 'working_hours', due: '2025-11-24T09:30' },
      { title: 'eve of 国庆 into 10-09', start: '2025-09-30T17:00', amount: 2, unit: 'working_hours', due: '2025-10-09T10:30' },
      { title: '30 working minutes', start: '2025-11-24T10:00', amount: 30, unit: 'working_minutes', due: '2025-11-24T10:30', warn: '2025-11-24T10:22:30.000' },
      { title: '30 working minutes across lunch', start: '2025-11-24T11:45', amount: 30, unit: 'working_minutes', due: '2025-11-24T13:45' },
      { title: '元旦 into the adjusted Sunday', start: '2025-12-31T17:00', amount: 2, unit: 'working_hours', due: '2026-01-04T10:30' },
      { title: '8 hours over the adjusted Saturday before 2026 春节', start: '2026-02-13T16:00', amount: 8, unit: 'working_hours', due: '2026-02-14T17:00' },
      { title: '7x24: through the night', calendar: 'always', start: '2025-10-01T23:00', amount: 2, unit: 'working_hours', due: '2025-10-02T01:00' },
      { title: 'unloaded 2027 is flagged for working hours', start: '2026-12-31T17:00', amount: 2, unit: 'working_hours', due: '2027-01-01T10:30', missing: [2027] },
    ])
    .run(({ assert }, row) => check(assert, row))
})

test.group('computeDeadline: natural units', () => {
  // prettier-ignore
  test('{title}')
    .with<Row[]>([
      { title: '30 natural minutes', start: '2025-11-24T10:00', amount: 30, unit: 'natural_minutes', due: '2025-11-24T10:30' },
      { title: '4 natural hours run through a holiday night', start: '2025-09-30T22:00', amount: 4, unit: 'natural_hours', due: '2025-10-01T02:00', warn: '2025-10-01T01:00' },
      { title: '24 natural hours over a weekend', start: '2025-11-21T18:00', amount: 24, unit: 'natural_hours', due: '2025-11-22T18:00', warn: '2025-11-22T12:00' },
      { title: '3 natural days ignore 国庆', start: '2025-09-30T10:00', amount: 3, unit: 'natural_days', due: '2025-10-03T10:00' },
      { title: '1 natural day over 元旦', start: '2025-12-31T20:00', amount: 1, unit: 'natural_days', due: '2026-01-01T20:00', warn: '2026-01-01T14:00' },
      { title: 'natural time into 2027 is not flagged', start: '2026-12-31T10:00', amount: 24, unit: 'natural_hours', due: '2027-01-01T10:00' },
      { title: 'natural hours minus a pause', start: '2025-11-24T10:00', amount: 4, unit: 'natural_hours', paused: [['2025-11-24T11:00', '2025-11-24T12:30']], due: '2025-11-24T15:30', warn: '2025-11-24T14:30' },
      { title: 'start inside a pause', start: '2025-11-24T10:00', amount: 30, unit: 'natural_minutes', paused: [['2025-11-24T09:00', '2025-11-24T10:20']], due: '2025-11-24T10:50' },
      { title: 'a natural day minus a two-day pause', start: '2025-11-24T10:00', amount: 1, unit: 'natural_days', paused: [['2025-11-24T12:00', '2025-11-26T12:00']], due: '2025-11-27T10:00' },
      { title: 'DST: a natural day keeps the wall clock (23 h)', calendar: 'berlin', start: '2025-03-29T12:00', amount: 1, unit: 'natural_days', due: '2025-03-30T12:00' },
      { title: 'DST: 24 natural hours are 24 real hours', calendar: 'berlin', start: '2025-03-29T12:00', amount: 24, unit: 'natural_hours', due: '2025-03-30T13:00' },
      { title: 'DST: working hours over the change', calendar: 'berlin', start: '2025-03-28T17:00', amount: 1, unit: 'working_hours', due: '2025-03-31T09:30', missing: [2025] },
    ])
    .run(({ assert }, row) => check(assert, row))
})

test.group('computeDeadline: pauses and warning instants', () => {
  // prettier-ignore
  test('{title}')
    .with<Row[]>([
      { title: 'a 2-hour pause on day 1 moves the due to 11:00 next day', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', paused: [['2025-11-25T09:00', '2025-11-25T11:00']], due: '2025-11-26T11:00', warn: '2025-11-26T09:15' },
      { title: 'a pause on the uncounted start day changes nothing', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', paused: [['2025-11-24T13:30', '2025-11-24T17:30']], due: '2025-11-25T17:30' },
      { title: 'a two-day pause extends 5 working days by two days', start: '2025-11-24T10:00', amount: 5, unit: 'working_days', paused: [['2025-11-26T00:00', '2025-11-28T00:00']], due: '2025-12-03T17:30' },
      { title: 'a pause reaching into the extension extends again', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', paused: [['2025-11-25T16:30', '2025-11-26T10:00']], due: '2025-11-26T11:00' },
      { title: 'a pause after 国庆 extends into 10-10', start: '2025-09-30T10:00', amount: 1, unit: 'working_days', paused: [['2025-10-09T09:00', '2025-10-09T12:00']], due: '2025-10-10T12:00' },
      { title: 'a pause entirely inside the holiday changes nothing', start: '2025-09-30T10:00', amount: 1, unit: 'working_days', paused: [['2025-10-02T08:00', '2025-10-06T20:00']], due: '2025-10-09T17:30' },
      { title: 'working hours with a pause over two days', start: '2025-11-24T16:00', amount: 4, unit: 'working_hours', paused: [['2025-11-25T00:00', '2025-11-27T00:00']], due: '2025-11-27T11:30' },
      { title: 'warning ratio 0.5 is 210 working minutes, across lunch', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', ratio: 0.5, due: '2025-11-25T17:30', warn: '2025-11-25T14:00' },
      { title: 'warning ratio 1 is the due', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', ratio: 1, due: '2025-11-25T17:30', warn: '2025-11-25T17:30' },
      { title: 'warning ratio 0 is when counting starts', start: '2025-11-24T10:00', amount: 1, unit: 'working_days', ratio: 0, due: '2025-11-25T17:30', warn: '2025-11-25T09:00' },
      { title: 'warning for 24 natural hours', start: '2025-11-24T10:00', amount: 24, unit: 'natural_hours', due: '2025-11-25T10:00', warn: '2025-11-25T04:00' },
      { title: 'warning for 10 working days across 国庆 and both adjusted days', start: '2025-09-26T10:00', amount: 10, unit: 'working_days', due: '2025-10-16T17:30', warn: '2025-10-14T14:00' },
    ])
    .run(({ assert }, row) => check(assert, row))
})

test.group('computeDeadline: invalid input', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; amount: number; unit: DurationUnit; ratio?: number; message: RegExp }[]>([
      { title: 'zero amount', amount: 0, unit: 'working_hours', message: /Invalid amount/ },
      { title: 'negative amount', amount: -2, unit: 'natural_hours', message: /Invalid amount/ },
      { title: 'fractional working days', amount: 1.5, unit: 'working_days', message: /whole number/ },
      { title: 'fractional natural days', amount: 0.5, unit: 'natural_days', message: /whole number/ },
      { title: 'warning ratio above 1', amount: 1, unit: 'working_days', ratio: 1.5, message: /warning ratio/ },
      { title: 'negative warning ratio', amount: 1, unit: 'working_days', ratio: -0.1, message: /warning ratio/ },
    ])
    .run(({ assert }, row) => {
      assert.throws(
        () => computeDeadline({ start: at('2025-11-24T10:00'), amount: row.amount, unit: row.unit, calendar: cal, warningRatio: row.ratio }),
        row.message
      )
    })

  test('an invalid start is rejected', ({ assert }) => {
    const start = DateTime.fromISO('2025-02-30T10:00', { zone: ZONE })
    assert.throws(
      () => computeDeadline({ start, amount: 1, unit: 'working_days', calendar: cal }),
      /Invalid start/
    )
  })

  test('a pause that ends before it starts is rejected', ({ assert }) => {
    const paused = [{ from: at('2025-11-25T12:00'), to: at('2025-11-25T10:00') }]
    assert.throws(
      () =>
        computeDeadline({
          start: at('2025-11-24T10:00'),
          amount: 1,
          unit: 'working_days',
          calendar: cal,
          pauses: paused,
        }),
      /ends before it starts/
    )
  })

  test('a start in another zone gives the same deadline', ({ assert }) => {
    const utc = DateTime.fromISO('2025-11-24T02:00:00Z', { zone: 'utc' })
    const deadline = computeDeadline({ start: utc, amount: 1, unit: 'working_days', calendar: cal })
    assert.equal(deadline.dueAt.toISO(), '2025-11-25T17:30:00.000+08:00')
  })
})
