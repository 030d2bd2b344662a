import db from '@adonisjs/lucid/services/db'
import { enqueueOutbox } from '#actions/tickets/outbox'
import queues from '#services/queues'

/** Queues one outbox row as a transition would (its own transaction, committed). */
export function queueMail(dedupeKey: string, payload: Record<string, unknown>) {
  return db.transaction((trx) => enqueueOutbox(trx, [{ topic: 'mail', dedupeKey, payload }]))
}

/** An address no other test (or earlier run) uses, so batch job ids never collide. */
export function freshAddress(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@fx.jiesu.test`
}

/** Outbox rows whose payload is addressed to `address`, oldest first. */
export function rowsTo(address: string) {
  return db
    .from('outbox_messages')
    .whereRaw(`payload->'to' @> ?::jsonb`, [JSON.stringify([address])])
    .orderBy('id')
}

/** Batch jobs waiting in the `outbox` queue for a recipient (any window). */
export async function batchJobsFor(address: string) {
  const prefix = `mail-${Buffer.from(address).toString('base64url')}-`
  const jobs = await queues.get('outbox').getJobs(['delayed', 'waiting'])
  return jobs.filter((job) => job.id?.startsWith(prefix))
}
