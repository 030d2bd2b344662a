/*
 * Every environment variable the application reads, typed. Nothing else reads
 * process.env. `.env.example` documents each one.
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'memory', 'redis'] as const),

  DB_HOST: Env.schema.string({ format: 'host' }),
  DB_PORT: Env.schema.number(),
  DB_USER: Env.schema.string(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string(),
  // Superuser used only by `node ace db:setup` (and the test runner) to create
  // the role and databases above when they are missing.
  DB_ADMIN_USER: Env.schema.string.optional(),
  DB_ADMIN_PASSWORD: Env.schema.string.optional(),

  REDIS_HOST: Env.schema.string({ format: 'host' }),
  REDIS_PORT: Env.schema.number(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Worker (node ace jobs:work): see config/queue.ts
  |----------------------------------------------------------
  */
  JOBS_SWEEP_EVERY_SECONDS: Env.schema.number.optional(),
  JOBS_RELAY_EVERY_SECONDS: Env.schema.number.optional(),
  JOBS_TIMER_CONCURRENCY: Env.schema.number.optional(),
  JOBS_TIMER_BATCH_SIZE: Env.schema.number.optional(),
  MAIL_BATCH_WINDOW_SECONDS: Env.schema.number.optional(),

  MAIL_MAILER: Env.schema.enum(['smtp'] as const),
  MAIL_FROM_NAME: Env.schema.string(),
  MAIL_FROM_ADDRESS: Env.schema.string({ format: 'email' }),
  SMTP_HOST: Env.schema.string({ format: 'host' }),
  SMTP_PORT: Env.schema.number(),

  LIMITER_STORE: Env.schema.enum(['redis', 'memory'] as const),
})
