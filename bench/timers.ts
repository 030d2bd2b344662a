/**
 * Deadline timers under load (issue 5), in one run:
 *
 *  1. baseline: BENCH_DEADLINES bare BullMQ delayed jobs, due evenly over one
 *     minute, taken by 2 processes running a no-op worker: the lag BullMQ
 *     itself adds on this machine;
 *  2. the same number of open sign deadlines (签收时限) due evenly over one
 *     minute, rows in PostgreSQL, their timers added as the transitions add
 *     them (deterministic job ids, due and escalation points), handled by 2
 *     real worker processes (`node ace jobs:work`): lag = the breach marker
 *     the real handler writes (FireDeadline: re-read under lock, mark, event,
 *     notifications, mail rows) − the due instant; deadlines never marked
 *     are missed;
 *  3. Redis memory with BENCH_OPEN open handle deadlines (办理时限) spread
 *     over BENCH_SPREAD_DAYS days: a worker's start-up sweep puts the points
 *     inside the 24-hour horizon into Redis as delayed jobs, the rest stay
 *     rows; used_memory before and after.
 *
 *   npm run bench:timers
 *     BENCH_DEADLINES=100000 BENCH_OPEN=1000000 BENCH_SPREAD_DAYS=20
 *     BENCH_CONCURRENCY=200 (timer jobs taken at once per worker process, as
 *     JOBS_TIMER_CONCURRENCY; the no-op baseline gets the same) BENCH_LEAD_SECONDS=60
 *     BENCH_MAX_WAIT_SECONDS=900 (after the last due instant; later = missed)
 *
 * Needs PostgreSQL as in .env.example (superuser `postgres`, database
 * `jiesu_bench_timers`, recreated each run) and the `redis-server` binary:
 * the bench runs a Redis of its own on a free port, so FLUSHALL and INFO
 * memory concern nothing but the bench. Mail goes to an SMTP sink in this
 * process.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { Queue, type JobsOptions } from 'bullmq'
import { DateTime } from 'luxon'
import { SMTPServer } from 'smtp-server'
import deadlineConfig from '#config/deadlines'
import { timerJobId, type TimerPhase } from '#timers/timer_points'
import { APP_ROOT, benchEnv, generateAppKey, numberFromEnv } from './support/env.js'
import { allRows, appPool, createDatabase, firstRow, migrateAndSeed } from './support/database.js'
import { startPrivateRedis, type PrivateRedis } from './support/private_redis.js'
import { startJobsWorker, type RunningWorker } from './support/jobs_worker.js'
import {
  addDepartmentStaff,
  insertOpenHandleDeadlines,
  insertSignDeadlines,
  retireRange,
} from './support/timer_rows.js'
import { machineLine } from './support/cpu.js'
import { fmt, printTable, step, summarize, type Summary } from './support/report.js'

const DEADLINES = numberFromEnv('BENCH_DEADLINES', 100_000)
const OPEN = numberFromEnv('BENCH_OPEN', 1_000_000)
const SPREAD_DAYS = numberFromEnv('BENCH_SPREAD_DAYS', 20)
const CONCURRENCY = numberFromEnv('BENCH_CONCURRENCY', 200)
const LEAD_MS = numberFromEnv('BENCH_LEAD_SECONDS', 60) * 1000
/**
 * A deadline counts as missed when it is still unhandled this long after the
 * last due instant, or once nothing has been handled for STALL_MS (more than
 * two sweep periods: whatever is left then, nothing will handle).
 */
const MAX_WAIT_MS = numberFromEnv('BENCH_MAX_WAIT_SECONDS', 900) * 1000
const STALL_MS = 150_000
const WORKERS = 2
const WINDOW_MS = 60_000
const WARN_DAYS_BEFORE = 2
const HORIZON_HOURS = 24 // config/queue.ts horizonMinutes
/** config/queue.ts `prefix`: the worker reads its queues under it */
const QUEUE_PREFIX = 'jiesu'
const ADD_CHUNK = 1000
const TARGET_P99_MS = 1000
const TARGET_MEMORY_MB = 200

console.log(machineLine())
console.log(
  `${fmt(DEADLINES)} deadlines due within one minute, ${WORKERS} worker processes × concurrency ${CONCURRENCY}; ` +
    `memory with ${fmt(OPEN)} open deadlines over ${SPREAD_DAYS} days`
)

const redis = await step('redis: a private redis-server', startPrivateRedis)
const connection = { host: redis.host, port: redis.port }
const sink = await startSink()
const env = benchEnv('jiesu_bench_timers', generateAppKey(), {
  REDIS_HOST: redis.host,
  REDIS_PORT: String(redis.port),
  REDIS_PASSWORD: '',
  REDIS_DB: '0',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(sink.port),
})
// Each run starts from an empty database, so runs measure the same work.
await step(`database ${env.DB_DATABASE}: create, migrate, seed`, async () => {
  await createDatabase(env, { fresh: true })
  await migrateAndSeed(env)
})
const db = appPool(env, 4)
const staff = await addDepartmentStaff(db)
console.log(`  ${staff} department staff accounts added (every breach alerts someone)`)

