import type User from '#models/user'
import NotificationBuilder from '#builders/notification_builder'

/** How many of the user's notifications are unread (the badge in the header). */
export default class CountUnreadNotifications {
  async handle(user: User): Promise<number> {
    const row = await NotificationBuilder.ownedBy(user).whereNull('read_at').count('* as total')
    return Number(row[0].$extras.total)
  }
}
