import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { scheduleCoverage } from '#clock/index'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' })

test('schedule coverage on {$self}')
  .with([
    {
      name: '31 Oct, next year not loaded: no warning yet',
      now: '2026-10-31T23:59',
      loaded: [2026],
      missing: [],
    },
    {
      name: '1 Nov, next year not loaded: warn',
      now: '2026-11-01T00:00',
      loaded: [2026],
      missing: [2027],
    },
    {
      name: '23 Nov, next year loaded: fine',
      now: '2026-11-23T10:00',
      loaded: [2026, 2027],
      missing: [],
    },
    {
      name: '31 Dec, next year not loaded: warn',
      now: '2026-12-31T17:00',
      loaded: [2026],
      missing: [2027],
    },
    {
      name: '2 Jan, current year not loaded',
      now: '2027-01-02T09:00',
      loaded: [2026],
      missing: [2027],
    },
    { name: 'June, current year loaded', now: '2027-06-01T09:00', loaded: [2027], missing: [] },
    {
      name: 'November with nothing loaded',
      now: '2026-11-10T09:00',
      loaded: [],
      missing: [2026, 2027],
    },
  ])
  .run(({ assert }, row) => {
    const coverage = scheduleCoverage(at(row.now), row.loaded)
    assert.deepEqual(coverage.missingYears, row.missing)
  })
