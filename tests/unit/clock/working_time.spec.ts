import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { addWorkingMinutes, nextWorkingInstant, workingMinutesBetween } from '#clock/index'
import { alwaysOnCal, at, bareCal, cal, local, pauses, ZONE } from './support.js'

const calendars = { cal, bare: bareCal, always: alwaysOnCal }
type CalendarName = keyof typeof calendars

// Real 2025/2026 schedule: 2025 国庆 10-01..10-08 with 09-28 (Sun) and 10-11 (Sat)
// worked; 2025 春节 01-28..02-04 with 01-26 (Sun) and 02-08 (Sat) worked; 2026 元旦
// 01-01..01-03 with 01-04 (Sun) worked; 2026 春节 02-15..02-23 with 02-14 (Sat) worked.

test.group('nextWorkingInstant', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; calendar?: CalendarName; from: string; expected: string }[]>([
      { title: 'before opening waits for 09:00', from: '2025-11-24T08:00', expected: '2025-11-24T09:00' },
      { title: 'opening time itself is working', from: '2025-11-24T09:00', expected: '2025-11-24T09:00' },
      { title: 'inside the morning window stays', from: '2025-11-24T10:15', expected: '2025-11-24T10:15' },
      { title: '12:00 is the end of the morning, not in it', from: '2025-11-24T12:00', expected: '2025-11-24T13:30' },
      { title: 'lunch break waits for 13:30', from: '2025-11-24T12:45', expected: '2025-11-24T13:30' },
      { title: '13:30 reopens', from: '2025-11-24T13:30', expected: '2025-11-24T13:30' },
      { title: 'one minute before closing stays', from: '2025-11-24T17:29', expected: '2025-11-24T17:29' },
      { title: 'closing time moves to the next morning', from: '2025-11-24T17:30', expected: '2025-11-25T09:00' },
      { title: 'evening moves to the next morning', from: '2025-11-24T20:00', expected: '2025-11-25T09:00' },
      { title: 'just before midnight', from: '2025-11-24T23:59', expected: '2025-11-25T09:00' },
      { title: 'Friday evening moves to Monday', from: '2025-11-21T18:00', expected: '2025-11-24T09:00' },
      { title: 'Saturday moves to Monday', from: '2025-11-22T10:00', expected: '2025-11-24T09:00' },
      { title: 'eve of 国庆 skips the whole holiday', from: '2025-09-30T17:30', expected: '2025-10-09T09:00' },
      { title: 'inside 国庆 (a Sunday) skips to 10-09', from: '2025-10-05T11:00', expected: '2025-10-09T09:00' },
      { title: 'Saturday before 国庆 goes to the adjusted Sunday', from: '2025-09-27T10:00', expected: '2025-09-28T09:00' },
      { title: 'Friday evening goes to the adjusted Saturday 10-11', from: '2025-10-10T18:00', expected: '2025-10-11T09:00' },
      { title: '2025-12-31 evening skips 元旦 to the adjusted Sunday', from: '2025-12-31T17:30', expected: '2026-01-04T09:00' },
      { title: 'Friday before 2026 春节 goes to the adjusted Saturday', from: '2026-02-13T17:45', expected: '2026-02-14T09:00' },
      { title: 'adjusted Saturday evening skips 2026 春节', from: '2026-02-14T18:00', expected: '2026-02-24T09:00' },
      { title: 'eve of 2025 春节 skips to 02-05', from: '2025-01-27T17:30', expected: '2025-02-05T09:00' },
      { title: 'without a schedule 10-01 is an ordinary Wednesday', calendar: 'bare', from: '2025-10-01T10:00', expected: '2025-10-01T10:00' },
      { title: '7x24 at 03:00 on a holiday is working', calendar: 'always', from: '2025-10-01T03:00', expected: '2025-10-01T03:00' },
      { title: '7x24 at midnight is working', calendar: 'always', from: '2025-10-04T00:00', expected: '2025-10-04T00:00' },
    ])
    .run(({ assert }, row) => {
      const result = nextWorkingInstant(at(row.from), calendars[row.calendar ?? 'cal'])
      assert.equal(local(result), row.expected)
      assert.equal(result.zoneName, ZONE)
    })

  test('accepts an instant in another zone and answers in the calendar zone', ({ assert }) => {
    const noonInShanghai = DateTime.fromISO('2025-11-24T04:00:00Z', { zone: 'utc' })
    const result = nextWorkingInstant(noonInShanghai, cal)
    assert.equal(result.toISO(), '2025-11-24T13:30:00.000+08:00')
    assert.equal(result.zoneName, ZONE)
  })
})

