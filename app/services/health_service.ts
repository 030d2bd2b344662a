import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'

export type HealthCheck = () => Promise<void>

export interface HealthReport {
  healthy: boolean
  checks: Record<string, { ok: boolean; message?: string; durationMs: number }>
}

const TIMEOUT_MS = 2000

function withTimeout(check: HealthCheck): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS
    )
    check()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer))
  })
}

/**
 * Probes the parts Jiesu cannot work without. Each check runs with a
 * timeout, so a hung dependency reports as down instead of hanging the probe.
 * Swap the instance in the container to probe other connections.
 */
export default class HealthService {
  constructor(private checks: Record<string, HealthCheck> = HealthService.defaultChecks()) {}

  static defaultChecks(): Record<string, HealthCheck> {
    return {
      database: async () => {
        await db.rawQuery('SELECT 1')
      },
      redis: async () => {
        await redis.connection().ping()
      },
    }
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        const started = performance.now()
        try {
          await withTimeout(check)
          return [name, { ok: true, durationMs: Math.round(performance.now() - started) }] as const
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          return [
            name,
            { ok: false, message, durationMs: Math.round(performance.now() - started) },
          ] as const
        }
      })
    )
    const checks = Object.fromEntries(entries)
    return { healthy: entries.every(([, result]) => result.ok), checks }
  }
}
