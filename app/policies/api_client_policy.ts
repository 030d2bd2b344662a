import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Machine clients hold signing secrets: admins only. */
export default class ApiClientPolicy extends BasePolicy {
  manage(user: User) {
    return user.role === 'admin'
  }
}
