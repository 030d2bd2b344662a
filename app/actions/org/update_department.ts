import db from '@adonisjs/lucid/services/db'
import Department from '#models/department'
import type { DepartmentLevel } from '#domain/department_levels'
import { childPath } from '#domain/tree_path'
import { checkChildrenFit, checkPlacement } from '#actions/org/department_placement'

export interface UpdateDepartmentInput {
  code?: string
  name?: string
  level?: DepartmentLevel
  parentId?: number | null
  contactEmails?: string[]
}

/**
 * Edits a department. Moving it re-roots its whole subtree's paths in the
 * same transaction, so scoping never sees a half-moved tree.
 */
export default class UpdateDepartment {
  async handle(id: number, input: UpdateDepartmentInput): Promise<Department> {
    return db.transaction(async (trx) => {
      const department = await Department.query({ client: trx })
        .where('id', id)
        .forUpdate()
        .firstOrFail()
      const level = input.level ?? department.level
      const parentId = input.parentId === undefined ? department.parentId : input.parentId
      const moved = parentId !== department.parentId
      if (moved || level !== department.level) {
        const parent = await checkPlacement(trx, parentId, level, department.path)
        await checkChildrenFit(trx, department, level)
        if (moved) {
          const oldPath = department.path
          const newPath = childPath(parent?.path ?? null, department.id)
          await trx
            .from('departments')
            .whereLike('path', `${oldPath}%`)
            .update({ path: db.raw('? || substr(path, ?)', [newPath, oldPath.length + 1]) })
          department.path = newPath
        }
      }
      department.merge({
        code: input.code ?? department.code,
        name: input.name ?? department.name,
        contactEmails: input.contactEmails ?? department.contactEmails,
        level,
        parentId,
      })
      await department.save()
      return department
    })
  }
}
