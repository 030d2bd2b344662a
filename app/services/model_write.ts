import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import { DateTime } from 'luxon'

/**
 * The model's columns as a SELECT list on `table`. Statements sent as
 * prepared statements (direct_sql.ts) name their columns: PostgreSQL refuses
 * to run a prepared `SELECT *` once a migration has added a column to the
 * table, while a named list keeps working.
 */
export function columnList(model: LucidModel, table: string = model.table): string {
  const key = `${model.name}:${table}`
  let list = columnLists.get(key)
  if (list === undefined) {
    model.boot()
    list = [...model.$columnsDefinitions.values()]
      .map((column) => `${table}.${column.columnName}`)
      .join(', ')
    columnLists.set(key, list)
  }
  return list
}

const columnLists = new Map<string, string>()

/**
 * A model's changed attributes as columns and values the database takes.
 *
 * A valid DateTime of a datetime column is bound as the Date it is (every
 * such column is timestamptz, so `pg` sends the same instant). Lucid's own
 * prepare formats it with luxon after building a query builder to learn the
 * dialect's format, once per column.
 */
export function changedColumns(row: LucidRow): Record<string, unknown> {
  const model = row.constructor as LucidModel
  const columns: Record<string, unknown> = {}
  for (const [attribute, value] of Object.entries(row.$dirty)) {
    // left out, so the database's default applies (knex wrote DEFAULT; pg would bind NULL)
    if (value === undefined) continue
    const column = model.$getColumn(attribute)!
    if (column.meta?.type === 'datetime' && DateTime.isDateTime(value) && value.isValid)
      columns[column.columnName] = value.toJSDate()
    else columns[column.columnName] = column.prepare ? column.prepare(value, attribute, row) : value
  }
  return columns
}

/**
 * Sets a new row's auto-created timestamps as `save()` would, but to `now`,
 * the application's clock (`save()` takes the system's), for a row that is
 * inserted by a statement of our own (see transition_write.ts).
 */
export function stampNew<Row extends LucidRow>(row: Row, now: DateTime): Row {
  const model = row.constructor as LucidModel
  for (const [attribute, column] of model.$columnsDefinitions) {
    const auto = column.meta?.autoCreate || column.meta?.autoUpdate
    if (auto && row.$attributes[attribute] === undefined) row.$setAttribute(attribute, now)
  }
  return row
}

/**
 * The model's columns an insert leaves to the database (the id, defaults,
 * nulls): all an INSERT … RETURNING needs to answer, since the model already
 * holds what it wrote. Reading back every column made `pg` parse the whole
 * row again, long texts and all.
 */
export function columnsLeftToDatabase(
  model: LucidModel,
  written: Record<string, unknown>
): string[] {
  const left: string[] = []
  for (const column of model.$columnsDefinitions.values())
    if (!(column.columnName in written)) left.push(column.columnName)
  return left.length > 0 ? left : [model.primaryKey]
}

/** A new model's row as stored: the database's part read into it, now persisted and clean. */
export function storedInto(row: LucidRow, stored: Record<string, unknown>) {
  row.$consumeAdapterResult(stored)
  hydrateOriginals(row)
  row.$isPersisted = true
}

/**
 * What `$hydrateOriginals()` does (the row is clean afterwards: `$dirty`
 * compares against this copy), without lodash's generic deep merge, which
 * measured as much CPU as the rest of an intake's model work. The copy is
 * the same: objects and arrays (jsonb) are copied deeply, so changing one
 * in place still makes the row dirty; anything else (DateTimes are
 * immutable) is shared, as the merge shares it.
 */
export function hydrateOriginals(row: LucidRow) {
  const original: Record<string, unknown> = {}
  for (const key of Object.keys(row.$attributes)) original[key] = copied(row.$attributes[key])
  row.$original = original
}

function copied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copied)
  if (value === null || typeof value !== 'object') return value
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = copied((value as Record<string, unknown>)[key])
  return copy
}
