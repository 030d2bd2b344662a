import db from '@adonisjs/lucid/services/db'
import Department from '#models/department'
import type { DepartmentLevel } from '#domain/department_levels'
import { childPath } from '#domain/tree_path'
import { checkPlacement } from '#actions/org/department_placement'

export interface CreateDepartmentInput {
  code: string
  name: string
  level: DepartmentLevel
  parentId?: number | null
  contactEmails?: string[]
}

export default class CreateDepartment {
  async handle(input: CreateDepartmentInput): Promise<Department> {
    return db.transaction(async (trx) => {
      const parent = await checkPlacement(trx, input.parentId ?? null, input.level)
      const department = await Department.create(
        {
          code: input.code,
          name: input.name,
          level: input.level,
          parentId: parent?.id ?? null,
          contactEmails: input.contactEmails ?? [],
          isActive: true,
        },
        { client: trx }
      )
      // The path needs the new id, hence the second write in the same transaction.
      department.path = childPath(parent?.path ?? null, department.id)
      await department.save()
      return department
    })
  }
}
