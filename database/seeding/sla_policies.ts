import { DateTime } from 'luxon'
import SlaPolicy from '#models/sla_policy'
import { SLA_DEFAULTS_EFFECTIVE_FROM, slaDefaults } from '#database/demo_data/sla_defaults'

/** Seeds the domain.md defaults once per (kind, urgency); edits made since are kept. */
export async function seedSlaPolicies() {
  for (const entry of slaDefaults) {
    const existing = await SlaPolicy.query()
      .where({ kind: entry.kind, urgency: entry.urgency })
      .whereNull('channel')
      .whereNull('category_id')
      .first()
    if (existing) continue
    await SlaPolicy.create({
      ...entry,
      channel: null,
      categoryId: null,
      warningRatio: 0.75,
      maxExtensionsPerRound: 1,
      maxRedoRounds: 2,
      effectiveFrom: DateTime.fromISO(SLA_DEFAULTS_EFFECTIVE_FROM),
    })
  }
}
