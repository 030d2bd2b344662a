import Notification from '#models/notification'
import type User from '#models/user'
import { notFound } from '#exceptions/domain_error'

/**
 * Notifications are personal: every read starts from the owner's own, and
 * anyone else's answers 404 exactly like a missing one. No role widens this.
 */
export default class NotificationBuilder {
  static ownedBy(user: User) {
    return Notification.query().where('user_id', user.id)
  }

  static async findOwnedOrFail(user: User, id: number) {
    const notification = await this.ownedBy(user).where('id', id).first()
    if (!notification) throw notFound()
    return notification
  }
}