interface LagRun {
  label: string
  summary: Summary
  missed: number
  /** handled per second, from the first to the last */
  rate: number
  withinTarget: number
}

const { baseline, real, memory } = await (async () => {
  try {
    const noop = await runBaseline()
    await redis.client.flushall()
    const handled = await runReal()
    await redis.client.flushall()
    return { baseline: noop, real: handled, memory: await measureMemory(redis) }
  } finally {
    await db.end()
    await sink.close()
    await redis.stop()
  }
})()

console.log('')
console.log(
  `Firing lag (handling start − due instant), ${fmt(DEADLINES)} deadlines due within one minute; ` +
    `missed = still unhandled ${MAX_WAIT_MS / 1000} s after the last due instant, or when nothing moved for ${STALL_MS / 1000} s:`
)
printTable([
  [
    'run',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'missed',
    `lag ≤ ${TARGET_P99_MS} ms`,
    'handled/s',
  ],
  ...[baseline, real].map((run) => [
    run.label,
    fmt(run.summary.p50),
    fmt(run.summary.p95),
    fmt(run.summary.p99),
    fmt(run.summary.max),
    fmt(run.missed),
    `${((100 * run.withinTarget) / DEADLINES).toFixed(1)}%`,
    fmt(run.rate),
  ]),
])
console.log('')
console.log(
  `Redis memory with ${fmt(OPEN)} open deadlines (${SPREAD_DAYS} days, horizon ${HORIZON_HOURS} h):`
)
printTable(
  [
    ['measure', 'value'],
    ['deadlines due inside the horizon', fmt(memory.inHorizon)],
    ['points inside the horizon (warn/due/escalate)', fmt(memory.expectedPoints)],
    ['delayed jobs in Redis after the start-up sweep', fmt(memory.delayedJobs)],
    ['start-up sweep', `${(memory.sweepMs / 1000).toFixed(1)} s (${memory.sweepResult})`],
    [
      'used_memory before → after',
      `${fmt(memory.before / 1e6, 1)} → ${fmt(memory.after / 1e6, 1)} MB`,
    ],
    ['delta', `${fmt(memory.deltaMb, 1)} MB`],
    [
      'per delayed job',
      `${fmt((memory.after - memory.before) / Math.max(memory.delayedJobs, 1))} B`,
    ],
  ],
  1
)
console.log('')
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
console.log(`mails received by the sink during the run: ${sink.count()}`)
console.log(
  `target p99 < ${TARGET_P99_MS} ms (real handler): ${verdict(real.summary.p99 < TARGET_P99_MS)}`
)
console.log(`target no deadline missed: ${verdict(real.missed === 0)}`)
console.log(`target Redis < ${TARGET_MEMORY_MB} MB: ${verdict(memory.deltaMb < TARGET_MEMORY_MB)}`)
process.exit(0)

/** An SMTP server that accepts and counts mail (the worker's mail goes somewhere harmless). */
async function startSink() {
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        count++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Due instants spread evenly over one minute from `first`. */
function dueOf(first: number, index: number): number {
  return first + Math.floor((index * WINDOW_MS) / DEADLINES)
}

/**
 * Adds jobs in chunks (addBulk), each delay computed at its chunk's add as
 * the app does (`delay = at − now`).
 */
async function addDelayed(
  queue: Queue,
  count: number,
  job: (index: number) => { name: string; at: number; data: object; opts: JobsOptions }
) {
  for (let start = 0; start < count; start += ADD_CHUNK) {
    const now = Date.now()
    const chunk = []
    for (let i = start; i < Math.min(count, start + ADD_CHUNK); i++) {
      const { name, at, data, opts } = job(i)
      chunk.push({ name, data, opts: { ...opts, delay: Math.max(0, at - now) } })
    }
    await queue.addBulk(chunk)
  }
}

function lagRun(
  label: string,
  lags: number[],
  missed: number,
  firstMs: number,
  lastMs: number
): LagRun {
  return {
    label,
    summary: summarize(lags),
    missed,
    rate: lags.length / Math.max((lastMs - firstMs) / 1000, 0.001),
    withinTarget: lags.filter((lag) => lag <= TARGET_P99_MS).length,
  }
}

async function forkNoopWorker(): Promise<ChildProcess> {
  const child = fork(
    new URL('support/noop_worker.ts', import.meta.url),
    [redis.host, String(redis.port), 'bench', String(CONCURRENCY)],
    { cwd: APP_ROOT, execArgv: ['--import', '@poppinss/ts-exec'] }
  )
  process.once('exit', () => child.kill('SIGKILL'))
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`noop worker exited with ${code}`)))
  })
  return child
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T))
    child.send(message)
  })
}

