import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * PostgreSQL takes at most 65,535 bind parameters per statement; a catch-up
 * after a long outage can owe tens of thousands of rows at once, so bulk
 * inserts go in chunks well below it.
 */
const ROWS_PER_STATEMENT = 1000

/**
 * Inserts rows in chunks, in the order given (ids grow with it); with
 * `ignoreConflictOn`, a row that clashes on those columns is skipped.
 */
export async function insertInChunks(
  client: QueryClientContract,
  table: string,
  rows: Record<string, unknown>[],
  ignoreConflictOn?: string[]
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const query = client
      .insertQuery()
      .table(table)
      .multiInsert(rows.slice(start, start + ROWS_PER_STATEMENT))
    if (ignoreConflictOn) await query.knexQuery.onConflict(ignoreConflictOn).ignore()
    else await query
  }
}
