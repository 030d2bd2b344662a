import type pg from 'pg'
import { firstRow } from './database.js'
import { fmt } from './report.js'

const TERMS = ['路灯', '噪音', '欠薪', '电梯']

/** What the loaded data looks like: status mix, overdue, department skew, word frequencies. */
export async function describeData(db: pg.Pool, departmentId: number): Promise<void> {
  const one = (sql: string, values: unknown[] = []) => firstRow(db, sql, values)
  const mix = await one(`SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status IN ('closed', 'merged'))::int AS closed,
      count(*) FILTER (WHERE status = 'suspended')::int AS paused,
      count(*) FILTER (WHERE status NOT IN ('closed', 'merged', 'suspended') AND next_due_at < now())::int AS overdue
    FROM tickets`)
  const pct = (n: number) => `${((100 * n) / mix.total).toFixed(1)}%`
  console.log(
    `  tickets ${fmt(mix.total)}: closed/merged ${pct(mix.closed)}, suspended ${pct(mix.paused)}, ` +
      `open ${pct(mix.total - mix.closed - mix.paused)}, overdue ${fmt(mix.overdue)} (${pct(mix.overdue)})`
  )
  const department = await one(
    `SELECT d.name, count(DISTINCT a.ticket_id)::int AS tickets,
       count(DISTINCT a.ticket_id) FILTER (WHERE t.status NOT IN ('closed', 'merged', 'suspended'))::int AS open
     FROM ticket_assignments a JOIN tickets t ON t.id = a.ticket_id JOIN departments d ON d.id = a.department_id
     WHERE a.department_id = $1 GROUP BY d.name`,
    [departmentId]
  )
  const spread = await one(`SELECT count(DISTINCT department_id)::int AS departments,
      max(n)::int AS most, min(n)::int AS least
    FROM (SELECT department_id, count(*) AS n FROM ticket_assignments GROUP BY department_id) s`)
  console.log(
    `  department_staff's department ${department?.name}: ${fmt(department?.tickets ?? 0)} tickets (${pct(department?.tickets ?? 0)}), ${fmt(department?.open ?? 0)} open; ` +
      `assignments over ${spread.departments} departments, ${fmt(spread.least)} to ${fmt(spread.most)} each`
  )
  const words = []
  for (const term of TERMS) {
    const { n } = await one(
      `SELECT count(*)::int AS n FROM tickets WHERE search_vector @@ to_tsquery('simple', $1)`,
      [`'${term}'`]
    )
    words.push(`${term} ${pct(n)}`)
  }
  console.log(`  tickets containing: ${words.join(', ')}`)
}