test.group('addWorkingMinutes', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; calendar?: CalendarName; from: string; minutes: number; paused?: [string, string][]; expected: string }[]>([
      { title: 'one hour in the morning', from: '2025-11-24T09:00', minutes: 60, expected: '2025-11-24T10:00' },
      { title: 'ending exactly at 12:00 stays at 12:00', from: '2025-11-24T11:00', minutes: 60, expected: '2025-11-24T12:00' },
      { title: 'one minute past the morning jumps lunch', from: '2025-11-24T11:00', minutes: 61, expected: '2025-11-24T13:31' },
      { title: 'two hours across lunch', from: '2025-11-24T11:00', minutes: 120, expected: '2025-11-24T14:30' },
      { title: 'start during lunch counts from 13:30', from: '2025-11-24T12:30', minutes: 30, expected: '2025-11-24T14:00' },
      { title: 'ending exactly at closing', from: '2025-11-24T17:00', minutes: 30, expected: '2025-11-24T17:30' },
      { title: 'one minute past closing', from: '2025-11-24T17:00', minutes: 31, expected: '2025-11-25T09:01' },
      { title: 'evening start counts from the next morning', from: '2025-11-24T20:00', minutes: 60, expected: '2025-11-25T10:00' },
      { title: 'early start counts from opening', from: '2025-11-24T07:00', minutes: 180, expected: '2025-11-24T12:00' },
      { title: 'a full working day is 420 minutes', from: '2025-11-24T09:00', minutes: 420, expected: '2025-11-24T17:30' },
      { title: '421 minutes spill into the next day', from: '2025-11-24T09:00', minutes: 421, expected: '2025-11-25T09:01' },
      { title: 'Friday afternoon into Monday', from: '2025-11-21T16:30', minutes: 120, expected: '2025-11-24T10:00' },
      { title: 'Friday evening into Monday', from: '2025-11-21T19:00', minutes: 120, expected: '2025-11-24T11:00' },
      { title: 'eve of 国庆 into 10-09', from: '2025-09-30T16:00', minutes: 120, expected: '2025-10-09T09:30' },
      { title: 'Friday into the adjusted Sunday 09-28', from: '2025-09-26T16:00', minutes: 120, expected: '2025-09-28T09:30' },
      { title: 'Friday into the adjusted Saturday 10-11', from: '2025-10-10T17:00', minutes: 60, expected: '2025-10-11T09:30' },
      { title: '元旦: 2025-12-31 into the adjusted Sunday 2026-01-04', from: '2025-12-31T17:00', minutes: 60, expected: '2026-01-04T09:30' },
      { title: 'adjusted Saturday then the whole 2026 春节', from: '2026-02-13T17:00', minutes: 480, expected: '2026-02-24T09:30' },
      { title: 'before 2025 春节 into the adjusted Sunday 01-26', from: '2025-01-24T17:00', minutes: 60, expected: '2025-01-26T09:30' },
      { title: 'across the whole 2025 春节', from: '2025-01-27T16:30', minutes: 120, expected: '2025-02-05T10:00' },
      { title: 'zero minutes returns the start unchanged', from: '2025-11-24T20:00', minutes: 0, expected: '2025-11-24T20:00' },
      { title: 'fractional minutes keep seconds', from: '2025-11-24T09:00', minutes: 2.5, expected: '2025-11-24T09:02:30.000' },
      { title: '7x24 runs through the night', calendar: 'always', from: '2025-10-01T22:00', minutes: 180, expected: '2025-10-02T01:00' },
      { title: 'no schedule loaded: 10-01 is worked', calendar: 'bare', from: '2025-09-30T16:00', minutes: 120, expected: '2025-10-01T09:30' },
      { title: 'a whole working week', from: '2025-11-24T09:00', minutes: 2100, expected: '2025-11-28T17:30' },
      { title: 'a whole working week and a minute', from: '2025-11-24T09:00', minutes: 2101, expected: '2025-12-01T09:01' },
      { title: 'a pause inside the morning', from: '2025-11-24T09:00', minutes: 120, paused: [['2025-11-24T10:00', '2025-11-24T11:00']], expected: '2025-11-24T12:00' },
      { title: 'a pause after the due changes nothing', from: '2025-11-24T09:00', minutes: 120, paused: [['2025-11-24T11:30', '2025-11-24T14:00']], expected: '2025-11-24T11:00' },
      { title: 'a pause over lunch only costs working time', from: '2025-11-24T09:00', minutes: 180, paused: [['2025-11-24T11:30', '2025-11-24T14:00']], expected: '2025-11-24T14:30' },
      { title: 'a pause spanning several days', from: '2025-11-24T10:00', minutes: 120, paused: [['2025-11-24T11:00', '2025-11-26T15:00']], expected: '2025-11-26T16:00' },
      { title: 'starting inside a pause counts from its end', from: '2025-11-24T10:00', minutes: 60, paused: [['2025-11-24T09:30', '2025-11-24T14:00']], expected: '2025-11-24T15:00' },
      { title: 'overlapping pauses count once', from: '2025-11-24T09:00', minutes: 120, paused: [['2025-11-24T10:00', '2025-11-24T11:00'], ['2025-11-24T10:30', '2025-11-24T11:30']], expected: '2025-11-24T14:00' },
      { title: 'a pause inside a holiday changes nothing', from: '2025-09-30T16:00', minutes: 120, paused: [['2025-10-02T00:00', '2025-10-05T00:00']], expected: '2025-10-09T09:30' },
      { title: 'a weekend pause reaching into Monday', from: '2025-11-21T17:00', minutes: 60, paused: [['2025-11-22T00:00', '2025-11-24T10:00']], expected: '2025-11-24T10:30' },
    ])
    .run(({ assert }, row) => {
      const result = addWorkingMinutes(at(row.from), row.minutes, calendars[row.calendar ?? 'cal'], pauses(row.paused))
      assert.equal(local(result), row.expected)
      assert.equal(result.zoneName, ZONE)
    })

  // prettier-ignore
  test('{title}')
    .with([
      { title: 'rejects negative minutes', minutes: -1 },
      { title: 'rejects NaN minutes', minutes: Number.NaN },
      { title: 'rejects infinite minutes', minutes: Number.POSITIVE_INFINITY },
    ])
    .run(({ assert }, row) => {
      assert.throws(() => addWorkingMinutes(at('2025-11-24T09:00'), row.minutes, cal), /Invalid minutes/)
    })
})

