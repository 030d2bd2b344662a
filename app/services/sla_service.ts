import type { DateTime } from 'luxon'
import { computeDeadline, type Deadline, type Pause, type WorkingCalendar } from '#clock/index'
import { directQuery } from '#services/direct_sql'
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
  /**
   * One round trip: the rows in force for the kind and urgency, each with
   * its category's path, and the ticket's own category path alongside.
   * (This runs on every intake; it used to take three queries.)
   */
  async policyFor(attributes: TicketAttributes, at: DateTime): Promise<SlaPolicy> {
    // Plain rows: only the chosen one becomes a model.
    const rows = await directQuery(
      undefined,
      `SELECT sla_policies.*, policy_category.path AS policy_category_path,
         (SELECT path FROM categories WHERE id = $1) AS ticket_category_path
       FROM sla_policies
       LEFT JOIN categories AS policy_category ON policy_category.id = sla_policies.category_id
       WHERE sla_policies.kind = $2 AND sla_policies.urgency = $3 AND sla_policies.effective_from <= $4`,
      [attributes.categoryId ?? null, attributes.kind, attributes.urgency, at.toJSDate()]
    )
    const chosen = resolvePolicy(
      rows.map((row) => ({
        row,
        kind: row.kind,
        urgency: row.urgency,
        channel: row.channel,
        categoryPath: row.policy_category_path ?? null,
        effectiveFromMs: new Date(row.effective_from).getTime(),
      })),
      {
        kind: attributes.kind,
        urgency: attributes.urgency,
        channel: attributes.channel ?? null,
        categoryPath: rows[0]?.ticket_category_path ?? null,
        atMs: at.toMillis(),
      }
    )
    if (!chosen) {
      throw new DomainError('E_NO_SLA_POLICY', 422, {
        data: { kind: attributes.kind, urgency: attributes.urgency },
      })
    }
    return SlaPolicy.$createFromAdapterResult(chosen.row)!
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
