import type pg from 'pg'
import { CLOSED_STATUSES, OPEN_STATUSES, PAUSED_STATUSES } from '#domain/lifecycle/index'
import { searchQuery } from '#services/segmenter'
import { fmt } from './report.js'

export type ListKey = 'due' | 'overdue' | 'search'

export interface ListCase {
  key: ListKey
  label: string
  /** GET path and query string */
  path: string
  /** p95 target, ms */
  targetMs: number
}

export const SEARCH_TERM = '路灯'

export const LISTS: ListCase[] = [
  {
    key: 'due',
    label: '(a) open, due soonest',
    path: '/api/v1/tickets?group=open&sort=due&perPage=20',
    targetMs: 50,
  },
  {
    key: 'overdue',
    label: '(b) overdue',
    path: '/api/v1/tickets?overdue=true&perPage=20',
    targetMs: 50,
  },
  {
    key: 'search',
    label: `(c) search ${SEARCH_TERM}`,
    path: `/api/v1/tickets?q=${encodeURIComponent(SEARCH_TERM)}&perPage=20`,
    targetMs: 100,
  },
]

export interface Statement {
  text: string
  values: unknown[]
}

/**
 * The two statements ListTickets sends for a list (Lucid's paginate(): a
 * count(*) of the whole filtered set, then the first page), written the way
 * knex renders them (checked against the server's DEBUG=knex:query output):
 * TicketBuilder.visibleTo's EXISTS for a department user, then the filters
 * and order of app/actions/tickets/list_tickets.ts, every value a parameter.
 */
export function listStatements(key: ListKey, departmentId: number | null) {
  const where: string[] = []
  const values: unknown[] = []
  const params = (...added: unknown[]) => added.map((value) => `$${values.push(value)}`).join(', ')
  if (departmentId !== null) {
    where.push(
      `exists (select 1 from "ticket_assignments" as "ta" where "ta"."ticket_id" = "tickets"."id" and "ta"."department_id" = ${params(departmentId)})`
    )
  }
  let order = '"created_at" desc, "id" desc'
  if (key === 'due') {
    where.push(`"status" in (${params(...OPEN_STATUSES)})`)
    order = '"next_due_at" asc, "id" asc'
  } else if (key === 'overdue') {
    where.push(
      `"status" not in (${params(...CLOSED_STATUSES, ...PAUSED_STATUSES)})`,
      `"next_due_at" is not null`,
      `"next_due_at" < ${params(new Date())}`
    )
    order = '"next_due_at" asc, "id" asc'
  } else {
    where.push(`search_vector @@ to_tsquery('simple', ${params(searchQuery(SEARCH_TERM))})`)
  }
  const clause = where.join(' and ')
  const count = {
    text: `select count(*) as "total" from "tickets" where ${clause}`,
    values: [...values],
  }
  const page = {
    text: `select * from "tickets" where ${clause} order by ${order} limit ${params(20)}`,
    values,
  }
  return { count, page }
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Plans'?: PlanNode[]
}

/**
 * "Limit → Nested Loop Semi Join → [Index Scan tickets_open_due_idx (67 rows),
 * Index Scan ticket_assignments_ticket_id_round_index (0 rows/loop × 67 loops)]"
 */
function describe(node: PlanNode): string {
  const rows = node['Actual Rows'] ?? 0
  const loops = node['Actual Loops'] ?? 1
  const target = node['Index Name'] ?? node['Relation Name']
  const counted = loops > 1 ? `${fmt(rows)} rows/loop × ${fmt(loops)} loops` : `${fmt(rows)} rows`
  const self =
    node['Node Type'] +
    (target ? ` ${target}` : '') +
    (node['Node Type'].includes('Scan') ? ` (${counted})` : '')
  const children = (node.Plans ?? []).map(describe)
  if (children.length === 0) return self
  return `${self} → ${children.length === 1 ? children[0] : `[${children.join(', ')}]`}`
}

export interface Explained {
  plan: string
  executionMs: number
  sharedHit: number
  sharedRead: number
  jit: boolean
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, boiled down to its plan shape and cost. */
export async function explain(db: pg.Pool, statement: Statement): Promise<Explained> {
  const { rows } = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    statement.values
  )
  const result = rows[0]['QUERY PLAN'][0]
  const plan = result.Plan as PlanNode & {
    'Shared Hit Blocks': number
    'Shared Read Blocks': number
  }
  return {
    plan: describe(plan),
    executionMs: result['Execution Time'],
    sharedHit: plan['Shared Hit Blocks'],
    sharedRead: plan['Shared Read Blocks'],
    jit: Boolean(result.JIT),
  }
}
