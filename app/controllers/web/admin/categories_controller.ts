import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import Department from '#models/department'
import CreateCategory from '#actions/org/create_category'
import UpdateCategory from '#actions/org/update_category'
import SetNodeActive from '#actions/org/set_node_active'
import { optionalId } from '#services/form_input'
import {
  createCategoryValidator,
  listCategoriesValidator,
  updateCategoryValidator,
} from '#validators/category'

/** Admin pages for 事项分类. Everyone reads the tree; admins edit it. */
export default class CategoriesPagesController {
  async index({ request, view }: HttpContext) {
    const filters = await request.validateUsing(listCategoriesValidator, { data: request.qs() })
    const query = Category.query().preload('defaultDepartment').orderBy('path')
    if (filters.q) {
      query.where((q) =>
        q.whereILike('name', `%${filters.q}%`).orWhereILike('code', `${filters.q}%`)
      )
    }
    return view.render('pages/admin/categories/index', {
      categories: await query,
      q: filters.q ?? '',
    })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    return view.render('pages/admin/categories/form', await this.formData(null))
  }

  async store({ bouncer, i18n, request, response, session }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const input = await request.validateUsing(createCategoryValidator, {
      data: this.formInput(request),
    })
    await new CreateCategory().handle(input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.categories.index')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    return view.render(
      'pages/admin/categories/form',
      await this.formData(await Category.findOrFail(params.id))
    )
  }

  async update({ bouncer, i18n, params, request, response, session }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const category = await Category.findOrFail(params.id)
    const input = await request.validateUsing(updateCategoryValidator, {
      data: this.formInput(request),
      meta: { id: category.id },
    })
    await new UpdateCategory().handle(category.id, input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.categories.index')
  }

  async toggle({ bouncer, i18n, params, request, response, session }: HttpContext) {
    await bouncer.with('CategoryPolicy').authorize('manage')
    const category = await Category.findOrFail(params.id)
    await new SetNodeActive().handle(Category, category.id, request.input('active') === 'true')
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().back()
  }

  private async formData(category: Category | null) {
    const [parents, departments] = await Promise.all([
      Category.query().where('is_active', true).where('depth', '<', 3).orderBy('path'),
      Department.query().where('is_active', true).orderBy('path'),
    ])
    return { category, parents, departments }
  }

  private formInput(request: HttpContext['request']) {
    const body = request.only(['code', 'name', 'parentId', 'defaultDepartmentId'])
    return {
      ...body,
      parentId: optionalId(body.parentId),
      defaultDepartmentId: optionalId(body.defaultDepartmentId),
    }
  }
}
