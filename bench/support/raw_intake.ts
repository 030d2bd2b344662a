import { createHmac, randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import { hotlineAdapter } from '#domain/intake/adapters/hotline'
import { tokenize } from '#services/segmenter'
import type { HotlinePayload } from './intake_payloads.js'
import { firstRow } from './database.js'

/** One ticket's columns, computed before the run: the baseline does only the SQL. */
interface PreparedRow {
  values: unknown[]
  eventPayload: string
  leadDepartmentId: number
  /** the department's contact addresses (a dispatch mail row when any) */
  leadEmails: string[]
}

export interface RawRun {
  label: string
  seconds: number
  completed: number
  failed: number
  latencies: number[]
}

/** Something shaped like encryptPhone()'s output (gcm.v1:<iv+cipher>.<nonce>.<tag>). */
const encryptedLooking = (phone: string) =>
  `gcm.v1:${randomBytes(phone.length + 15).toString('base64url')}.${randomBytes(12).toString('base64url')}.${randomBytes(16).toString('base64url')}`

const TICKET_COLUMNS = [
  'code',
  'channel',
  'kind',
  'urgency',
  'category_id',
  'title',
  'content',
  'address',
  'area_department_id',
  'requester_name',
  'requester_phone_encrypted',
  'requester_phone_hash',
  'requester_confidential',
  'contact_preference',
  'channel_data',
  'round',
  'version',
  'status',
  'sla_policy_id',
  'registered_by',
]

/**
 * The same ticket and event rows IntakeTicket writes, with the search vector
 * from the same tokenize() (computed here once per payload, to_tsvector in
 * the INSERT as the app does) and a phone string shaped like the app's.
 */
const INSERT_TICKET = `INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}, search_vector, created_at, updated_at)
  VALUES (${TICKET_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')},
    to_tsvector('simple', $${TICKET_COLUMNS.length + 1}), now(), now())
  RETURNING id`
const INSERT_EVENT = `INSERT INTO ticket_events
  (ticket_id, actor_id, actor_role, action, from_status, to_status, payload, created_at)
  VALUES ($1, $2, 'operator', 'register', NULL, 'registered', $3, now())`
/*
 * The dispatch the app runs in the same transaction: the lead assignment
 * with its sign and return deadlines and their notes, the ticket's new
 * status/version/next deadline, the dispatch event and the department's
 * mail row. The deadlines are fixed offsets here (the baseline computes
 * nothing); the notes are the app's shape and size.
 */
const INSERT_ASSIGNMENT = `INSERT INTO ticket_assignments (ticket_id, round, department_id, role, active,
    dispatched_at, sign_due_at, sign_warn_at, return_due_at, deadline_notes, created_at, updated_at)
  VALUES ($1, 1, $2, 'lead', true, now(), now() + interval '2 hours', now() + interval '90 minutes',
    now() + interval '1 day', $3, now(), now())`
const UPDATE_TICKET = `UPDATE tickets SET status = 'dispatched', version = 2,
    next_due_at = now() + interval '2 hours', updated_at = now() WHERE id = $1`
const INSERT_DISPATCH_EVENT = `INSERT INTO ticket_events
  (ticket_id, actor_id, actor_role, action, from_status, to_status, payload, created_at)
  VALUES ($1, $2, 'operator', 'dispatch', 'registered', 'dispatched', $3, now())`
const INSERT_MAIL = `INSERT INTO outbox_messages (topic, dedupe_key, payload, status, attempts, available_at, created_at)
  VALUES ('mail', $1, $2, 'pending', 0, now(), now()) ON CONFLICT (dedupe_key) DO NOTHING`

const note = (dueAt: string) => ({
  dueAt,
  text: {
    'zh-CN': '截止11月23日12:00（2个工作小时，工作时间计）',
    'en': 'Due 23 Nov 12:00 (2 working hours, counted in working time)',
  },
  calendarIncomplete: false,
})
const DEADLINE_NOTES = JSON.stringify({
  sign: note('2026-11-23T12:00:00.000+08:00'),
  return_window: note('2026-11-24T10:00:00.000+08:00'),
})

const BUMP_COUNTER = `INSERT INTO ticket_code_counters (day, last) VALUES ($1, 1)
  ON CONFLICT (day) DO UPDATE SET last = ticket_code_counters.last + 1
  RETURNING last`

export async function prepareRows(
  db: pg.Pool,
  payloads: HotlinePayload[],
  operatorId: number
): Promise<PreparedRow[]> {
  const policies = new Map<string, number>()
  const { rows } = await db.query(
    `SELECT DISTINCT ON (kind, urgency) id, kind, urgency FROM sla_policies
     WHERE channel IS NULL AND category_id IS NULL ORDER BY kind, urgency, effective_from DESC`
  )
  for (const row of rows) policies.set(`${row.kind}:${row.urgency}`, row.id)
  const emails = new Map<number, string[]>()
  const departments = await db.query('SELECT id, contact_emails FROM departments')
  for (const row of departments.rows) emails.set(row.id, row.contact_emails ?? [])
  return payloads.map((payload) => {
    const draft = hotlineAdapter.toDraft(payload as Parameters<typeof hotlineAdapter.toDraft>[0])
    const phone = draft.requester.phone
    const policyId = policies.get(`${draft.kind}:${draft.urgency}`) ?? null
    return {
      values: [
        null, // code: filled per request from the counter
        draft.channel,
        draft.kind,
        draft.urgency,
        draft.categoryId,
        draft.title,
        draft.content,
        draft.address,
        draft.areaDepartmentId,
        draft.requester.name,
        phone ? encryptedLooking(phone) : null,
        phone
          ? createHmac('sha256', 'bench:requester-phone')
              .update(phone.replace(/\D/g, ''))
              .digest('hex')
          : null,
        draft.requester.confidential,
        draft.requester.contactPreference,
        JSON.stringify(draft.channelData),
        1,
        1,
        'registered',
        policyId,
        operatorId,
        tokenize(`${draft.title} ${draft.content}`).join(' '),
      ],
      eventPayload: JSON.stringify({
        channel: draft.channel,
        kind: draft.kind,
        urgency: draft.urgency,
        slaPolicyId: policyId,
      }),
      leadDepartmentId: payload.dispatch!.leadDepartmentId,
      leadEmails: emails.get(payload.dispatch!.leadDepartmentId) ?? [],
    }
  })
}

async function bump(client: pg.PoolClient, day: string): Promise<number> {
  const { last } = await firstRow(client, BUMP_COUNTER, [day])
  return Number(last)
}

/** Today in Asia/Shanghai, as ticket_codes.ts keys its counter. */
const shanghaiDay = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

/**
 * `connections` loops for `seconds`, each request: bump the day's code
 * counter, then INSERT the ticket and its event and dispatch it (assignment,
 * ticket update, dispatch event, mail row) in one transaction. With
 * `counterInTransaction` the counter bump moves inside that transaction
 * (so concurrent requests queue on the counter row until commit).
 */
export async function runRawIntake(
  db: pg.Pool,
  rows: PreparedRow[],
  options: { label: string; connections: number; seconds: number; counterInTransaction: boolean }
): Promise<RawRun> {
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const began = performance.now()
  const stopAt = began + options.seconds * 1000

  const once = async (row: PreparedRow) => {
    const day = shanghaiDay()
    const code = (serial: number) => `${day.replaceAll('-', '')}${String(serial).padStart(5, '0')}`
    const client = await db.connect()
    try {
      let serial: number | null = null
      if (!options.counterInTransaction) {
        serial = await bump(client, day)
      }
      await client.query('BEGIN')
      try {
        if (serial === null) serial = await bump(client, day)
        const values = [...row.values]
        values[0] = code(serial)
        const ticket = await client.query(INSERT_TICKET, values)
        const id = ticket.rows[0].id
        await client.query(INSERT_EVENT, [id, values[19], row.eventPayload])
        await client.query(INSERT_ASSIGNMENT, [id, row.leadDepartmentId, DEADLINE_NOTES])
        await client.query(UPDATE_TICKET, [id])
        await client.query(INSERT_DISPATCH_EVENT, [
          id,
          values[19],
          JSON.stringify({ leadDepartmentId: row.leadDepartmentId, assistDepartmentIds: [] }),
        ])
        if (row.leadEmails.length > 0)
          await client.query(INSERT_MAIL, [
            `dispatch:${id}:1:${row.leadDepartmentId}`,
            JSON.stringify({
              kind: 'dispatch',
              to: row.leadEmails,
              ticketId: id,
              code: values[0],
              departmentId: row.leadDepartmentId,
            }),
          ])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    } finally {
      client.release()
    }
  }

  const loop = async () => {
    while (performance.now() < stopAt) {
      const row = rows[next++ % rows.length]
      const start = performance.now()
      try {
        await once(row)
        latencies.push(performance.now() - start)
      } catch {
        failed++
      }
    }
  }
  await Promise.all(Array.from({ length: options.connections }, loop))
  return {
    label: options.label,
    seconds: (performance.now() - began) / 1000,
    completed: latencies.length,
    failed,
    latencies,
  }
}
