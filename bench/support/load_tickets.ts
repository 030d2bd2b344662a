import type pg from 'pg'
import { allRows, firstRow } from './database.js'
import { GIVEN, SURNAMES, phoneNumber } from './chinese_text.js'
import { phoneColumns } from './phones.js'
import { mulberry32 } from './report.js'
import type { TicketTemplate } from './ticket_templates.js'

export const TICKETS = 1_000_000
const PEOPLE = 2000
const SLOTS = 1000
const TABLES = ['tickets', 'ticket_assignments', 'ticket_events']

export interface LoadOptions {
  templates: TicketTemplate[]
  appKey: string
  /** the department that gets the most tickets (the bench's department_staff user's) */
  busiestDepartmentId: number
  operatorId: number
}

/**
 * Department draws, skewed (Zipf: the r-th department gets 1/r of the
 * first's share, the busiest first): SLOTS slots, each naming a department.
 */
async function departmentSlots(client: pg.PoolClient, busiestId: number) {
  const { rows } = await client.query<{ id: number }>(
    `SELECT id FROM departments WHERE code NOT LIKE '%-12345' ORDER BY md5(code)`
  )
  const ranked = [busiestId, ...rows.map((row) => row.id).filter((id) => id !== busiestId)]
  const weights = ranked.map((_, r) => 1 / (r + 1))
  const total = weights.reduce((sum, w) => sum + w, 0)
  const slots: number[] = []
  let cumulative = 0
  let r = 0
  for (let s = 0; s < SLOTS; s++) {
    while ((s + 0.5) / SLOTS > (cumulative + weights[r]) / total && r < ranked.length - 1) {
      cumulative += weights[r++]
    }
    slots.push(ranked[r])
  }
  return slots
}

/** The temporary tables the INSERT … SELECTs draw from: templates, requesters, departments, policies. */
async function stageReferenceRows(client: pg.PoolClient, options: LoadOptions) {
  const ids = async (table: string) => {
    const rows = await allRows(client, `SELECT id, code FROM ${table}`)
    return new Map(rows.map((row) => [row.code, row.id]))
  }
  const [categories, departments] = [await ids('categories'), await ids('departments')]
  const t = options.templates
  await client.query(
    `CREATE TEMP TABLE bench_templates ON COMMIT DROP AS
     SELECT u.idx - 1 AS idx, u.title, u.content, u.kind, u.category_id, u.address,
            u.area_department_id, to_tsvector('simple', u.tokens) AS tsv
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[])
       WITH ORDINALITY AS u(title, content, kind, category_id, address, area_department_id, tokens, idx)`,
    [
      t.map((x) => x.title),
      t.map((x) => x.content),
      t.map((x) => x.kind),
      t.map((x) => categories.get(x.categoryCode) ?? null),
      t.map((x) => x.place),
      t.map((x) => departments.get(x.district) ?? null),
      t.map((x) => x.tokens),
    ]
  )

  const random = mulberry32(7)
  const phone = phoneColumns(options.appKey)
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[i % GIVEN.length]}`
    // one caller in ten leaves no number
    return {
      name,
      ...(random() < 0.1 ? { encrypted: null, hash: null } : phone(phoneNumber(random))),
    }
  })
  await client.query(
    `CREATE TEMP TABLE bench_people ON COMMIT DROP AS
     SELECT u.idx - 1 AS idx, u.name, u.encrypted, u.hash
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(name, encrypted, hash, idx)`,
    [people.map((p) => p.name), people.map((p) => p.encrypted), people.map((p) => p.hash)]
  )

  await client.query(
    `CREATE TEMP TABLE bench_slots ON COMMIT DROP AS
     SELECT u.idx - 1 AS slot, u.department_id
     FROM unnest($1::int[]) WITH ORDINALITY AS u(department_id, idx)`,
    [await departmentSlots(client, options.busiestDepartmentId)]
  )
  await client.query(
    `CREATE TEMP TABLE bench_policies ON COMMIT DROP AS
     SELECT DISTINCT ON (kind, urgency) id, kind, urgency FROM sla_policies
     WHERE channel IS NULL AND category_id IS NULL ORDER BY kind, urgency, effective_from DESC`
  )
  for (const table of ['bench_templates', 'bench_people', 'bench_slots', 'bench_policies']) {
    await client.query(`ANALYZE ${table}`)
  }
}

/**
 * Tickets, oldest first (ids follow created_at) over two years; the younger a
 * ticket the likelier it is still open (30% open overall, 70% closed or
 * merged). Open ones have next_due_at within 30 days either side of now, a
 * quarter of them past due.
 */
const INSERT_TICKETS = `
WITH draws AS (
  SELECT g, g::float8 / $1 AS recency,
    random() AS r_open, random() AS r_status, random() AS r_tpl, random() AS r_person,
    random() AS r_due, random() AS r_due2, random() AS r_channel, random() AS r_urgent,
    random() AS r_conf, random() AS r_close, random() AS r_jitter
  FROM generate_series(1, $1) AS g
), shaped AS (
  SELECT g, r_conf, r_close,
    now() - make_interval(secs => (1 - recency) * 730 * 86400 + r_jitter * 600) AS created_at,
    CASE WHEN r_open < 0.95 * exp(-(1 - recency) / 0.33) THEN
      CASE WHEN r_status < 0.03 THEN 'registered' WHEN r_status < 0.15 THEN 'dispatched'
           WHEN r_status < 0.70 THEN 'handling' WHEN r_status < 0.82 THEN 'replied'
           WHEN r_status < 0.90 THEN 'callback' WHEN r_status < 0.94 THEN 'returned'
           ELSE 'suspended' END
    ELSE CASE WHEN r_status < 0.02 THEN 'merged' ELSE 'closed' END END AS status,
    CASE WHEN r_channel < 0.70 THEN 'hotline' WHEN r_channel < 0.88 THEN 'online'
         WHEN r_channel < 0.94 THEN 'window' WHEN r_channel < 0.98 THEN 'national'
         ELSE 'media' END AS channel,
    CASE WHEN r_urgent < 0.05 THEN 'urgent' ELSE 'normal' END AS urgency,
    (CASE WHEN r_due < 0.25 THEN -r_due2 ELSE r_due2 END) * 30 * 86400 AS due_offset,
    floor(r_tpl * $2)::int AS tpl, floor(r_person * $3)::int AS person
  FROM draws
)
INSERT INTO tickets (code, channel, kind, urgency, category_id, title, content, address,
  area_department_id, requester_name, requester_phone_encrypted, requester_phone_hash,
  requester_confidential, contact_preference, status, round, version, channel_data,
  sla_policy_id, next_due_at, close_reason, closed_at, registered_by, search_vector,
  created_at, updated_at)
