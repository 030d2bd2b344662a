import db from '@adonisjs/lucid/services/db'
import Department from '#models/department'
import Category from '#models/category'
import User from '#models/user'
import { childPath } from '#domain/tree_path'
import { departmentSeeds } from '#database/demo_data/departments'
import { categorySeeds } from '#database/demo_data/categories'
import { DEMO_PASSWORD, demoUserSeeds } from '#database/demo_data/demo_users'

/**
 * The demo city's departments, categories and one account per role.
 * Rows are matched by code or email and updated in place; demo passwords are
 * reset to DEMO_PASSWORD.
 */
export async function seedOrganisation() {
  await db.transaction(async (trx) => {
    const departmentIds = new Map<string, { id: number; path: string }>()
    for (const seed of departmentSeeds) {
      const parent = seed.parentCode ? departmentIds.get(seed.parentCode)! : null
      const department = await Department.updateOrCreate(
        { code: seed.code },
        {
          name: seed.name,
          level: seed.level,
          parentId: parent?.id ?? null,
          contactEmails: seed.contactEmails,
          isActive: true,
        },
        { client: trx }
      )
      department.path = childPath(parent?.path ?? null, department.id)
      await department.save()
      departmentIds.set(seed.code, { id: department.id, path: department.path })
    }

    const categoryIds = new Map<string, { id: number; path: string; depth: number }>()
    for (const seed of categorySeeds) {
      const parent = seed.parentCode ? categoryIds.get(seed.parentCode)! : null
      const category = await Category.updateOrCreate(
        { code: seed.code },
        {
          name: seed.name,
          parentId: parent?.id ?? null,
          depth: (parent?.depth ?? 0) + 1,
          defaultDepartmentId: seed.defaultDepartmentCode
            ? departmentIds.get(seed.defaultDepartmentCode)!.id
            : null,
          isActive: true,
        },
        { client: trx }
      )
      category.path = childPath(parent?.path ?? null, category.id)
      await category.save()
      categoryIds.set(seed.code, { id: category.id, path: category.path, depth: category.depth })
    }

    for (const seed of demoUserSeeds) {
      await User.updateOrCreate(
        { email: seed.email },
        {
          fullName: seed.fullName,
          role: seed.role,
          password: DEMO_PASSWORD,
          departmentId: seed.departmentCode ? departmentIds.get(seed.departmentCode)!.id : null,
          isActive: true,
        },
        { client: trx }
      )
    }
  })
}
