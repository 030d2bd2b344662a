import type { DateTime } from 'luxon'
import { computeDeadline, type Deadline, type Pause, type WorkingCalendar } from '#clock/index'
import Category from '#models/category'
import SlaPolicy from '#models/sla_policy'
import { resolvePolicy } from '#domain/sla/resolve_policy'
import type { SlaStep, StepLimit } from '#domain/sla/steps'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import { DomainError } from '#exceptions/domain_error'

export interface TicketAttributes {
  kind: Kind
  urgency: Urgency
  channel?: Channel | null
  categoryId?: number | null
}

export interface StepDeadline extends Deadline {
  step: SlaStep
  limit: StepLimit
  policy: SlaPolicy
}

/**
 * Which SLA policy row applies to a ticket, and the deadline it gives for a
 * step. The choosing and the counting are pure (resolvePolicy,
 * computeDeadline); this service only loads their inputs.
 */
class SlaService {
  async policyFor(attributes: TicketAttributes, at: DateTime): Promise<SlaPolicy> {
    const [rows, category] = await Promise.all([
      SlaPolicy.query()
        .where('kind', attributes.kind)
        .where('urgency', attributes.urgency)
        .where('effective_from', '<=', at.toJSDate())
        .preload('category'),
      attributes.categoryId ? Category.find(attributes.categoryId) : null,
    ])
    const chosen = resolvePolicy(
      rows.map((row) => ({
        row,
        kind: row.kind,
        urgency: row.urgency,
        channel: row.channel,
        categoryPath: row.category?.path ?? null,
        effectiveFromMs: row.effectiveFrom.toMillis(),
      })),
      {
        kind: attributes.kind,
        urgency: attributes.urgency,
        channel: attributes.channel ?? null,
        categoryPath: category?.path ?? null,
        atMs: at.toMillis(),
      }
    )
    if (!chosen) {
      throw new DomainError('E_NO_SLA_POLICY', 422, {
        data: { kind: attributes.kind, urgency: attributes.urgency },
      })
    }
    return chosen.row
  }

  /** The deadline for `step` counted from `start` under `policy`, with its explanation. */
  deadline(
    policy: SlaPolicy,
    step: SlaStep,
    start: DateTime,
    calendar: WorkingCalendar,
    pauses: readonly Pause[] = []
  ): StepDeadline {
    const limit = policy.limits[step]
    const deadline = computeDeadline({
      start,
      amount: limit.amount,
      unit: limit.unit,
      calendar,
      pauses,
      warningRatio: policy.warningRatio,
    })
    return { ...deadline, step, limit, policy }
  }
}

const sla = new SlaService()
export default sla
