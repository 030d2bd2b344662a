/**
 * Throughput of the working-time clock: 1,000,000 mixed deadlines over the
 * chinese-days calendar, against a plain luxon DateTime.plus({ days }) loop of
 * the same length, both measured in this run.
 *
 *   npm run bench:clock
 */
import { DateTime } from 'luxon'
import {
  buildCalendar,
  chineseDaysOverrides,
  computeDeadline,
  type DurationUnit,
  type Pause,
} from '../app/clock/index.js'

const COUNT = 1_000_000
const POOL = 1 << 16
const ZONE = 'Asia/Shanghai'

/** The domain.md policy mix: sign, handle, review, callback, urgent variants. */
const POLICIES: readonly { amount: number; unit: DurationUnit }[] = [
  { amount: 2, unit: 'working_hours' },
  { amount: 1, unit: 'working_days' },
  { amount: 5, unit: 'working_days' },
  { amount: 10, unit: 'working_days' },
  { amount: 15, unit: 'working_days' },
  { amount: 2, unit: 'working_days' },
  { amount: 90, unit: 'working_minutes' },
  { amount: 30, unit: 'natural_minutes' },
  { amount: 4, unit: 'natural_hours' },
  { amount: 24, unit: 'natural_hours' },
  { amount: 3, unit: 'natural_days' },
]

/** Deterministic, so two runs measure the same work. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(12345)
const from = DateTime.fromISO('2025-01-01T00:00', { zone: ZONE }).toMillis()
const to = DateTime.fromISO('2026-12-31T00:00', { zone: ZONE }).toMillis()

// Starts arrive as stored timestamps (UTC DateTimes), as they would from the database.
const starts = Array.from({ length: POOL }, () =>
  DateTime.fromMillis(Math.floor(from + random() * (to - from)), { zone: 'utc' })
)
const localStarts = starts.map((s) => s.setZone(ZONE))
const policyIndex = Uint8Array.from({ length: COUNT }, () => Math.floor(random() * POLICIES.length))
// One deadline in twenty carries a suspension of up to two days.
const pauses: (readonly Pause[] | undefined)[] = starts.map((s) => {
  if (random() >= 0.05) return undefined
  const pauseFrom = s.plus({ minutes: Math.floor(random() * 2880) })
  return [{ from: pauseFrom, to: pauseFrom.plus({ minutes: 30 + Math.floor(random() * 2880) }) }]
})

const { overrides, years } = chineseDaysOverrides()
const calendar = buildCalendar({ zone: ZONE, overrides, loadedYears: years })

function runClock(count: number): number {
  let checksum = 0
  for (let i = 0; i < count; i++) {
    const slot = i & (POOL - 1)
    const policy = POLICIES[policyIndex[i % COUNT]]
    const deadline = computeDeadline({
      start: starts[slot],
      amount: policy.amount,
      unit: policy.unit,
      calendar,
      pauses: pauses[slot],
    })
    checksum += deadline.dueAt.toMillis() - deadline.warnAt.toMillis()
  }
  return checksum
}

function runLuxonPlusDays(count: number): number {
  let checksum = 0
  for (let i = 0; i < count; i++) {
    checksum += localStarts[i & (POOL - 1)].plus({ days: 1 + (i % 15) }).toMillis()
  }
  return checksum
}

function measure(label: string, run: (count: number) => number) {
  run(50_000) // warm up the JIT and the calendar's day cache
  const began = process.hrtime.bigint()
  const checksum = run(COUNT)
  const seconds = Number(process.hrtime.bigint() - began) / 1e9
  return { label, seconds, perSecond: COUNT / seconds, checksum }
}

const clock = measure('computeDeadline, mixed units', runClock)
const luxon = measure('luxon DateTime.plus({ days })', runLuxonPlusDays)

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const rows = [
  ['measurement', 'count', 'seconds', 'per second', 'µs each'],
  ...[clock, luxon].map((r) => [
    r.label,
    fmt(COUNT),
    fmt(r.seconds, 3),
    fmt(r.perSecond),
    fmt((r.seconds / COUNT) * 1e6, 2),
  ]),
]
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)))
const line = (row: string[]) =>
  '| ' +
  row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ') +
  ' |'
console.log(
  `node ${process.version}, ${POLICIES.length} policies, starts over 2025-2026, 5% with a pause`
)
console.log(line(rows[0]))
console.log(
  '|' +
    widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') +
    '|'
)
for (const row of rows.slice(1)) console.log(line(row))
console.log(
  `ratio: computeDeadline runs ${(clock.perSecond / luxon.perSecond).toFixed(2)}x the rate of luxon plus({ days })`
)
console.log(`target >= 100,000 deadlines/s: ${clock.perSecond >= 100_000 ? 'met' : 'NOT met'}`)
