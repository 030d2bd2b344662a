import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import { CENTER_ROLES } from '#domain/roles'

/** Time limits are the center's rules: center roles read them, admins change them. */
export default class SlaPolicyPolicy extends BasePolicy {
  view(user: User) {
    return CENTER_ROLES.includes(user.role)
  }

  manage(user: User) {
    return user.role === 'admin'
  }
}
