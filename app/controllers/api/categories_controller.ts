import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CreateCategory from '#actions/org/create_category'
import UpdateCategory from '#actions/org/update_category'
import SetNodeActive from '#actions/org/set_node_active'
import {
  createCategoryValidator,
  listCategoriesValidator,
  updateCategoryValidator,
} from '#validators/category'

export default class CategoriesController {
  /** The whole tree (a few hundred rows), ordered so parents precede children. */
  async index({ request }: HttpContext) {
    const filters = await request.validateUsing(listCategoriesValidator, { data: request.qs() })
    const query = Category.query().orderBy('path')
    if (filters.q)
      query.where((q) =>
        q.whereILike('name', `%${filters.q}%`).orWhereILike('code', `${filters.q}%`)
      )
    if (filters.parentId) query.where('parent_id', filters.parentId)
    if (filters.active !== undefined) query.where('is_active', filters.active)
    return { data: await query }
  }

  async show({ params }: HttpContext) {
    return { data: await Category.findOrFail(params.id) }
  }

  async store({ bouncer, request, response }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const input = await request.validateUsing(createCategoryValidator)
    return response.created({ data: await new CreateCategory().handle(input) })
  }

  async update({ bouncer, params, request }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const category = await Category.findOrFail(params.id)
    const input = await request.validateUsing(updateCategoryValidator, {
      meta: { id: category.id },
    })
    return { data: await new UpdateCategory().handle(category.id, input) }
  }

  async deactivate(ctx: HttpContext) {
    return this.setActive(ctx, false)
  }

  async activate(ctx: HttpContext) {
    return this.setActive(ctx, true)
  }

  private async setActive({ bouncer, params }: HttpContext, active: boolean) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const category = await Category.findOrFail(params.id)
    return { data: await new SetNodeActive().handle(Category, category.id, active) }
  }
}
