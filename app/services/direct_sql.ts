import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type pg from 'pg'

/**
 * Runs one parameterised statement ($1, $2 …) on the `pg` connection
 * beneath a Lucid client, and answers its rows as `pg` parsed them.
 *
 * Why: on the intake path every statement through Lucid and knex cost more
 * Node CPU than PostgreSQL took to run it (building the query, compiling
 * bindings, runner and event plumbing). The few statements every intake
 * sends are written out once as SQL text and sent here instead.
 *
 * It stays inside the caller's transaction: a transaction client's knex
 * hands out the connection the transaction is bound to (and its release is
 * a no-op); without one, the connection comes from the same pool, or from
 * the test suite's global transaction when one is open, as any Lucid query
 * would. Values are bound by `pg` exactly as knex would bind them.
 */
export async function directQuery<Row = Record<string, any>>(
  client: QueryClientContract | undefined,
  text: string,
  values: readonly unknown[]
): Promise<Row[]> {
  // knex refuses a query on a finished transaction; its connection is back in the pool by then
  if (client?.isTransaction && (client as TransactionClientContract).isCompleted)
    throw new Error('the transaction has already been committed or rolled back')
  const knex = (client ?? db.connection()).getWriteClient().client
  const connection: pg.ClientBase = await knex.acquireConnection()
  try {
    const result = await connection.query({
      name: statementName(text),
      text,
      values: values as unknown[],
    })
    return result.rows as Row[]
  } finally {
    await knex.releaseConnection(connection)
  }
}

/**
 * Each statement text gets a name, so every pool connection prepares it once
 * and then only binds and runs it: PostgreSQL no longer parses and plans the
 * same intake statements on every request (they cost it a third more CPU
 * per intake than the baseline's). The texts are few (a statement's shape
 * varies only with the columns a transition changes and the mails it
 * queues); past MAX_NAMED distinct texts the rest run unnamed.
 */
const MAX_NAMED = 500
const names = new Map<string, string>()

function statementName(text: string): string | undefined {
  let name = names.get(text)
  if (name === undefined && names.size < MAX_NAMED) {
    name = `jiesu_${names.size + 1}`
    names.set(text, name)
  }
  return name
}

/** `$from, $from+1, …` for `count` values: the placeholders of one row. */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ')
}

/**
 * `INSERT INTO table (columns) VALUES (…), (…)` for rows that share their
 * columns (the first row's). Their values are appended to `values`, which
 * may already hold a statement's earlier parameters: the placeholders
 * continue from there.
 */
export function insertStatement(
  table: string,
  rows: readonly Record<string, unknown>[],
  values: unknown[]
): string {
  const columns = Object.keys(rows[0])
  const tuples = rows.map((row) => {
    const keys = Object.keys(row)
    if (keys.length !== columns.length || keys.some((key) => !columns.includes(key)))
      throw new Error(`rows inserted into ${table} together must share their columns`)
    const from = values.length + 1
    for (const column of columns) values.push(row[column])
    return `(${placeholders(columns.length, from)})`
  })
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`
}
