import { DateTime } from 'luxon'
import SlaPolicy from '#models/sla_policy'
import clock from '#services/clock_service'
import type { SlaLimits } from '#domain/sla/steps'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import { DomainError } from '#exceptions/domain_error'

export interface CreatePolicyVersionInput {
  kind: Kind
  urgency: Urgency
  channel?: Channel | null
  categoryId?: number | null
  limits: SlaLimits
  warningRatio: number
  maxExtensionsPerRound: number
  maxRedoRounds: number
  effectiveFrom?: Date
}

/**
 * "Editing" a policy adds a version that takes effect now or later. Rows
 * already in force are never changed, so every deadline keeps pointing at
 * the exact limits it was computed from. Backdating is refused for the same
 * reason.
 */
export default class CreatePolicyVersion {
  async handle(input: CreatePolicyVersionInput, createdBy: number | null): Promise<SlaPolicy> {
    const now = clock.now()
    const effectiveFrom = input.effectiveFrom ? DateTime.fromJSDate(input.effectiveFrom) : now
    if (effectiveFrom < now.minus({ minutes: 1 })) {
      throw new DomainError('E_BACKDATED_POLICY', 422, { field: 'effectiveFrom' })
    }
    for (const [step, limit] of Object.entries(input.limits)) {
      if (limit.unit.endsWith('_days') && !Number.isInteger(limit.amount)) {
        throw new DomainError('E_WHOLE_DAYS', 422, { field: `limits.${step}.amount` })
      }
    }
    return SlaPolicy.create({
      kind: input.kind,
      urgency: input.urgency,
      channel: input.channel ?? null,
      categoryId: input.categoryId ?? null,
      limits: input.limits,
      warningRatio: input.warningRatio,
      maxExtensionsPerRound: input.maxExtensionsPerRound,
      maxRedoRounds: input.maxRedoRounds,
      effectiveFrom,
      createdBy,
    })
  }
}
