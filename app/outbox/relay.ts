import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import mailConfig from '#config/mail_batching'
import queues from '#services/queues'
import clock from '#services/clock_service'
import { addressesOf, oneRowPerAddress } from '#outbox/addressing'

/** rows claimed per relay transaction */
const RELAY_BATCH = 500
/** batches per relay tick at most, so a tick ends and the next one starts fresh */
const MAX_BATCHES_PER_TICK = 40

/** End of the batch window `now` falls in (windows are aligned, so every relay agrees). */
export function windowEndOf(now: DateTime): number {
  const windowMs = mailConfig.batchWindowSeconds * 1000
  return Math.ceil((now.toMillis() + 1) / windowMs) * windowMs
}

/** The batch job of a recipient and window: relaying twice queues it once. */
export function mailBatchJobId(recipient: string, windowEnd: number): string {
  return `mail-${Buffer.from(recipient).toString('base64url')}-${windowEnd}`
}

/**
 * Moves pending mail rows into BullMQ (architecture.md, "the outbox"), grouped
 * per recipient into a batch job per time window, so a burst of alerts
 * becomes one mail. Rows are claimed with SKIP LOCKED, so several relays
 * (scaled-out workers) never take the same row; a relay that dies before
 * commit leaves them pending and the next run re-adds them under the same job
 * ids. Other topics (national_result) are left pending for their own consumer.
 */
export async function relayOutbox(now: DateTime = clock.now()): Promise<number> {
  return db
    .transaction(async (trx) => {
      const rows = await trx
        .from('outbox_messages')
        .where('topic', 'mail')
        .where('status', 'pending')
        .where('available_at', '<=', now.toJSDate())
        .orderBy('id')
        .limit(RELAY_BATCH)
        .forUpdate()
        .skipLocked()
      if (rows.length === 0) return 0
      const windowEnd = windowEndOf(now)
      const recipients = new Set<string>()
      const unaddressed: number[] = []
      for (const row of rows) {
        row.payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
        const to = await addressesOf(trx, row.payload)
        if (to.length === 0) unaddressed.push(row.id)
        else await oneRowPerAddress(trx, row, to, new Date(windowEnd))
        for (const address of to) recipients.add(address)
      }
      for (const recipient of recipients) {
        const added = await queues.add(
          'outbox',
          'mail-batch',
          { recipient, windowEnd },
          {
            jobId: mailBatchJobId(recipient, windowEnd),
            delay: Math.max(0, windowEnd - now.toMillis()),
            attempts: mailConfig.attempts,
            backoff: { type: 'exponential', delay: mailConfig.backoffMs },
          }
        )
        // Without Redis nothing is claimed: the rows stay pending for the next run.
        if (!added) throw new RelayPaused()
      }
      const addressed = rows.filter((row) => !unaddressed.includes(row.id)).map((row) => row.id)
      // available_at becomes the window end: from then on the batch owes the row,
      // and requeueStuck can tell a row whose job vanished.
      await trx
        .from('outbox_messages')
        .whereIn('id', addressed)
        .update({ status: 'queued', available_at: new Date(windowEnd) })
      // Nobody to send to (no supervisor account yet): visible to admins, not retried forever.
      await trx
        .from('outbox_messages')
        .whereIn('id', unaddressed)
        .update({ status: 'dead', last_error: 'no recipient' })
      return rows.length
    })
    .catch((error) => {
      if (error instanceof RelayPaused) return 0
      throw error
    })
}

/** Redis is away: roll the claim back and leave every row pending. */
class RelayPaused extends Error {}

/**
 * Rows that lost their way go back to pending for the next relay: claimed
 * (`sending`) by a sender that died mid-send, or `queued` for a batch job
 * that no longer exists (see config/mail_batching.ts for the grace periods).
 */
export async function requeueStuck(now: DateTime = clock.now()): Promise<number> {
  const sending = await db
    .from('outbox_messages')
    .where('status', 'sending')
    .where('available_at', '<', now.minus({ minutes: mailConfig.stuckSendingMinutes }).toJSDate())
    .update({ status: 'pending', available_at: now.toJSDate() })
  const queued = await db
    .from('outbox_messages')
    .where('status', 'queued')
    .where('available_at', '<', now.minus({ minutes: mailConfig.lostQueuedMinutes }).toJSDate())
    .update({ status: 'pending', available_at: now.toJSDate() })
  return Number(sending) + Number(queued)
}

/**
 * One tick of the relay job: put stranded rows back, then relay batch after
 * batch while full ones keep coming, so an alert storm (a hundred thousand
 * deadlines due at once) drains within a tick or two instead of one batch
 * per tick.
 */
export async function relayTick(): Promise<number> {
  await requeueStuck()
  let moved = 0
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
    const rows = await relayOutbox()
    moved += rows
    if (rows < RELAY_BATCH) break
  }
  return moved
}
