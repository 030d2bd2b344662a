import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

export default class CategoryPolicy extends BasePolicy {
  /** Everyone signed in reads the category tree: intake and routing need it. */
  view(_user: User) {
    return true
  }

  manage(user: User) {
    return user.role === 'admin'
  }
}
