import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { cal, alwaysOnCal, ZONE } from '../clock/support.js'
import { isWorkingDay, nextWorkingDay } from '#timers/working_days'

/* The daily digest's "next working day", on the official 2026 schedule. */
const on = (iso: string) => DateTime.fromISO(iso, { zone: ZONE })

test.group('isWorkingDay / nextWorkingDay', () => {
  test('{at}: working {working}, next {next}')
    .with([
      { at: '2026-11-23T08:30', working: true, next: '2026-11-24' }, // Monday
      { at: '2026-11-27T08:30', working: true, next: '2026-11-30' }, // Friday → Monday
      { at: '2026-11-28T08:30', working: false, next: '2026-11-30' }, // Saturday
      { at: '2026-09-30T08:30', working: true, next: '2026-10-08' }, // eve of National Day
      { at: '2026-10-01T08:30', working: false, next: '2026-10-08' }, // 国庆节
      { at: '2026-10-09T08:30', working: true, next: '2026-10-10' }, // → adjusted Saturday 调休
      { at: '2026-10-10T08:30', working: true, next: '2026-10-12' }, // 调休 Saturday itself
      { at: '2026-11-23T23:59', working: true, next: '2026-11-24' }, // late evening, same day
      { at: '2026-11-23T00:00', working: true, next: '2026-11-24' }, // midnight belongs to the day
    ])
    .run(({ assert }, row) => {
      assert.equal(isWorkingDay(on(row.at), cal), row.working)
      const next = nextWorkingDay(on(row.at), cal)
      assert.equal(next.toISODate(), row.next)
      assert.equal(next.toFormat('HH:mm'), '00:00', 'a day, not an instant')
    })

  test('an instant given in UTC is read in the calendar zone', ({ assert }) => {
    // Sunday 29 Nov 2026 20:00 UTC is Monday 04:00 in Shanghai
    const utc = DateTime.fromISO('2026-11-29T20:00:00Z', { zone: 'utc' })
    assert.isTrue(isWorkingDay(utc, cal))
    assert.equal(nextWorkingDay(utc, cal).toISODate(), '2026-12-01')
  })

  test('a 7x24 desk works every day, holidays included', ({ assert }) => {
    assert.isTrue(isWorkingDay(on('2026-10-01T08:30'), alwaysOnCal))
    assert.equal(nextWorkingDay(on('2026-10-01T08:30'), alwaysOnCal).toISODate(), '2026-10-02')
  })
})
