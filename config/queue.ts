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
  sweepEveryMs: 60_000,
  /** how often the outbox relay looks for rows a nudge missed */
  relayEveryMs: 5_000,
}

export default queueConfig
