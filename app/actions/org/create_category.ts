import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import { childPath } from '#domain/tree_path'
import { checkCategoryParent } from '#actions/org/category_placement'

export interface CreateCategoryInput {
  code: string
  name: string
  parentId?: number | null
  defaultDepartmentId?: number | null
}

export default class CreateCategory {
  async handle(input: CreateCategoryInput): Promise<Category> {
    return db.transaction(async (trx) => {
      const parent = await checkCategoryParent(trx, input.parentId ?? null, 1)
      const category = await Category.create(
        {
          code: input.code,
          name: input.name,
          parentId: parent?.id ?? null,
          depth: (parent?.depth ?? 0) + 1,
          defaultDepartmentId: input.defaultDepartmentId ?? null,
          isActive: true,
        },
        { client: trx }
      )
      category.path = childPath(parent?.path ?? null, category.id)
      await category.save()
      return category
    })
  }
}
