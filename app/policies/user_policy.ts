import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type { Role } from '#domain/roles'

const READERS: readonly Role[] = ['admin', 'supervisor', 'auditor', 'department_leader']

export default class UserPolicy extends BasePolicy {
  view(user: User) {
    return READERS.includes(user.role)
  }

  /** Admins manage everyone; department leaders manage their own staff. */
  manage(user: User) {
    return user.role === 'admin' || user.role === 'department_leader'
  }

  /** Whether `user` may give (or change) an account with `role`. */
  assignRole(user: User, role: Role) {
    return (
      user.role === 'admin' || (user.role === 'department_leader' && role === 'department_staff')
    )
  }
}
