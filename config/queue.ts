import env from '#start/env'

/**
 * BullMQ settings. Redis holds queues only: every timer can be rebuilt from
 * PostgreSQL by the sweeps, so losing Redis loses no work (architecture.md).
 */
const queueConfig = {
  connection: {
    host: env.get('REDIS_HOST'),
    port: env.get('REDIS_PORT'),
    password: env.get('REDIS_PASSWORD') || undefined,
    db: env.get('REDIS_DB', 0),
  },
  /** every key this app puts in Redis for queues starts with this */
  prefix: 'jiesu',
  /** deadlines further away than this are left to the horizon sweep */
  horizonMinutes: 24 * 60,
  /** how often the catch-up and horizon sweeps run */
  sweepEveryMs: env.get('JOBS_SWEEP_EVERY_SECONDS', 60) * 1000,
  /** how often the outbox relay moves pending mail rows into the queue */
  relayEveryMs: env.get('JOBS_RELAY_EVERY_SECONDS', 5) * 1000,
  /**
   * Deadline timers due together are handled in batches: a worker takes up
   * to `concurrency` timer jobs at once and handles up to `batchSize` of
   * them in one transaction, waiting at most `batchWaitMs` for a batch to
   * fill (the lag it adds when only a few are due).
   */
  timers: {
    concurrency: env.get('JOBS_TIMER_CONCURRENCY', 200),
    batchSize: env.get('JOBS_TIMER_BATCH_SIZE', 100),
    batchWaitMs: 20,
  },
}

export default queueConfig
