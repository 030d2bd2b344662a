import type { DateTime } from 'luxon'
import { computeDeadline, type Deadline, type Pause, type WorkingCalendar } from '#clock/index'
import { directQuery } from '#services/direct_sql'
import { columnList } from '#services/model_write'
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
  /** Which policy applies to a ticket with these attributes at `at` (one round trip). */
  async policyFor(attributes: TicketAttributes, at: DateTime): Promise<SlaPolicy> {
    const values: unknown[] = []
    const rows = await directQuery(undefined, this.candidatesQuery(attributes, at, values), values)
    return this.choose(rows, attributes, at)
  }

  /**
   * The SELECT of the rows in force for the kind and urgency, each with its
   * category's path, and the ticket's own category path alongside; its
   * parameters are appended to `values`, so intake can send it in the same
   * statement as its ticket number (intake_prelude.ts).
   */
  candidatesQuery(attributes: TicketAttributes, at: DateTime, values: unknown[]): string {
    const from = values.length + 1
    values.push(attributes.categoryId ?? null, attributes.kind, attributes.urgency, at.toJSDate())
    return `SELECT ${columnList(SlaPolicy)}, policy_category.path AS policy_category_path,
         (SELECT path FROM categories WHERE id = $${from}) AS ticket_category_path
       FROM sla_policies
       LEFT JOIN categories AS policy_category ON policy_category.id = sla_policies.category_id
       WHERE sla_policies.kind = $${from + 1} AND sla_policies.urgency = $${from + 2}
         AND sla_policies.effective_from <= $${from + 3}`
  }

  /** The policy the candidate rows give (resolvePolicy); 422 when none applies. Only it becomes a model. */
  choose(rows: Record<string, any>[], attributes: TicketAttributes, at: DateTime): SlaPolicy {
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
