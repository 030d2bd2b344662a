import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OutboxMessage from '#models/outbox_message'
import clock from '#services/clock_service'
import { insertInChunks } from '#services/bulk_insert'

export interface OutboxEntry {
  topic: 'mail' | 'national_result'
  /** unique per cause, e.g. `dispatch:<ticket>:<round>:<department>` */
  dedupeKey: string
  payload: Record<string, unknown>
}

/**
 * Queues messages in the same transaction as the change that causes them
 * (architecture.md, "the outbox"): nothing is sent for a change that rolls
 * back, nothing is lost when a process dies after commit. A repeated cause
 * (same dedupe key) is ignored.
 */
export async function enqueueOutbox(
  trx: TransactionClientContract,
  entries: OutboxEntry[]
): Promise<void> {
  if (entries.length === 0) return
  const now = clock.now().toJSDate()
  await insertInChunks(
    trx,
    OutboxMessage.table,
    entries.map((entry) => outboxRow(entry, now)),
    ['dedupe_key']
  )
}

/** One pending row of `outbox_messages` as the database takes it. */
export function outboxRow(entry: OutboxEntry, now: Date) {
  return {
    topic: entry.topic,
    dedupe_key: entry.dedupeKey,
    payload: JSON.stringify(entry.payload),
    status: 'pending',
    attempts: 0,
    available_at: now,
    created_at: now,
  }
}
