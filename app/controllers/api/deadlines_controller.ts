import type { HttpContext } from '@adonisjs/core/http'
import PreviewDeadline from '#actions/sla/preview_deadline'
import { deadlinePreviewValidator } from '#validators/deadline_preview'

export default class DeadlinesController {
  /** GET /api/v1/deadlines/preview */
  async preview({ request }: HttpContext) {
    const input = await request.validateUsing(deadlinePreviewValidator, { data: request.qs() })
    return { data: await new PreviewDeadline().handle(input) }
  }
}
