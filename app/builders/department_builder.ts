import Department from '#models/department'
import type User from '#models/user'
import { reachOf, whereDepartmentWithin } from '#builders/department_reach'
import { notFound } from '#exceptions/domain_error'

/**
 * Department reads. The default scope is what the user may reach; there is no
 * unscoped entry point here on purpose (use `Department.query()` in use cases
 * that have already authorised).
 */
export default class DepartmentBuilder {
  static visibleTo(user: User) {
    const reach = reachOf(user)
    return whereDepartmentWithin(Department.query(), 'departments.id', reach)
  }

  /** One department, or null when it does not exist or lies outside the user's reach. */
  static async findVisible(user: User, id: number) {
    const query = this.visibleTo(user)
    return query.where('departments.id', id).first()
  }

  /** As findVisible, but answers 404 (E_NOT_FOUND) instead of null. */
  static async findVisibleOrFail(user: User, id: number) {
    const department = await this.findVisible(user, id)
    if (!department) throw notFound()
    return department
  }

  /** 404 unless `departmentId` (when given) lies within the user's reach. */
  static async assertReachable(user: User, departmentId: number | null | undefined) {
    if (departmentId) await this.findVisibleOrFail(user, departmentId)
  }
}