SELECT
  to_char(d.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(d.g::text, 7, '0'),
  d.channel, t.kind, d.urgency, t.category_id, t.title, t.content, t.address,
  t.area_department_id, p.name, p.encrypted, p.hash,
  d.r_conf < 0.05, CASE WHEN p.encrypted IS NULL THEN 'none' ELSE 'phone' END,
  d.status, 1, CASE WHEN d.status IN ('closed', 'merged') THEN 7 ELSE 3 END,
  jsonb_build_object('channel', d.channel), pol.id,
  CASE WHEN d.status NOT IN ('closed', 'merged') THEN now() + make_interval(secs => d.due_offset) END,
  CASE d.status WHEN 'closed' THEN 'resolved' WHEN 'merged' THEN 'merged' END,
  CASE WHEN d.status IN ('closed', 'merged')
       THEN least(now(), d.created_at + make_interval(secs => 86400 * (1 + 14 * d.r_close))) END,
  $4, t.tsv, d.created_at,
  CASE WHEN d.status IN ('closed', 'merged')
       THEN least(now(), d.created_at + make_interval(secs => 86400 * (1 + 14 * d.r_close)))
       ELSE d.created_at + interval '2 hours' END
FROM shaped d
JOIN bench_templates t ON t.idx = d.tpl
JOIN bench_people p ON p.idx = d.person
JOIN bench_policies pol ON pol.kind = t.kind AND pol.urgency = d.urgency
ORDER BY d.g`

/**
 * Every ticket past 'registered' has its lead (round 1, still active unless
 * the ticket came back 'returned'); one in five also an assist in another
 * department; one in twenty a first lead elsewhere that returned it.
 */
const INSERT_ASSIGNMENTS = `
WITH src AS (
  SELECT t.id, t.status, t.created_at, t.next_due_at,
    t.created_at + make_interval(mins => 10 + floor(random() * 50)::int) AS dispatched_at,
    floor(random() * ${SLOTS})::int AS lead_slot, floor(random() * ${SLOTS})::int AS other_slot,
    random() AS r_assist, random() AS r_returned
  FROM tickets t WHERE t.id > $1 AND t.status <> 'registered'
), picked AS (
  SELECT s.*, lead.department_id AS lead_id, other.department_id AS other_id
  FROM src s
  JOIN bench_slots lead ON lead.slot = s.lead_slot
  JOIN bench_slots other ON other.slot = s.other_slot
)
INSERT INTO ticket_assignments (ticket_id, round, department_id, role, active, dispatched_at,
  sign_due_at, signed_at, handle_due_at, replied_at, returned_at, return_reason,
  created_at, updated_at)
SELECT id, 1, lead_id, 'lead', status <> 'returned', dispatched_at,
  dispatched_at + interval '2 hours',
  CASE WHEN status NOT IN ('dispatched', 'returned') THEN dispatched_at + interval '1 hour' END,
  coalesce(next_due_at, dispatched_at + interval '10 days'),
  CASE WHEN status IN ('replied', 'callback', 'closed', 'merged') THEN dispatched_at + interval '3 days' END,
  CASE WHEN status = 'returned' THEN dispatched_at + interval '5 hours' END,
  CASE WHEN status = 'returned' THEN '不属于本单位职责范围' END,
  dispatched_at, dispatched_at
FROM picked
UNION ALL
SELECT id, 1, other_id, 'assist', true, dispatched_at, dispatched_at + interval '2 hours',
  dispatched_at + interval '90 minutes', coalesce(next_due_at, dispatched_at + interval '10 days'),
  NULL, NULL, NULL, dispatched_at, dispatched_at
FROM picked WHERE r_assist < 0.2 AND other_id <> lead_id
UNION ALL
SELECT id, 1, other_id, 'lead', false, dispatched_at - interval '1 day',
  dispatched_at - interval '22 hours', NULL, NULL, NULL, dispatched_at - interval '2 hours',
  '非本单位管辖区域', dispatched_at - interval '1 day', dispatched_at - interval '2 hours'
FROM picked WHERE r_assist >= 0.2 AND r_returned < 0.05 AND other_id <> lead_id`

const INSERT_EVENTS = `
INSERT INTO ticket_events (ticket_id, actor_id, actor_role, action, from_status, to_status, payload, created_at)
SELECT id, $2, 'operator', 'register', NULL, 'registered',
  jsonb_build_object('channel', channel, 'kind', kind, 'urgency', urgency, 'slaPolicyId', sla_policy_id),
  created_at
FROM tickets WHERE id > $1`

/** Secondary indexes (not those behind a constraint), to drop before the load and rebuild after. */
async function secondaryIndexes(client: pg.PoolClient) {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY c.relname, name`,
    [TABLES]
  )
  return rows
}

