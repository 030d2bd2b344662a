import type User from '#models/user'
import NotificationBuilder from '#builders/notification_builder'
import clock from '#services/clock_service'

/**
 * Marks one of the user's notifications read (404 for anyone else's).
 * Reading it again keeps the first time it was read.
 */
export default class MarkNotificationRead {
  async handle(user: User, id: number) {
    const notification = await NotificationBuilder.findOwnedOrFail(user, id)
    if (!notification.readAt) {
      notification.readAt = clock.now()
      await notification.save()
    }
    return notification
  }
}