async function runBaseline(): Promise<LagRun> {
  const queue = new Queue('noop', { connection, prefix: 'bench' })
  const children = await step(`baseline: ${WORKERS} no-op BullMQ worker processes`, () =>
    Promise.all(Array.from({ length: WORKERS }, forkNoopWorker))
  )
  const first = Date.now() + LEAD_MS
  await step(`baseline: add ${fmt(DEADLINES)} delayed no-op jobs`, () =>
    addDelayed(queue, DEADLINES, (i) => ({
      name: 'noop',
      at: dueOf(first, i),
      data: { dueAt: dueOf(first, i) },
      opts: { removeOnComplete: 1000, removeOnFail: 5000 },
    }))
  )
  warnIfLate(first)
  await step('baseline: wait for every job', () =>
    waitForProgress(first, async () => {
      const counts = await Promise.all(
        children.map((child) => ask<{ count: number }>(child, 'count'))
      )
      return counts.reduce((sum, answer) => sum + answer.count, 0)
    })
  )
  const reports = await Promise.all(
    children.map((child) => ask<{ lags: number[]; started: number[] }>(child, 'report'))
  )
  for (const child of children) child.send('stop')
  await queue.close()
  const lags = reports.flatMap((report) => report.lags)
  const started = reports.flatMap((report) => report.started)
  return lagRun(
    'bare BullMQ no-op (baseline)',
    lags,
    DEADLINES - lags.length,
    Math.min(...started),
    Math.max(...started)
  )
}

/**
 * Polls `handled` until every deadline is handled, nothing moved for
 * STALL_MS, or MAX_WAIT_MS passed after the last due instant.
 */
async function waitForProgress(first: number, handled: () => Promise<number>) {
  const deadline = first + WINDOW_MS + MAX_WAIT_MS
  let last = -1
  let lastMove = Date.now()
  for (;;) {
    const done = await handled()
    if (done !== last) {
      last = done
      lastMove = Date.now()
    }
    if (done >= DEADLINES) return
    if (Date.now() > deadline || (Date.now() > first && Date.now() - lastMove > STALL_MS)) return
    await sleep(1000)
  }
}

function warnIfLate(first: number) {
  if (Date.now() > first) {
    console.log(
      `  ! scheduling ended ${Date.now() - first} ms after the first due instant: raise BENCH_LEAD_SECONDS`
    )
  }
}

/** Waits until every worker's start-up sweep (`sweep-start-…` jobs) has finished. */
async function startupSweeps(count: number, timeoutMs: number) {
  const maintenance = new Queue('maintenance', { connection, prefix: QUEUE_PREFIX })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const finished = await maintenance.getJobs(['completed', 'failed'], 0, -1)
      const done = finished.filter((job) => job.id?.startsWith('sweep-start-'))
      if (done.length >= count) return done
      if (Date.now() > deadline) throw new Error('the start-up sweeps did not finish in time')
      await sleep(250)
    }
  } finally {
    await maintenance.close()
  }
}

