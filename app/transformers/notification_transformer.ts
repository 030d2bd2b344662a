import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import type Notification from '#models/notification'
import { ZONE, toIso } from '#services/clock_service'

const DUE_FORMAT = { 'zh-CN': "M'月'd'日' HH:mm", 'en': 'd LLL HH:mm' } as const

/** A notification as the API shows it: the stored facts plus one line in the caller's language. */
export function notificationJson(notification: Notification, i18n: I18n) {
  const data = notification.data as Record<string, any>
  const locale = i18n.locale === 'en' ? 'en' : 'zh-CN'
  const dueAt = data.dueAt
    ? DateTime.fromISO(data.dueAt).setZone(ZONE).setLocale(locale).toFormat(DUE_FORMAT[locale])
    : ''
  return {
    id: notification.id,
    kind: notification.kind,
    ticketId: notification.ticketId,
    ticketCode: data.code ?? null,
    message: i18n.t(`messages.notifications.${notification.kind}`, {
      code: data.code ?? '',
      step: data.step ? i18n.t(`messages.steps.${data.step}`) : '',
      dueAt,
    }),
    data,
    readAt: toIso(notification.readAt),
    createdAt: toIso(notification.createdAt),
  }
}
