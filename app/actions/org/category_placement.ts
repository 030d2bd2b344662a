import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Category from '#models/category'
import { isWithin } from '#domain/tree_path'
import { invalidParent } from '#exceptions/domain_error'

export const MAX_CATEGORY_DEPTH = 3

/**
 * Checks that a category subtree `height` levels tall (1 for a leaf) may hang
 * under `parentId` without passing three levels or creating a cycle.
 */
export async function checkCategoryParent(
  trx: TransactionClientContract,
  parentId: number | null,
  height: number,
  selfPath?: string
): Promise<Category | null> {
  if (parentId === null) return null
  const parent = await Category.query({ client: trx })
    .where('id', parentId)
    .forUpdate()
    .firstOrFail()
  if (selfPath && isWithin(parent.path, selfPath)) throw invalidParent('cycle')
  if (!parent.isActive) throw invalidParent('inactive')
  if (parent.depth + height > MAX_CATEGORY_DEPTH) throw invalidParent('depth')
  return parent
}

/** Height of the subtree rooted at `category` (1 when it has no children). */
export async function subtreeHeight(
  trx: TransactionClientContract,
  category: Category
): Promise<number> {
  const row = await trx
    .from('categories')
    .whereLike('path', `${category.path}%`)
    .max('depth as deepest')
    .first()
  return Number(row?.deepest ?? category.depth) - category.depth + 1
}
