import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { scheduleCoverage } from '#clock/index'
import Calendar from '#models/calendar'
import calendars from '#services/calendar_service'
import clock from '#services/clock_service'

export type HealthCheck = () => Promise<void>

export interface HealthReport {
  healthy: boolean
  checks: Record<string, { ok: boolean; message?: string; durationMs: number }>
  /** things that work now but need an operator soon (they never cause a 503) */
  warnings: HealthWarning[]
}

export interface HealthWarning {
  code: string
  message: string
  [detail: string]: unknown
}

export type WarningProbe = () => Promise<HealthWarning[]>

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
  constructor(
    private checks: Record<string, HealthCheck> = HealthService.defaultChecks(),
    private warningProbes: WarningProbe[] = [calendarCoverageWarnings]
  ) {}

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
    const healthy = entries.every(([, result]) => result.ok)
    // Warnings read the database; skip them when it is down (already reported).
    const probed =
      checks.database?.ok === false ? [] : await Promise.all(this.warningProbes.map((p) => p()))
    const warnings = probed.flat()
    return { healthy, checks, warnings }
  }
}

/**
 * From 1 November, the default calendar should hold next year's official
 * holiday schedule; without it deadlines into January are only estimates.
 */
async function calendarCoverageWarnings(): Promise<HealthWarning[]> {
  const calendar = await Calendar.query().where('is_default', true).first()
  if (!calendar || !calendar.observesHolidays) return []
  const coverage = scheduleCoverage(clock.now(), await calendars.loadedYears(calendar.id))
  return coverage.missingYears.map((year) => ({
    code: 'E_CALENDAR_YEAR_MISSING',
    message: `The holiday schedule for ${year} is not loaded into calendar "${calendar.name}"`,
    year,
    calendarId: calendar.id,
  }))
}
