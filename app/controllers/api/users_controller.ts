import type { HttpContext } from '@adonisjs/core/http'
import UserBuilder from '#builders/user_builder'
import DepartmentBuilder from '#builders/department_builder'
import CreateUser from '#actions/org/create_user'
import UpdateUser from '#actions/org/update_user'
import SetUserActive from '#actions/org/set_user_active'
import { createUserValidator, listUsersValidator, updateUserValidator } from '#validators/user'

export default class UsersController {
  async index({ auth, bouncer, request }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('view')
    const filters = await request.validateUsing(listUsersValidator, { data: request.qs() })
    const query = UserBuilder.visibleTo(auth.getUserOrFail())
    if (filters.q)
      query.where((q) =>
        q.whereILike('full_name', `%${filters.q}%`).orWhereILike('email', `%${filters.q}%`)
      )
    if (filters.role) query.where('role', filters.role)
    if (filters.departmentId) query.where('department_id', filters.departmentId)
    if (filters.active !== undefined) query.where('is_active', filters.active)
    const page = await query.orderBy('id').paginate(filters.page ?? 1, filters.perPage ?? 50)
    page.baseUrl(request.url())
    return page.serialize()
  }

  async show({ auth, bouncer, params }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('view')
    return { data: await UserBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id) }
  }

  async store({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const input = await request.validateUsing(createUserValidator)
    await bouncer.with('UserPolicy').authorize('assignRole', input.role)
    await DepartmentBuilder.assertReachable(auth.getUserOrFail(), input.departmentId)
    return response.created({ data: await new CreateUser().handle(input) })
  }

  async update({ auth, bouncer, params, request }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const viewer = auth.getUserOrFail()
    const user = await UserBuilder.findVisibleOrFail(viewer, params.id)
    const input = await request.validateUsing(updateUserValidator, { meta: { id: user.id } })
    await bouncer.with('UserPolicy').authorize('assignRole', user.role)
    if (input.role) await bouncer.with('UserPolicy').authorize('assignRole', input.role)
    await DepartmentBuilder.assertReachable(viewer, input.departmentId)
    return { data: await new UpdateUser().handle(user, input) }
  }

  async deactivate(ctx: HttpContext) {
    return this.setActive(ctx, false)
  }

  async activate(ctx: HttpContext) {
    return this.setActive(ctx, true)
  }

  private async setActive({ auth, bouncer, params }: HttpContext, active: boolean) {
    await bouncer.with('UserPolicy').authorize('manage')
    const user = await UserBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    await bouncer.with('UserPolicy').authorize('assignRole', user.role)
    return { data: await new SetUserActive().handle(user, active) }
  }
}
