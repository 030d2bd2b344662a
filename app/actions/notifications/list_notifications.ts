import type User from '#models/user'
import NotificationBuilder from '#builders/notification_builder'

export interface ListNotificationsInput {
  unread?: boolean
  page?: number
  perPage?: number
}

/** The user's notifications, newest first; `unread` keeps the unread ones only. */
export default class ListNotifications {
  handle(user: User, input: ListNotificationsInput) {
    const query = NotificationBuilder.ownedBy(user)
    if (input.unread) query.whereNull('read_at')
    return query.orderBy('id', 'desc').paginate(input.page ?? 1, input.perPage ?? 20)
  }
}
