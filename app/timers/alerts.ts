import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import Notification from '#models/notification'
import type Ticket from '#models/ticket'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { recipientsFor, type Audience } from '#timers/recipients'

export interface Alert {
  audiences: readonly Audience[]
  departmentId: number
  ticket: Ticket
  /** the notification kind and mail kind, e.g. 'deadline_warned' */
  kind: string
  /** one per timer point: a second firing inserts nothing */
  causeKey: string
  payload: Record<string, unknown>
  now: DateTime
}

/**
 * Tells the audiences of a timer point, in the caller's transaction: an
 * in-app notification and a queued mail per person. Both are keyed by the
 * point, so repeating a point can never double them.
 */
export async function alertPeople(trx: TransactionClientContract, alert: Alert): Promise<number> {
  const people = await recipientsFor(trx, alert.audiences, alert.departmentId)
  if (people.length === 0) return 0
  const { ticket } = alert
  await trx
    .insertQuery()
    .table(Notification.table)
    .insert(
      people.map((user) => ({
        user_id: user.id,
        ticket_id: ticket.id,
        kind: alert.kind,
        dedupe_key: alert.causeKey,
        data: JSON.stringify({ ...alert.payload, code: ticket.code, title: ticket.title }),
        created_at: alert.now.toJSDate(),
      }))
    )
    .knexQuery.onConflict(['user_id', 'dedupe_key'])
    .ignore()
  await enqueueOutbox(
    trx,
    people.map((user) => ({
      topic: 'mail' as const,
      dedupeKey: `${alert.causeKey}:${user.id}`,
      payload: {
        kind: alert.kind,
        to: [user.email],
        userId: user.id,
        ticketId: ticket.id,
        code: ticket.code,
        title: ticket.title,
        ...alert.payload,
      },
    }))
  )
  return people.length
}
