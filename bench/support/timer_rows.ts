import type pg from 'pg'
import { firstRow } from './database.js'

/**
 * Bulk rows for bench/timers.ts, written with SQL (INSERT … SELECT
 * generate_series): tickets with one lead assignment each, the departments
 * taken in turn, with the deadline columns the timers read.
 */

/** Departments that receive work (not the hotline centers themselves). */
const WORKING_DEPARTMENTS = `SELECT array_agg(id ORDER BY id) AS ids FROM departments WHERE code NOT LIKE '%-12345'`

/**
 * One department_staff account in every working department that has none,
 * so every breach alerts someone (notification + mail row), as it would in
 * production. They never sign in: the password is a placeholder, not a hash.
 */
export async function addDepartmentStaff(db: pg.Pool): Promise<number> {
  const result = await db.query(`
    INSERT INTO users (full_name, email, password, role, department_id, is_active, created_at, updated_at)
    SELECT d.name || ' 值班员', 'bench-staff-' || d.id || '@bench.jiesu.test', 'bench-no-login',
      'department_staff', d.id, true, now(), now()
    FROM departments d
    WHERE d.code NOT LIKE '%-12345'
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id AND u.role = 'department_staff')`)
  return result.rowCount ?? 0
}

/** The tickets inserted by one call: ids in (afterId, lastId]. */
export interface TicketRange {
  afterId: number
  lastId: number
}

async function insertTickets(
  client: pg.PoolClient,
  count: number,
  codePrefix: string,
  status: string
): Promise<TicketRange> {
  const { id: afterId } = await firstRow(
    client,
    'SELECT coalesce(max(id), 0)::bigint AS id FROM tickets'
  )
  await client.query(
    `INSERT INTO tickets (code, channel, kind, urgency, title, content, status, round, version, created_at, updated_at)
     SELECT $1 || lpad(g::text, 9, '0'), 'hotline', 'help', 'normal', '路灯不亮 ' || g,
       '小区门口路灯不亮，夜间行人通行不便，请尽快维修。', $3, 1, 2, now(), now()
     FROM generate_series(1, $2::int) AS g ORDER BY g`,
    [codePrefix, count, status]
  )
  const { id: lastId } = await firstRow(
    client,
    'SELECT coalesce(max(id), 0)::bigint AS id FROM tickets'
  )
  if (lastId - afterId !== count)
    throw new Error(`expected ${count} tickets, got ${lastId - afterId}`)
  return { afterId, lastId }
}

async function inTransaction<T>(db: pg.Pool, run: (client: pg.PoolClient) => Promise<T>) {
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    await client.query('SET LOCAL synchronous_commit = off')
    const result = await run(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

/**
 * `count` dispatched tickets whose sign deadline (签收时限) falls evenly in
 * [firstDueMs, firstDueMs + spanMs), no warning point, unsigned: each has
 * a due point (and an escalation 240 min later) for the timers.
 */
export function insertSignDeadlines(
  db: pg.Pool,
  options: { count: number; firstDueMs: number; spanMs: number; codePrefix: string }
): Promise<TicketRange> {
  return inTransaction(db, async (client) => {
    const range = await insertTickets(client, options.count, options.codePrefix, 'dispatched')
    await client.query(
      `INSERT INTO ticket_assignments (ticket_id, round, department_id, role, active, dispatched_at,
         sign_due_at, created_at, updated_at)
       SELECT t.id, 1, d.ids[1 + (t.id - $1) % array_length(d.ids, 1)], 'lead', true, now(),
         -- whole milliseconds, as the app writes them (JS dates)
         date_trunc('milliseconds', to_timestamp(($2::float8 + (t.id - $1 - 1) * $3::float8 / $4) / 1000)),
         now(), now()
       FROM tickets t, (${WORKING_DEPARTMENTS}) d
       WHERE t.id > $1 AND t.id <= $5 ORDER BY t.id`,
      [range.afterId, options.firstDueMs, options.spanMs, options.count, range.lastId]
    )
    return range
  })
}

/**
 * `count` tickets being handled (signed, not replied), whose handle deadline
 * (办理时限) falls evenly over the next `spreadDays` days, warning
 * `warnDaysBefore` days ahead of it; warnings already past are marked as
 * given, as the timers would have done.
 */
export function insertOpenHandleDeadlines(
  db: pg.Pool,
  options: { count: number; spreadDays: number; warnDaysBefore: number; codePrefix: string }
): Promise<TicketRange> {
  return inTransaction(db, async (client) => {
    const range = await insertTickets(client, options.count, options.codePrefix, 'handling')
    await client.query(
      `INSERT INTO ticket_assignments (ticket_id, round, department_id, role, active, dispatched_at,
         sign_due_at, signed_at, handle_due_at, handle_warn_at, handle_warned_at, created_at, updated_at)
       SELECT id, 1, department_id, 'lead', true, now() - interval '2 days',
         now() - interval '1 day', now() - interval '1 day 1 hour', due, warn,
         CASE WHEN warn <= now() THEN warn END, now(), now()
       FROM (
         SELECT t.id, d.ids[1 + (t.id - $1) % array_length(d.ids, 1)] AS department_id,
           date_trunc('milliseconds', now() + make_interval(secs => ($2::float8 * 86400) * (t.id - $1) / $3)) AS due,
           date_trunc('milliseconds', now() + make_interval(secs => ($2::float8 * 86400) * (t.id - $1) / $3))
             - make_interval(days => $4::int) AS warn
         FROM tickets t, (${WORKING_DEPARTMENTS}) d
         WHERE t.id > $1 AND t.id <= $5
       ) s ORDER BY id`,
      [range.afterId, options.spreadDays, options.count, options.warnDaysBefore, range.lastId]
    )
    return range
  })
}

/** Ends the open work of a range, so the next phase's sweeps leave it alone. */
export async function retireRange(db: pg.Pool, range: TicketRange): Promise<void> {
  await db.query(
    'UPDATE ticket_assignments SET active = false WHERE ticket_id > $1 AND ticket_id <= $2',
    [range.afterId, range.lastId]
  )
}
