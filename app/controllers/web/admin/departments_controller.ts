import type { HttpContext } from '@adonisjs/core/http'
import DepartmentBuilder from '#builders/department_builder'
import Department from '#models/department'
import CreateDepartment from '#actions/org/create_department'
import UpdateDepartment from '#actions/org/update_department'
import SetNodeActive from '#actions/org/set_node_active'
import { DEPARTMENT_LEVELS } from '#domain/department_levels'
import { optionalId, splitList } from '#services/form_input'
import {
  createDepartmentValidator,
  listDepartmentsValidator,
  updateDepartmentContactsValidator,
  updateDepartmentValidator,
} from '#validators/department'

/** Admin pages for 承办单位; the same use cases and scopes as the JSON API. */
export default class DepartmentsPagesController {
  async index({ auth, request, view }: HttpContext) {
    const filters = await request.validateUsing(listDepartmentsValidator, { data: request.qs() })
    const query = DepartmentBuilder.visibleTo(auth.getUserOrFail()).preload('parent')
    if (filters.q) {
      query.where((q) =>
        q.whereILike('name', `%${filters.q}%`).orWhereILike('code', `%${filters.q}%`)
      )
    }
    const page = await query.orderBy('path').paginate(filters.page ?? 1, 50)
    page.baseUrl(request.url())
    return view.render('pages/admin/departments/index', { page, q: filters.q ?? '' })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with('DepartmentPolicy').authorize('create')
    return view.render('pages/admin/departments/form', await this.formData(null))
  }

  async store({ bouncer, i18n, request, response, session }: HttpContext) {
    await bouncer.with('DepartmentPolicy').authorize('create')
    const input = await request.validateUsing(createDepartmentValidator, {
      data: this.formInput(request),
    })
    await new CreateDepartment().handle(input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.departments.index')
  }

  async edit({ auth, bouncer, params, view }: HttpContext) {
    const department = await DepartmentBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    await bouncer.with('DepartmentPolicy').authorize('updateContacts')
    const full = await bouncer.with('DepartmentPolicy').allows('update')
    return view.render('pages/admin/departments/form', {
      ...(await this.formData(department)),
      full,
    })
  }

  async update({ auth, bouncer, i18n, params, request, response, session }: HttpContext) {
    const department = await DepartmentBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    const data = this.formInput(request)
    const canEditAll = await bouncer.with('DepartmentPolicy').allows('update')
    if (!canEditAll) await bouncer.with('DepartmentPolicy').authorize('updateContacts')
    const input = canEditAll
      ? await request.validateUsing(updateDepartmentValidator, {
          data,
          meta: { id: department.id },
        })
      : await request.validateUsing(updateDepartmentContactsValidator, { data })
    await new UpdateDepartment().handle(department.id, input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.departments.index')
  }

  async toggle({ auth, bouncer, i18n, params, request, response, session }: HttpContext) {
    const department = await DepartmentBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    await bouncer.with('DepartmentPolicy').authorize('deactivate')
    await new SetNodeActive().handle(Department, department.id, request.input('active') === 'true')
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().back()
  }

  private async formData(department: Department | null) {
    const parents = await Department.query().where('is_active', true).orderBy('path')
    return { department, parents, levels: DEPARTMENT_LEVELS, full: true }
  }

  /** Form posts send the email list as one text field and empty selects as ''. */
  private formInput(request: HttpContext['request']) {
    const body = request.only(['code', 'name', 'level', 'parentId', 'contactEmails'])
    return {
      ...body,
      parentId: optionalId(body.parentId),
      contactEmails: splitList(body.contactEmails),
    }
  }
}