/**
 * Loads TICKETS tickets with their assignments and register events in one
 * transaction (all or nothing), with SQL INSERT … SELECT generate_series.
 * The app's secondary indexes are dropped first and rebuilt from their own
 * definitions afterwards (faster than maintaining them row by row), then
 * the tables are vacuumed and analysed. Does nothing when `tickets` already
 * holds TICKETS rows.
 */
export async function loadTickets(
  db: pg.Pool,
  options: LoadOptions,
  log: (line: string) => void
): Promise<boolean> {
  const { n: existing } = await firstRow(db, 'SELECT count(*)::int AS n FROM tickets')
  if (existing >= TICKETS) return false
  const client = await db.connect()
  const timed = async (label: string, sql: string, params: unknown[] = []) => {
    const began = Date.now()
    const result = await client.query(sql, params)
    log(`  ${label}: ${result.rowCount ?? ''} in ${((Date.now() - began) / 1000).toFixed(1)} s`)
  }
  try {
    await client.query('BEGIN')
    await client.query(`SET LOCAL synchronous_commit = off`)
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`)
    await client.query(`SET LOCAL work_mem = '256MB'`)
    await client.query('SELECT setseed(0.4242)')
    await stageReferenceRows(client, options)
    const { id: maxId } = await firstRow(
      client,
      'SELECT coalesce(max(id), 0)::bigint AS id FROM tickets'
    )
    const indexes = await secondaryIndexes(client)
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`)
    await timed('tickets', INSERT_TICKETS, [
      TICKETS,
      options.templates.length,
      PEOPLE,
      options.operatorId,
    ])
    await timed('ticket_assignments', INSERT_ASSIGNMENTS, [maxId])
    await timed('ticket_events', INSERT_EVENTS, [maxId, options.operatorId])
    for (const index of indexes) await timed(`index ${index.name}`, index.definition)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
  // VACUUM too, not only ANALYZE: sets the visibility map, as autovacuum would on a live table.
  for (const table of TABLES) {
    const began = Date.now()
    await db.query(`VACUUM (ANALYZE) ${table}`)
    log(`  vacuum analyze ${table}: ${((Date.now() - began) / 1000).toFixed(1)} s`)
  }
  return true
}