async function runReal(): Promise<LagRun> {
  const workers = await step(`real: ${WORKERS} × node ace jobs:work`, () =>
    Promise.all(Array.from({ length: WORKERS }, () => startJobsWorker(env, CONCURRENCY)))
  )
  try {
    await startupSweeps(WORKERS, 60_000)
    const first = Date.now() + LEAD_MS
    const range = await step(`real: insert ${fmt(DEADLINES)} sign deadlines (SQL)`, () =>
      insertSignDeadlines(db, {
        count: DEADLINES,
        firstDueMs: first,
        spanMs: WINDOW_MS,
        codePrefix: 'TB',
      })
    )
    const rows = await allRows<{ id: number; due_ms: number }>(
      db,
      `SELECT id, (extract(epoch FROM sign_due_at) * 1000)::float8 AS due_ms
       FROM ticket_assignments WHERE ticket_id > $1 AND ticket_id <= $2 ORDER BY id`,
      [range.afterId, range.lastId]
    )
    const deadlines = new Queue('deadlines', { connection, prefix: QUEUE_PREFIX })
    // What scheduleAssignments adds for each: the due point and, 240 min later, the escalation.
    const phases: TimerPhase[] = ['due', 'escalate']
    await step(`real: add ${fmt(rows.length * phases.length)} timer jobs (deterministic ids)`, () =>
      addDelayed(deadlines, rows.length * phases.length, (i) => {
        const row = rows[Math.floor(i / phases.length)]
        const phase = phases[i % phases.length]
        const dueAt = DateTime.fromMillis(Math.round(row.due_ms))
        const at =
          phase === 'due'
            ? dueAt.toMillis()
            : dueAt.plus({ minutes: deadlineConfig.escalate.afterMinutes }).toMillis()
        return {
          name: 'fire',
          at,
          data: { assignmentId: row.id, step: 'sign', phase, dueAt: dueAt.toISO() },
          opts: {
            jobId: timerJobId({ assignmentId: row.id, step: 'sign', phase, dueAt }),
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        }
      })
    )
    await deadlines.close()
    warnIfLate(first)
    await step('real: wait for every breach marker', () =>
      waitForProgress(first, async () => {
        const { n } = await firstRow(
          db,
          `SELECT count(sign_breached_at)::int AS n FROM ticket_assignments
           WHERE ticket_id > $1 AND ticket_id <= $2`,
          [range.afterId, range.lastId]
        )
        return n
      })
    )
    // Stopped before counting, so markers and events are read at one moment.
    await stopAll(workers)
    const lagRows = await allRows<{ lag: number }>(
      db,
      `SELECT (extract(epoch FROM sign_breached_at - sign_due_at) * 1000)::float8 AS lag
       FROM ticket_assignments
       WHERE ticket_id > $1 AND ticket_id <= $2 AND sign_breached_at IS NOT NULL`,
      [range.afterId, range.lastId]
    )
    const lags = lagRows.map((row) => row.lag)
    const span = await firstRow(
      db,
      `SELECT (extract(epoch FROM min(sign_breached_at)) * 1000)::float8 AS first,
         (extract(epoch FROM max(sign_breached_at)) * 1000)::float8 AS last
       FROM ticket_assignments WHERE ticket_id > $1 AND ticket_id <= $2`,
      [range.afterId, range.lastId]
    )
    const events = await firstRow(
      db,
      `SELECT count(*)::int AS n FROM ticket_events
       WHERE action = 'deadline_breached' AND ticket_id > $1 AND ticket_id <= $2`,
      [range.afterId, range.lastId]
    )
    console.log(`  ${fmt(events.n)} deadline_breached events for ${fmt(lags.length)} markers`)
    await retireRange(db, range)
    return lagRun(
      'real handler, 2 × jobs:work',
      lags,
      DEADLINES - lags.length,
      span.first ?? first,
      span.last ?? first
    )
  } finally {
    await stopAll(workers)
  }
}

async function stopAll(workers: RunningWorker[]) {
  await Promise.all(workers.map((worker) => worker.stop()))
}

async function measureMemory(server: PrivateRedis) {
  const before = await server.usedMemory()
  const range = await step(`memory: insert ${fmt(OPEN)} open handle deadlines (SQL)`, () =>
    insertOpenHandleDeadlines(db, {
      count: OPEN,
      spreadDays: SPREAD_DAYS,
      warnDaysBefore: WARN_DAYS_BEFORE,
      codePrefix: 'TM',
    })
  )
  await db.query('VACUUM (ANALYZE) tickets')
  await db.query('VACUUM (ANALYZE) ticket_assignments')
  const horizon = `now() + interval '${HORIZON_HOURS} hours'`
  const expected = await firstRow(
    db,
    `SELECT count(*) FILTER (WHERE handle_due_at <= ${horizon})::int AS due,
       count(*) FILTER (WHERE handle_warned_at IS NULL AND handle_warn_at <= ${horizon})::int AS warn,
       count(*) FILTER (WHERE handle_due_at + make_interval(mins => $3) <= ${horizon})::int AS escalate
     FROM ticket_assignments WHERE ticket_id > $1 AND ticket_id <= $2`,
    [range.afterId, range.lastId, deadlineConfig.escalate.afterMinutes]
  )
  const worker = await step(
    'memory: node ace jobs:work (its start-up sweep fills the horizon)',
    () => startJobsWorker(env, CONCURRENCY)
  )
  try {
    const [sweepJob] = await step('memory: wait for the start-up sweep', () =>
      startupSweeps(1, 30 * 60_000)
    )
    const deadlines = new Queue('deadlines', { connection, prefix: QUEUE_PREFIX })
    const delayedJobs = await deadlines.getDelayedCount()
    await deadlines.close()
    const after = await server.usedMemory()
    const result = sweepJob.returnvalue as { fired?: number; scheduled?: number } | null
    return {
      inHorizon: expected.due,
      expectedPoints: expected.due + expected.warn + expected.escalate,
      delayedJobs,
      sweepMs: (sweepJob.finishedOn ?? 0) - (sweepJob.processedOn ?? 0),
      sweepResult: `fired ${result?.fired ?? '?'}, scheduled ${result?.scheduled ?? '?'}`,
      before,
      after,
      deltaMb: (after - before) / 1e6,
    }
  } finally {
    await worker.stop()
  }
}
