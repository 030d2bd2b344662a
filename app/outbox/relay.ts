import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import mailConfig from '#config/mail_batching'
import queues from '#services/queues'
import clock from '#services/clock_service'

/**
 * Moves pending outbox rows into BullMQ (architecture.md, "the outbox").
 * Mail rows are grouped per recipient into a batch job per time window, so a
 * burst of alerts becomes one mail. Rows are claimed with SKIP LOCKED, so
 * several relays (scaled-out workers) never take the same row; a relay that
 * dies before commit leaves them pending and the next run re-adds them under
 * the same job ids.
 */
export async function relayOutbox(now: DateTime = clock.now()): Promise<number> {
  return db.transaction(async (trx) => {
    const rows = await trx
      .from('outbox_messages')
      .where('status', 'pending')
      .where('available_at', '<=', now.toJSDate())
      .orderBy('id')
      .limit(500)
      .forUpdate()
      .skipLocked()
    if (rows.length === 0) return 0
    const windowMs = mailConfig.batchWindowSeconds * 1000
    const windowEnd = Math.ceil((now.toMillis() + 1) / windowMs) * windowMs
    const recipients = new Set<string>()
    for (const row of rows) {
      const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
      if (row.topic === 'mail') for (const to of payload.to as string[]) recipients.add(to)
    }
    for (const recipient of recipients) {
      const added = await queues.add(
        'outbox',
        'mail-batch',
        { recipient, windowEnd },
        {
          jobId: `mail-${Buffer.from(recipient).toString('base64url')}-${windowEnd}`,
          delay: Math.max(0, windowEnd - now.toMillis()),
          attempts: mailConfig.attempts,
          backoff: { type: 'exponential', delay: mailConfig.backoffMs },
        }
      )
      // Without Redis nothing is claimed: the rows stay pending for the next run.
      if (!added) return 0
    }
    await trx
      .from('outbox_messages')
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .update({ status: 'queued' })
    return rows.length
  })
}

/** Rows a crashed sender left half-done go back to the queue after a grace period. */
export async function requeueStuck(now: DateTime = clock.now()): Promise<number> {
  const stale = now.minus({ minutes: 5 }).toJSDate()
  const result = await db
    .from('outbox_messages')
    .where('status', 'sending')
    .where('available_at', '<', stale)
    .update({ status: 'pending', available_at: DateTime.now().toJSDate() })
  return Number(result)
}
