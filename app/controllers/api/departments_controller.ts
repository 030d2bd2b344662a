import type { HttpContext } from '@adonisjs/core/http'
import DepartmentBuilder from '#builders/department_builder'
import Department from '#models/department'
import CreateDepartment from '#actions/org/create_department'
import UpdateDepartment from '#actions/org/update_department'
import SetNodeActive from '#actions/org/set_node_active'
import {
  createDepartmentValidator,
  listDepartmentsValidator,
  updateDepartmentContactsValidator,
  updateDepartmentValidator,
} from '#validators/department'

export default class DepartmentsController {
  async index({ auth, request }: HttpContext) {
    const filters = await request.validateUsing(listDepartmentsValidator, { data: request.qs() })
    const query = DepartmentBuilder.visibleTo(auth.getUserOrFail())
    if (filters.q)
      query.where((q) =>
        q.whereILike('name', `%${filters.q}%`).orWhereILike('code', `%${filters.q}%`)
      )
    if (filters.level) query.where('level', filters.level)
    if (filters.parentId) query.where('parent_id', filters.parentId)
    if (filters.active !== undefined) query.where('is_active', filters.active)
    const page = await query.orderBy('path').paginate(filters.page ?? 1, filters.perPage ?? 50)
    page.baseUrl(request.url())
    return page.serialize()
  }

  async show({ auth, params }: HttpContext) {
    const department = await DepartmentBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    return { data: department }
  }

  async store({ bouncer, request, response }: HttpContext) {
    await bouncer.with('DepartmentPolicy').authorize('create')
    const input = await request.validateUsing(createDepartmentValidator)
    const department = await new CreateDepartment().handle(input)
    return response.created({ data: department })
  }

  /** Admins edit everything; department leaders only the contact emails of their subtree. */
  async update({ auth, bouncer, params, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const department = await DepartmentBuilder.findVisibleOrFail(user, params.id)
    if (await bouncer.with('DepartmentPolicy').allows('update')) {
      const input = await request.validateUsing(updateDepartmentValidator, {
        meta: { id: department.id },
      })
      return { data: await new UpdateDepartment().handle(department.id, input) }
    }
    await bouncer.with('DepartmentPolicy').authorize('updateContacts')
    const input = await request.validateUsing(updateDepartmentContactsValidator)
    return { data: await new UpdateDepartment().handle(department.id, input) }
  }

  async deactivate(ctx: HttpContext) {
    return this.setActive(ctx, false)
  }

  async activate(ctx: HttpContext) {
    return this.setActive(ctx, true)
  }

  private async setActive({ auth, bouncer, params }: HttpContext, active: boolean) {
    const department = await DepartmentBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    await bouncer.with('DepartmentPolicy').authorize('deactivate')
    return { data: await new SetNodeActive().handle(Department, department.id, active) }
  }
}
