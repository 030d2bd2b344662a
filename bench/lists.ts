/**
 * Ticket lists over 1,000,000 tickets through HTTP (GET /api/v1/tickets):
 * (a) open, due soonest, (b) overdue, (c) a two-character Chinese search,
 * each as a department_staff user of the busiest department and as a
 * center user, against a primary-key lookup (GET /api/v1/tickets/:id) through
 * the same stack, measured in this run; then EXPLAIN (ANALYZE, BUFFERS) of
 * the SQL behind each list.
 *
 *   npm run bench:lists      (BENCH_REQUESTS=200 per measurement by default)
 *
 * The first run loads the tickets into `jiesu_bench_lists` with SQL (a few
 * minutes); later runs reuse them. Needs PostgreSQL and Redis as in
 * .env.example (superuser `postgres`).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { benchEnv, generateAppKey, numberFromEnv } from './support/env.js'
import {
  allRows,
  appPool,
  createDatabase,
  databaseAppKey,
  firstRow,
  migrateAndSeed,
} from './support/database.js'
import { startServer } from './support/server.js'
import { signIn, timedGet } from './support/http.js'
import { ticketTemplates } from './support/ticket_templates.js'
import { loadTickets, TICKETS } from './support/load_tickets.js'
import { explain, listStatements, LISTS, SEARCH_TERM } from './support/list_queries.js'
import { fmt, printTable, step, summarize, type Summary } from './support/report.js'
import { describeData } from './support/data_shape.js'
import { machineLine } from './support/cpu.js'

const REQUESTS = numberFromEnv('BENCH_REQUESTS', 200)
const WARMUP = 10
const MAX_ERRORS = 5
const STAFF = 'staff@km12345.example'
const CENTER = 'supervisor@km12345.example'

const env = benchEnv('jiesu_bench_lists', 'pending')
await step(`database ${env.DB_DATABASE}: create if missing, migrate, seed`, async () => {
  await createDatabase(env, { fresh: false })
  // The key that encrypted the loaded phone numbers stays with the database.
  env.APP_KEY = await databaseAppKey(env, generateAppKey)
  await migrateAndSeed(env)
})

const db = appPool(env, 4)
const user = async (email: string) =>
  firstRow(db, 'SELECT id, department_id FROM users WHERE email = $1', [email])
const staff = await user(STAFF)
const operator = await user('operator@km12345.example')

const templates = ticketTemplates()
console.log(
  `loading ${fmt(TICKETS)} tickets from ${templates.length} templates (skipped when present):`
)
const loaded = await loadTickets(
  db,
  {
    templates,
    appKey: env.APP_KEY,
    busiestDepartmentId: staff.department_id,
    operatorId: operator.id,
  },
  (line) => console.log(line)
)
if (!loaded) console.log(`  already there`)
await describeData(db, staff.department_id)

console.log(`before: ${machineLine()}`)
const server = await step('server: start bin/server.ts', () => startServer(env))
type Row = {
  viewer: string
  label: string
  summary: Summary
  total: number | null
  errors: number
  target?: number
}
const rows: Row[] = []
try {
  const viewers = [
    { name: 'department_staff', token: await signIn(server.url, STAFF) },
    { name: 'center (supervisor)', token: await signIn(server.url, CENTER) },
  ]
  // Tickets the department user may open; the center may open them too.
  const visible = await allRows(
    db,
    `SELECT ticket_id FROM ticket_assignments WHERE department_id = $1
     ORDER BY md5(ticket_id::text) LIMIT $2`,
    [staff.department_id, REQUESTS]
  )
  const ids = visible.map((row) => Number(row.ticket_id))

  const measure = async (token: string, path: (i: number) => string) => {
    const samples: number[] = []
    let total: number | null = null
    let errors = 0
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const response = await timedGet<{ meta?: { total: number } }>(
        `${server.url}${path(i)}`,
        token
      ).catch((error: Error) => ({ ms: 0, status: 0, body: { error: error.message } }))
      if (response.status !== 200) {
        // A shared box: PostgreSQL restarted under us is retried, a broken endpoint is not.
        if (++errors > MAX_ERRORS) {
          throw new Error(
            `GET ${path(i)} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 2000)}\n` +
              `the server said:\n${server.output()}`
          )
        }
        i--
        await sleep(1000)
        continue
      }
      if (i >= WARMUP) samples.push(response.ms)
      total = 'meta' in response.body ? (response.body.meta?.total ?? null) : null
    }
    return { summary: summarize(samples), total, errors }
  }

  for (const viewer of viewers) {
    await step(
      `${viewer.name}: ${REQUESTS} requests each, sequential, after ${WARMUP} warm-up`,
      async () => {
        const baseline = await measure(
          viewer.token,
          (i) => `/api/v1/tickets/${ids[i % ids.length]}`
        )
        rows.push({ viewer: viewer.name, label: 'baseline GET /tickets/:id', ...baseline })
        for (const list of LISTS) {
          const result = await measure(viewer.token, () => list.path)
          rows.push({ viewer: viewer.name, label: list.label, target: list.targetMs, ...result })
        }
      }
    )
  }
} finally {
  await server.stop()
}

const explained = []
for (const viewer of [
  { name: 'department_staff', departmentId: staff.department_id as number },
  { name: 'center (supervisor)', departmentId: null },
]) {
  for (const list of LISTS) {
    const statements = listStatements(list.key, viewer.departmentId)
    explained.push({
      viewer: viewer.name,
      list: list.label,
      count: await explain(db, statements.count),
      page: await explain(db, statements.page),
    })
  }
}
await db.end()

console.log()
console.log(
  `${machineLine()}; ${fmt(TICKETS)} tickets, ${REQUESTS} sequential requests per row (after ${WARMUP} warm-up), perPage=20, search term ${SEARCH_TERM}`
)
const baselineOf = (viewer: string) =>
  rows.find((row) => row.viewer === viewer && row.target === undefined)!.summary.p95
printTable(
  [
    [
      'viewer',
      'request',
      'rows matched',
      'p50 ms',
      'p95 ms',
      'max ms',
      'p95 / baseline',
      'target p95',
      'met',
      'retried',
    ],
    ...rows.map((row) => [
      row.viewer,
      row.label,
      row.total === null ? '1' : fmt(row.total),
      fmt(row.summary.p50, 1),
      fmt(row.summary.p95, 1),
      fmt(row.summary.max, 1),
      row.target === undefined
        ? '1.00x'
        : `${(row.summary.p95 / baselineOf(row.viewer)).toFixed(2)}x`,
      row.target === undefined ? '' : `< ${row.target} ms`,
      row.target === undefined ? '' : row.summary.p95 < row.target ? 'met' : 'NOT met',
      fmt(row.errors),
    ]),
  ],
  2
)
const missed = rows.filter((row) => row.target !== undefined && row.summary.p95 >= row.target)
console.log(
  missed.length === 0
    ? 'targets: all met'
    : `targets: ${missed.length} of ${rows.filter((row) => row.target !== undefined).length} NOT met`
)

console.log()
console.log(
  'EXPLAIN (ANALYZE, BUFFERS) of the same statements run directly with pg (Lucid paginate: count, then page):'
)
for (const e of explained) {
  console.log(`${e.viewer}, ${e.list}`)
  for (const which of ['count', 'page'] as const) {
    const x = e[which]
    console.log(
      `  ${which === 'count' ? 'count(*)  ' : 'page of 20'} ${fmt(x.executionMs, 1).padStart(8)} ms${x.jit ? ' (JIT)' : ''}` +
        `  buffers hit ${fmt(x.sharedHit)} read ${fmt(x.sharedRead)}`
    )
    console.log(`    ${x.plan}`)
  }
}
