import { listNotificationsValidator } from '#validators/notification'
import { errorResponses, operation } from './components.js'
import { found, paged } from './organisation.js'
import {
  V1,
  dataOf,
  dateTime,
  enumOf,
  id,
  int,
  json,
  nullable,
  pathId,
  queryFrom,
  record,
  str,
  type ApiArea,
} from './schema.js'

const KINDS = ['deadline_warned', 'deadline_breached', 'deadline_escalated']

export const notificationsArea: ApiArea = {
  tag: {
    name: 'notifications',
    description:
      'The caller’s own in-app notices from the deadline timers: a warning before a sign ' +
      '(签收) or handle (办理) deadline, its breach, and the escalation to supervisors. ' +
      'Nobody sees or marks another person’s notifications (404).',
  },
  schemas: {
    Notification: record({
      id: id(),
      kind: enumOf(KINDS),
      ticketId: nullable(id()),
      ticketCode: nullable(str()),
      message: str({ description: 'One line in the caller’s language (Accept-Language).' }),
      data: {
        type: 'object',
        description:
          'What the timer knew: step (sign, handle), dueAt, departmentId, assignmentId, code, ' +
          'title, and the deadline explanation in zh-CN and en (null when the deadline moved).',
      },
      readAt: nullable(dateTime()),
      createdAt: dateTime(),
    }),
  },
  paths: {
    [`${V1}/notifications`]: {
      get: operation('api.notifications.index', {
        summary: 'List the caller’s notifications, newest first',
        parameters: queryFrom(listNotificationsValidator, {
          unread: { description: 'Only the unread ones.' },
        }),
        responses: {
          200: json('A page of notifications.', paged('Notification')),
          ...errorResponses(422),
        },
      }),
    },
    [`${V1}/notifications/unread-count`]: {
      get: operation('api.notifications.unread_count', {
        summary: 'How many of the caller’s notifications are unread',
        responses: { 200: json('The count.', dataOf(record({ unread: int({ minimum: 0 }) }))) },
      }),
    },
    [`${V1}/notifications/{id}/read`]: {
      post: operation('api.notifications.read', {
        summary: 'Mark one of the caller’s notifications read',
        description: 'Marking it again keeps the first reading time.',
        parameters: [pathId('notification')],
        responses: { 200: found('notification', 'Notification'), ...errorResponses(404) },
      }),
    },
    [`${V1}/notifications/read-all`]: {
      post: operation('api.notifications.read_all', {
        summary: 'Mark all the caller’s notifications read',
        responses: {
          200: json('How many were unread.', dataOf(record({ marked: int({ minimum: 0 }) }))),
        },
      }),
    },
  },
}
