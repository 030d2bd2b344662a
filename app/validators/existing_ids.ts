import type { VineDbSearchCallback } from '@adonisjs/lucid/types/vine'

/**
 * An `exists` check for an id in a table whose rows are never deleted
 * (categories and departments are deactivated instead, and tickets
 * reference them with ON DELETE RESTRICT): once this process has seen an id,
 * it answers from memory. Intake validates a category and an area on every
 * call; this spares those two queries. Misses are never remembered, so a
 * row added later is found at once.
 *
 * NOTE: a row deleted by hand in SQL would still pass here; the ticket's
 * foreign key then refuses the insert.
 *
 * @example categoryId: vine.number().exists(existingIdIn('categories'))
 */
export function existingIdIn(table: string): VineDbSearchCallback<number> {
  const seen = new Set<number>()
  return async (db, id) => {
    if (seen.has(id)) return true
    const row = await db.from(table).select('id').where('id', id).first()
    if (row) seen.add(id)
    return row !== null
  }
}
