import SlaPolicy from '#models/sla_policy'
import clock from '#services/clock_service'

/**
 * Policies as an admin reads them: for each key (kind, urgency, channel,
 * category) the version in force now, plus any scheduled future versions.
 * With `history`, every version.
 */
export async function listSlaPolicies(history = false): Promise<SlaPolicy[]> {
  const rows = await SlaPolicy.query()
    .preload('category')
    .orderBy(['kind', 'urgency', 'channel', 'category_id'])
    .orderBy('effective_from', 'desc')
  if (history) return rows
  const now = clock.now()
  const seenInForce = new Set<string>()
  return rows.filter((row) => {
    if (row.effectiveFrom > now) return true
    const key = `${row.kind}|${row.urgency}|${row.channel ?? ''}|${row.categoryId ?? ''}`
    if (seenInForce.has(key)) return false
    seenInForce.add(key)
    return true
  })
}
