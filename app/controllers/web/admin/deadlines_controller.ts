import type { HttpContext } from '@adonisjs/core/http'
import PreviewDeadline from '#actions/sla/preview_deadline'
import Calendar from '#models/calendar'
import clock from '#services/clock_service'
import { SLA_STEPS } from '#domain/sla/steps'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'
import { deadlinePreviewValidator } from '#validators/deadline_preview'

/** The deadline calculator page: the preview API with a form in front of it. */
export default class DeadlinesPagesController {
  async show({ request, view }: HttpContext) {
    const qs = request.qs()
    const result = qs.from
      ? await new PreviewDeadline().handle(
          await request.validateUsing(deadlinePreviewValidator, {
            data: { ...qs, channel: qs.channel || undefined, category: qs.category || undefined },
          })
        )
      : null
    return view.render('pages/admin/deadlines', {
      result,
      input: {
        from: clock.now().toFormat("yyyy-MM-dd'T'HH:mm"),
        step: 'handle',
        kind: 'complaint',
        urgency: 'normal',
        ...qs,
      },
      calendars: await Calendar.query().orderBy('id'),
      steps: SLA_STEPS,
      kinds: KINDS,
      urgencies: URGENCIES,
      channels: CHANNELS,
    })
  }
}
