/**
 * Hotline intake dispatched at once (受理即转办) through HTTP (POST
 * /api/v1/tickets/hotline with `dispatch`: token auth, validation with its
 * lookups, SLA policy, code counter, sign/return deadlines from the clock,
 * ticket + search vector + register event + lead assignment + dispatch event
 * + the department's mail row written all or nothing) driven by autocannon,
 * against a raw `pg` pool writing the same rows in a transaction at the same
 * concurrency, both measured in this run on a fresh database
 * `jiesu_bench_intake`. Each side's PostgreSQL CPU is measured too: the two
 * share the machine's cores with it.
 *
 *   npm run bench:intake      (BENCH_SECONDS=15 BENCH_CONNECTIONS=20 by default)
 *
 * Needs PostgreSQL and Redis as in .env.example (superuser `postgres`).
 * The server runs as a child process; the load runs in this one.
 */
import autocannon from 'autocannon'
import { benchEnv, generateAppKey, numberFromEnv } from './support/env.js'
import { appPool, createDatabase, firstRow, migrateAndSeed } from './support/database.js'
import { startServer, type RunningServer } from './support/server.js'
import { signIn } from './support/http.js'
import { hotlinePayloads } from './support/intake_payloads.js'
import { prepareRows, runRawIntake, type RawRun } from './support/raw_intake.js'
import { fmt, printTable, step, summarize } from './support/report.js'
import { machineLine, ownCpuMs, postgresCpuMs, processCpuMs } from './support/cpu.js'

const SECONDS = numberFromEnv('BENCH_SECONDS', 15)
const CONNECTIONS = numberFromEnv('BENCH_CONNECTIONS', 20)
const WARMUP_SECONDS = 3
const PAYLOADS = 2000
const TARGET_RATIO = 0.5
const OPERATOR = 'operator@km12345.example'
const PATH = '/api/v1/tickets/hotline'

// Each run starts from an empty database, so runs measure the same work.
const env = benchEnv('jiesu_bench_intake', generateAppKey())
await step(`database ${env.DB_DATABASE}: create, migrate, seed`, async () => {
  await createDatabase(env, { fresh: true })
  await migrateAndSeed(env)
})

// The app's own pool is 10 connections (config/database.ts): so is the baseline's.
const db = appPool(env, 10)
const payloads = await hotlinePayloads(db, PAYLOADS)
const { id: operatorId } = await firstRow(db, 'SELECT id FROM users WHERE email = $1', [OPERATOR])
const rows = await step(`baseline rows: tokenize() ${PAYLOADS} payloads once`, () =>
  prepareRows(db, payloads, operatorId)
)
const bodies = payloads.map((payload) => JSON.stringify(payload))

async function httpLoad(server: RunningServer, token: string, seconds: number) {
  let next = 0
  return autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers: {
      'authorization': `Bearer ${token}`,
      'content-type': 'application/json',
      'accept': 'application/json',
    },
    requests: [
      {
        method: 'POST',
        path: PATH,
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  })
}

console.log(`before: ${machineLine()}`)
const server = await step('server: start bin/server.ts', () => startServer(env))
let http: Awaited<ReturnType<typeof httpLoad>>
let serverCpuMs: number | null = null
let httpPostgresMs: number | null = null
let loadCpuMs = 0
try {
  const token = await signIn(server.url, OPERATOR)
  const probe = await fetch(`${server.url}${PATH}`, {
    method: 'POST',
    headers: {
      'authorization': `Bearer ${token}`,
      'content-type': 'application/json',
      'accept': 'application/json',
    },
    body: bodies[0],
  })
  if (probe.status !== 201) {
    throw new Error(`POST ${PATH} answered ${probe.status}: ${await probe.text()}`)
  }
  await probe.arrayBuffer()
  await step(`HTTP warm-up: ${WARMUP_SECONDS} s`, () => httpLoad(server, token, WARMUP_SECONDS))
  const cpuBefore = processCpuMs(server.pid)
  const loadBefore = ownCpuMs()
  const postgresBefore = postgresCpuMs()
  http = await step(`HTTP: ${CONNECTIONS} connections for ${SECONDS} s`, () =>
    httpLoad(server, token, SECONDS)
  )
  const cpuAfter = processCpuMs(server.pid)
  loadCpuMs = ownCpuMs() - loadBefore
  httpPostgresMs = since(postgresBefore, postgresCpuMs())
  if (cpuBefore !== null && cpuAfter !== null) serverCpuMs = cpuAfter - cpuBefore
} finally {
  await server.stop()
}

