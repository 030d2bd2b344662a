import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Which roles may act on departments. Scoping (which ones) is in DepartmentBuilder. */
export default class DepartmentPolicy extends BasePolicy {
  view(_user: User) {
    return true
  }

  create(user: User) {
    return user.role === 'admin'
  }

  /** Leaders may keep the contact details of their own subtree current. */
  updateContacts(user: User) {
    return user.role === 'admin' || user.role === 'department_leader'
  }

  update(user: User) {
    return user.role === 'admin'
  }

  deactivate(user: User) {
    return user.role === 'admin'
  }
}
