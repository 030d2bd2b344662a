import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import Notification from '#models/notification'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { insertInChunks } from '#services/bulk_insert'
import type { Recipient } from '#timers/recipients'

export interface Alert {
  people: readonly Recipient[]
  ticket: { id: number; code: string; title: string }
  /** the notification kind and mail kind, e.g. 'deadline_warned' */
  kind: string
  /** one per timer point: a second firing inserts nothing */
  causeKey: string
  payload: Record<string, unknown>
}

/**
 * Tells the people of each alert, in the caller's transaction: an in-app
 * notification and a queued mail per person, in bulk however many alerts. Both are keyed by the point, so repeating a point can never
 * double them.
 */
export async function alertPeople(
  trx: TransactionClientContract,
  alerts: readonly Alert[],
  now: DateTime
): Promise<number> {
  const rows = alerts.flatMap((alert) => alert.people.map((person) => ({ alert, person })))
  if (rows.length === 0) return 0
  await insertInChunks(
    trx,
    Notification.table,
    rows.map(({ alert, person }) => ({
      user_id: person.id,
      ticket_id: alert.ticket.id,
      kind: alert.kind,
      dedupe_key: alert.causeKey,
      data: JSON.stringify({
        ...alert.payload,
        code: alert.ticket.code,
        title: alert.ticket.title,
      }),
      created_at: now.toJSDate(),
    })),
    ['user_id', 'dedupe_key']
  )
  await enqueueOutbox(
    trx,
    rows.map(({ alert, person }) => ({
      topic: 'mail' as const,
      dedupeKey: `${alert.causeKey}:${person.id}`,
      payload: {
        kind: alert.kind,
        to: [person.email],
        userId: person.id,
        ticketId: alert.ticket.id,
        code: alert.ticket.code,
        title: alert.ticket.title,
        ...alert.payload,
      },
    }))
  )
  return rows.length
}
