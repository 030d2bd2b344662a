import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import { childPath } from '#domain/tree_path'
import { checkCategoryParent, subtreeHeight } from '#actions/org/category_placement'

export interface UpdateCategoryInput {
  code?: string
  name?: string
  parentId?: number | null
  defaultDepartmentId?: number | null
}

/** Edits a category; a move re-roots the subtree's paths and depths together. */
export default class UpdateCategory {
  async handle(id: number, input: UpdateCategoryInput): Promise<Category> {
    return db.transaction(async (trx) => {
      const category = await Category.query({ client: trx })
        .where('id', id)
        .forUpdate()
        .firstOrFail()
      const parentId = input.parentId === undefined ? category.parentId : input.parentId
      if (parentId !== category.parentId) {
        const height = await subtreeHeight(trx, category)
        const parent = await checkCategoryParent(trx, parentId, height, category.path)
        const oldPath = category.path
        const newPath = childPath(parent?.path ?? null, category.id)
        const depthShift = (parent?.depth ?? 0) + 1 - category.depth
        await trx
          .from('categories')
          .whereLike('path', `${oldPath}%`)
          .update({
            path: db.raw('? || substr(path, ?)', [newPath, oldPath.length + 1]),
            depth: db.raw('depth + ?', [depthShift]),
          })
        category.path = newPath
        category.depth += depthShift
      }
      category.merge({
        code: input.code ?? category.code,
        name: input.name ?? category.name,
        parentId,
        defaultDepartmentId:
          input.defaultDepartmentId === undefined
            ? category.defaultDepartmentId
            : input.defaultDepartmentId,
      })
      await category.save()
      return category
    })
  }
}