test.group('workingMinutesBetween', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; calendar?: CalendarName; from: string; to: string; paused?: [string, string][]; expected: number }[]>([
      { title: 'the morning window', from: '2025-11-24T09:00', to: '2025-11-24T12:00', expected: 180 },
      { title: 'a full day', from: '2025-11-24T09:00', to: '2025-11-24T17:30', expected: 420 },
      { title: 'across lunch', from: '2025-11-24T11:00', to: '2025-11-24T14:30', expected: 120 },
      { title: 'inside lunch', from: '2025-11-24T12:10', to: '2025-11-24T13:20', expected: 0 },
      { title: 'evening to next morning', from: '2025-11-24T20:00', to: '2025-11-25T10:00', expected: 60 },
      { title: 'Friday 17:00 to Monday 09:30', from: '2025-11-21T17:00', to: '2025-11-24T09:30', expected: 60 },
      { title: 'over 国庆 only 09-30 counts', from: '2025-09-30T09:00', to: '2025-10-09T09:00', expected: 420 },
      { title: '09-26 to 10-13 counts both adjusted weekend days', from: '2025-09-26T09:00', to: '2025-10-13T09:00', expected: 2940 },
      { title: 'reversed order is negative', from: '2025-11-24T14:30', to: '2025-11-24T11:00', expected: -120 },
      { title: 'same instant', from: '2025-11-24T10:00', to: '2025-11-24T10:00', expected: 0 },
      { title: 'a calendar week', from: '2025-11-24T00:00', to: '2025-12-01T00:00', expected: 2100 },
      { title: 'without a schedule 国庆 weekdays count', calendar: 'bare', from: '2025-09-30T09:00', to: '2025-10-09T09:00', expected: 2940 },
      { title: '7x24 counts the whole holiday day', calendar: 'always', from: '2025-10-01T00:00', to: '2025-10-02T00:00', expected: 1440 },
      { title: 'minus a one-hour pause', from: '2025-11-24T09:00', to: '2025-11-24T17:30', paused: [['2025-11-24T10:00', '2025-11-24T11:00']], expected: 360 },
      { title: 'a pause over lunch removes only working time', from: '2025-11-24T09:00', to: '2025-11-24T17:30', paused: [['2025-11-24T11:30', '2025-11-24T14:00']], expected: 360 },
      { title: 'minus a pause spanning several days', from: '2025-11-24T09:00', to: '2025-11-28T17:30', paused: [['2025-11-24T11:00', '2025-11-26T15:00']], expected: 1110 },
      { title: 'across 元旦 with the adjusted Sunday', from: '2025-12-31T09:00', to: '2026-01-05T09:00', expected: 840 },
      { title: 'a holiday has no working time', from: '2025-01-01T00:00', to: '2025-01-02T00:00', expected: 0 },
    ])
    .run(({ assert }, row) => {
      const minutes = workingMinutesBetween(at(row.from), at(row.to), calendars[row.calendar ?? 'cal'], pauses(row.paused))
      assert.equal(minutes, row.expected)
    })
})
