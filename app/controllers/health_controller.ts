import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import HealthService from '#services/health_service'

export default class HealthController {
  /** GET /health: 200 when every part answers, 503 naming the parts that do not. */
  @inject()
  async show({ response }: HttpContext, health: HealthService) {
    const report = await health.report()
    const failing = Object.entries(report.checks)
      .filter(([, check]) => !check.ok)
      .map(([name]) => name)
    return response.status(report.healthy ? 200 : 503).send({
      status: report.healthy ? 'ok' : 'unavailable',
      failing,
      checks: report.checks,
      warnings: report.warnings,
    })
  }
}
