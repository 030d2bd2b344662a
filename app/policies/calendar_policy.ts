import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Working calendars and their holiday schedules drive every deadline: admins only. */
export default class CalendarPolicy extends BasePolicy {
  manage(user: User) {
    return user.role === 'admin'
  }
}
