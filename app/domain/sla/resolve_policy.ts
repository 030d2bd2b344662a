import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import { depthOf, isWithin } from '#domain/tree_path'

export interface PolicyCandidate {
  kind: Kind
  urgency: Urgency
  channel: Channel | null
  /** materialised path of the policy's category ('/1/5/'), null for any category */
  categoryPath: string | null
  effectiveFromMs: number
}

export interface PolicyQuery {
  kind: Kind
  urgency: Urgency
  channel?: Channel | null
  /** path of the ticket's category; a policy on an ancestor category applies too */
  categoryPath?: string | null
  /** the instant the deadline starts: rows not yet in force are ignored */
  atMs: number
}

/**
 * How specific a matching row is: a category match outranks a channel match,
 * and a deeper category outranks its ancestors.
 */
function specificity(candidate: PolicyCandidate): number {
  const categoryDepth = candidate.categoryPath ? depthOf(candidate.categoryPath) : 0
  return categoryDepth * 2 + (candidate.channel ? 1 : 0)
}

function matches(candidate: PolicyCandidate, query: PolicyQuery): boolean {
  if (candidate.kind !== query.kind || candidate.urgency !== query.urgency) return false
  if (candidate.effectiveFromMs > query.atMs) return false
  if (candidate.channel && candidate.channel !== query.channel) return false
  if (
    candidate.categoryPath &&
    !(query.categoryPath && isWithin(query.categoryPath, candidate.categoryPath))
  ) {
    return false
  }
  return true
}

/**
 * Picks the SLA policy row that applies: among rows in force at `atMs` for
 * the ticket's kind and urgency, the most specific (category, then channel),
 * and of equally specific rows the one that took effect last.
 *
 * @example
 * resolvePolicy(rows, { kind: 'complaint', urgency: 'normal', channel: 'national', atMs })
 */
export function resolvePolicy<T extends PolicyCandidate>(
  candidates: readonly T[],
  query: PolicyQuery
): T | null {
  let best: T | null = null
  for (const candidate of candidates) {
    if (!matches(candidate, query)) continue
    if (
      !best ||
      specificity(candidate) > specificity(best) ||
      (specificity(candidate) === specificity(best) &&
        candidate.effectiveFromMs > best.effectiveFromMs)
    ) {
      best = candidate
    }
  }
  return best
}
