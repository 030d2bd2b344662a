import type User from '#models/user'
import NotificationBuilder from '#builders/notification_builder'
import clock from '#services/clock_service'

/** Marks every unread notification of the user read; answers how many it marked. */
export default class MarkAllNotificationsRead {
  async handle(user: User): Promise<number> {
    const result = await NotificationBuilder.ownedBy(user)
      .whereNull('read_at')
      .update({ read_at: clock.now().toJSDate() })
    return Number(result[0] ?? 0)
  }
}
