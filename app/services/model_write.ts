import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { DateTime } from 'luxon'
import { directQuery, insertStatement } from '#services/direct_sql'

/** A model's changed attributes as columns and values the database takes. */
export function changedColumns(row: LucidRow): Record<string, unknown> {
  const model = row.constructor as LucidModel
  const columns: Record<string, unknown> = {}
  for (const [attribute, value] of Object.entries(row.$dirty)) {
    const column = model.$getColumn(attribute)!
    columns[column.columnName] = column.prepare ? column.prepare(value, attribute, row) : value
  }
  return columns
}

/**
 * Inserts a new model's row in one statement sent straight to `pg`
 * (direct_sql.ts), as `save()` would: the auto-created timestamps are set
 * (to `now`, the application's clock, where `save()` takes the system's),
 * the stored row (database defaults included) is read back into the model,
 * and the model stays bound to the caller's transaction.
 */
export async function insertModel<Row extends LucidRow>(
  client: QueryClientContract,
  row: Row,
  now: DateTime
): Promise<Row> {
  const model = row.constructor as LucidModel
  for (const [attribute, column] of model.$columnsDefinitions) {
    const auto = column.meta?.autoCreate || column.meta?.autoUpdate
    if (auto && row.$attributes[attribute] === undefined) row.$setAttribute(attribute, now)
  }
  const values: unknown[] = []
  const text = insertStatement(model.table, [changedColumns(row)], values)
  const [stored] = await directQuery(client, `${text} RETURNING *`, values)
  row.$consumeAdapterResult(stored)
  row.$hydrateOriginals()
  row.$isPersisted = true
  if (client.isTransaction) row.useTransaction(client as never)
  return row
}
