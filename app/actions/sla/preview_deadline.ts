import { DateTime } from 'luxon'
import { renderExplanation } from '#clock/index'
import Category from '#models/category'
import calendars from '#services/calendar_service'
import sla from '#services/sla_service'
import { ZONE } from '#services/clock_service'
import type { SlaStep } from '#domain/sla/steps'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'

export interface PreviewDeadlineInput {
  from: string
  step: SlaStep
  kind: Kind
  urgency: Urgency
  channel?: Channel
  category?: string
  calendar?: number
}

/**
 * The deadline calculator behind the preview API and page: resolves the
 * policy, loads the calendar, counts, and explains in both languages.
 */
export default class PreviewDeadline {
  async handle(input: PreviewDeadlineInput) {
    const start = DateTime.fromISO(input.from, { zone: ZONE, setZone: false }).setZone(ZONE)
    const category = input.category ? await Category.findByOrFail('code', input.category) : null
    const attributes = {
      kind: input.kind,
      urgency: input.urgency,
      channel: input.channel,
      categoryId: category?.id,
    }
    const [policy, { row: calendarRow, calendar }] = await Promise.all([
      sla.policyFor(attributes, start),
      calendars.get(input.calendar),
    ])
    const deadline = sla.deadline(policy, input.step, start, calendar)
    return {
      from: start.toISO(),
      step: input.step,
      dueAt: deadline.dueAt.toISO(),
      warnAt: deadline.warnAt.toISO(),
      calendarIncomplete: deadline.calendarIncomplete,
      missingYears: deadline.missingYears,
      limit: deadline.limit,
      policy: {
        id: policy.id,
        kind: policy.kind,
        urgency: policy.urgency,
        channel: policy.channel,
        categoryId: policy.categoryId,
        warningRatio: policy.warningRatio,
        effectiveFrom: policy.effectiveFrom.setZone(ZONE).toISO(),
      },
      calendar: { id: calendarRow.id, name: calendarRow.name },
      explanation: deadline.explanation,
      text: {
        'zh-CN': renderExplanation(deadline.explanation, 'zh-CN'),
        'en': renderExplanation(deadline.explanation, 'en'),
      },
    }
  }
}
