import User from '#models/user'
import { reachOf, whereDepartmentWithin } from '#builders/department_reach'
import { notFound } from '#exceptions/domain_error'

/** User reads scoped like departments: a leader sees the users of their subtree. */
export default class UserBuilder {
  static visibleTo(viewer: User) {
    const reach = reachOf(viewer)
    return whereDepartmentWithin(User.query(), 'users.department_id', reach)
  }

  static async findVisible(viewer: User, id: number) {
    const query = this.visibleTo(viewer)
    return query.where('users.id', id).first()
  }

  static async findVisibleOrFail(viewer: User, id: number) {
    const user = await this.findVisible(viewer, id)
    if (!user) throw notFound()
    return user
  }
}
