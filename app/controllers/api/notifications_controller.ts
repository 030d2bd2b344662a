import type { HttpContext } from '@adonisjs/core/http'
import ListNotifications from '#actions/notifications/list_notifications'
import CountUnreadNotifications from '#actions/notifications/count_unread_notifications'
import MarkNotificationRead from '#actions/notifications/mark_notification_read'
import MarkAllNotificationsRead from '#actions/notifications/mark_all_notifications_read'
import { notificationJson } from '#transformers/notification_transformer'
import { listNotificationsValidator } from '#validators/notification'

/** The caller's own in-app notifications; every role has them, nobody sees another's. */
export default class NotificationsController {
  async index({ auth, i18n, request }: HttpContext) {
    const filters = await request.validateUsing(listNotificationsValidator, { data: request.qs() })
    const page = await new ListNotifications().handle(auth.getUserOrFail(), filters)
    page.baseUrl(request.url())
    const { meta } = page.serialize()
    return { meta, data: page.all().map((notification) => notificationJson(notification, i18n)) }
  }

  async unreadCount({ auth }: HttpContext) {
    return { data: { unread: await new CountUnreadNotifications().handle(auth.getUserOrFail()) } }
  }

  async read({ auth, i18n, params }: HttpContext) {
    const notification = await new MarkNotificationRead().handle(auth.getUserOrFail(), params.id)
    return { data: notificationJson(notification, i18n) }
  }

  async readAll({ auth }: HttpContext) {
    return { data: { marked: await new MarkAllNotificationsRead().handle(auth.getUserOrFail()) } }
  }
}
