import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import UserBuilder from '#builders/user_builder'
import DepartmentBuilder from '#builders/department_builder'
import CreateUser from '#actions/org/create_user'
import UpdateUser from '#actions/org/update_user'
import SetUserActive from '#actions/org/set_user_active'
import { ROLES } from '#domain/roles'
import { optionalId } from '#services/form_input'
import { createUserValidator, listUsersValidator, updateUserValidator } from '#validators/user'

/** Admin pages for accounts; leaders see and manage their own staff. */
export default class UsersPagesController {
  async index({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('view')
    const filters = await request.validateUsing(listUsersValidator, { data: request.qs() })
    const query = UserBuilder.visibleTo(auth.getUserOrFail()).preload('department')
    if (filters.q) {
      query.where((q) =>
        q.whereILike('full_name', `%${filters.q}%`).orWhereILike('email', `%${filters.q}%`)
      )
    }
    const page = await query.orderBy('id').paginate(filters.page ?? 1, 50)
    page.baseUrl(request.url())
    return view.render('pages/admin/users/index', { page, q: filters.q ?? '' })
  }

  async create({ auth, bouncer, view }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    return view.render('pages/admin/users/form', await this.formData(auth.getUserOrFail(), null))
  }

  async store({ auth, bouncer, i18n, request, response, session }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const input = await request.validateUsing(createUserValidator, {
      data: this.formInput(request),
    })
    await bouncer.with('UserPolicy').authorize('assignRole', input.role)
    await DepartmentBuilder.assertReachable(auth.getUserOrFail(), input.departmentId)
    await new CreateUser().handle(input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.users.index')
  }

  async edit({ auth, bouncer, params, view }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const viewer = auth.getUserOrFail()
    const user = await UserBuilder.findVisibleOrFail(viewer, params.id)
    await bouncer.with('UserPolicy').authorize('assignRole', user.role)
    return view.render('pages/admin/users/form', await this.formData(viewer, user))
  }

  async update({ auth, bouncer, i18n, params, request, response, session }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const viewer = auth.getUserOrFail()
    const user = await UserBuilder.findVisibleOrFail(viewer, params.id)
    await bouncer.with('UserPolicy').authorize('assignRole', user.role)
    const input = await request.validateUsing(updateUserValidator, {
      data: this.formInput(request),
      meta: { id: user.id },
    })
    if (input.role) await bouncer.with('UserPolicy').authorize('assignRole', input.role)
    await DepartmentBuilder.assertReachable(viewer, input.departmentId)
    await new UpdateUser().handle(user, input)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.users.index')
  }

  async toggle({ auth, bouncer, i18n, params, request, response, session }: HttpContext) {
    await bouncer.with('UserPolicy').authorize('manage')
    const user = await UserBuilder.findVisibleOrFail(auth.getUserOrFail(), params.id)
    await bouncer.with('UserPolicy').authorize('assignRole', user.role)
    await new SetUserActive().handle(user, request.input('active') === 'true')
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().back()
  }

  private async formData(viewer: User, user: User | null) {
    const departments = await DepartmentBuilder.visibleTo(viewer)
      .where('is_active', true)
      .orderBy('path')
    const roles = viewer.role === 'admin' ? ROLES : (['department_staff'] as const)
    return { user, departments, roles }
  }

  /** An empty password on the edit form means "keep the current one". */
  private formInput(request: HttpContext['request']) {
    const body = request.only(['fullName', 'email', 'password', 'role', 'departmentId'])
    return {
      ...body,
      password: body.password || undefined,
      departmentId: optionalId(body.departmentId),
    }
  }
}
