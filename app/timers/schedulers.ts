import type { Queue } from 'bullmq'
import queueConfig from '#config/queue'
import mailConfig from '#config/mail_batching'

/**
 * The repeating jobs: sweeps and the digest on `maintenance`, the outbox
 * relay on its own queue (a long sweep after a Redis loss must not hold mail
 * back). Upserting is idempotent, so every worker registers them at start
 * and they still run once per tick however many workers there are.
 */
export async function registerSchedulers(maintenance: Queue, relay: Queue): Promise<void> {
  await maintenance.upsertJobScheduler(
    'sweep',
    { every: queueConfig.sweepEveryMs },
    { name: 'sweep' }
  )
  // Before the relay had its own queue it ran on `maintenance`: a scheduler
  // left there from an older release would keep adding jobs nobody wants.
  await maintenance.removeJobScheduler('relay')
  await relay.upsertJobScheduler('relay', { every: queueConfig.relayEveryMs }, { name: 'relay' })
  // Each department's morning digest; the use case skips its rest days
  // (weekends, holidays, per its calendar), so the cron fires every day.
  await maintenance.upsertJobScheduler(
    'daily-digest',
    { pattern: mailConfig.digest.cron, tz: mailConfig.digest.tz },
    { name: 'digest' }
  )
}