const rawOptions = { connections: CONNECTIONS, seconds: SECONDS }
await step(`raw pg warm-up: ${WARMUP_SECONDS} s`, () =>
  runRawIntake(db, rows, {
    ...rawOptions,
    label: 'warm-up',
    seconds: WARMUP_SECONDS,
    counterInTransaction: false,
  })
)
const rawCpuBefore = ownCpuMs()
const rawPostgresBefore = postgresCpuMs()
const raw = await step(`raw pg: ${CONNECTIONS} concurrent for ${SECONDS} s`, () =>
  runRawIntake(db, rows, {
    ...rawOptions,
    label: 'raw pg, counter then ticket+event trx (as the app)',
    counterInTransaction: false,
  })
)
const rawCpuMs = ownCpuMs() - rawCpuBefore
const rawPostgresAfter = postgresCpuMs()
const rawPostgresMs = since(rawPostgresBefore, rawPostgresAfter)
const rawLocked = await step(`raw pg, counter inside the transaction: ${SECONDS} s`, () =>
  runRawIntake(db, rows, {
    ...rawOptions,
    label: 'raw pg, counter+ticket+event in one trx',
    counterInTransaction: true,
  })
)
const rawLockedCpuMs = ownCpuMs() - rawCpuBefore - rawCpuMs
const rawLockedPostgresMs = since(rawPostgresAfter, postgresCpuMs())
const written = await firstRow(
  db,
  `SELECT count(*)::int AS tickets, count(search_vector)::int AS with_vector,
       (SELECT count(*)::int FROM ticket_events) AS events,
       (SELECT count(*)::int FROM ticket_assignments) AS assignments,
       (SELECT count(*)::int FROM outbox_messages) AS mails FROM tickets`
)
await db.end()

const httpOk = http['2xx']
const httpRate = httpOk / http.duration
const perRequest = (cpuMs: number | null, requests: number) =>
  cpuMs === null || requests === 0 ? '-' : fmt(cpuMs / requests, 2)
const rawRow = (run: RawRun, cpuMs: number, postgresMs: number | null) => {
  const latency = summarize(run.latencies)
  const rate = run.completed / run.seconds
  return {
    rate,
    cells: [
      run.label,
      fmt(run.completed),
      fmt(rate, 1),
      fmt(latency.p50, 1),
      fmt(latency.p99, 1),
      perRequest(cpuMs, run.completed),
      perRequest(postgresMs, run.completed),
      fmt(run.failed),
    ],
  }
}
const rawMain = rawRow(raw, rawCpuMs, rawPostgresMs)
const rawInTrx = rawRow(rawLocked, rawLockedCpuMs, rawLockedPostgresMs)

console.log()
console.log(
  `after: ${machineLine()}; ${CONNECTIONS} connections, ${SECONDS} s each, ` +
    `${PAYLOADS} distinct payloads; server and load in separate processes`
)
console.log(
  'Node CPU ms/req: the server process for HTTP, this process (the pg client) for raw pg; ' +
    'PostgreSQL CPU ms/req: every postgres process on the machine over the same window'
)
printTable([
  [
    'measurement',
    'requests',
    'per second',
    'p50 ms',
    'p99 ms',
    'Node CPU ms/req',
    'PostgreSQL CPU ms/req',
    'errors',
  ],
  [
    'HTTP POST /api/v1/tickets/hotline',
    fmt(httpOk),
    fmt(httpRate, 1),
    fmt(http.latency.p50, 1),
    fmt(http.latency.p99, 1),
    perRequest(serverCpuMs, httpOk),
    perRequest(httpPostgresMs, httpOk),
    fmt(http.non2xx + http.errors),
  ],
  rawMain.cells,
  rawInTrx.cells,
])
console.log(
  `rows written: ${fmt(written.tickets)} tickets (${fmt(written.with_vector)} with a search vector), ` +
    `${fmt(written.events)} events, ${fmt(written.assignments)} assignments, ${fmt(written.mails)} mail rows`
)
if (http.non2xx + http.errors > 0) {
  console.log(`HTTP status codes: ${JSON.stringify(http.statusCodeStats)}`)
}
console.log(
  `autocannon (this process) used ${perRequest(loadCpuMs, httpOk)} ms CPU per HTTP request ` +
    `on the same ${machineLine().match(/\d+ cores/)?.[0] ?? 'cores'}`
)
const ratio = httpRate / rawMain.rate
console.log(`ratio: HTTP intake runs at ${ratio.toFixed(2)}x the rate of the raw pg baseline`)
console.log(`target ratio >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`)

function since(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before
}
