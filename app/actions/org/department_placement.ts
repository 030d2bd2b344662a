import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Department from '#models/department'
import { canNest, type DepartmentLevel } from '#domain/department_levels'
import { isWithin } from '#domain/tree_path'
import { invalidParent } from '#exceptions/domain_error'

/**
 * Checks that a department of `level` may sit under `parentId`: the parent
 * exists, is active, has a compatible level and is not the node itself or
 * one of its descendants (`selfPath`). Returns the locked parent, or null for
 * a root.
 */
export async function checkPlacement(
  trx: TransactionClientContract,
  parentId: number | null,
  level: DepartmentLevel,
  selfPath?: string
): Promise<Department | null> {
  if (parentId === null) return null
  const parent = await Department.query({ client: trx })
    .where('id', parentId)
    .forUpdate()
    .firstOrFail()
  if (selfPath && isWithin(parent.path, selfPath)) throw invalidParent('cycle')
  if (!parent.isActive) throw invalidParent('inactive')
  if (!canNest(parent.level, level)) throw invalidParent('level')
  return parent
}

/** Every direct child must still fit under a department whose level changes. */
export async function checkChildrenFit(
  trx: TransactionClientContract,
  department: Department,
  newLevel: DepartmentLevel
): Promise<void> {
  const children = await Department.query({ client: trx }).where('parent_id', department.id)
  if (children.some((child) => !canNest(newLevel, child.level))) throw invalidParent('level')
}
