import { DomainError } from '#exceptions/domain_error'

type Refusal =
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid_transition'; allowed: readonly string[] }
  | { ok: false; reason: 'guard'; code: string }

/** Guard failures that are about the input, not the ticket's state. */
const INPUT_GUARDS: Record<string, string> = {
  E_REASON_REQUIRED: 'reason',
  E_OUTCOME_REQUIRED: 'outcome',
  E_RESULT_REQUIRED: 'result',
  E_LEAD_REQUIRED: 'leadDepartmentId',
}

/**
 * Maps the lifecycle's refusal to the HTTP contract (style.md §10):
 * a role that may never act → 403; the wrong state → 409 E_INVALID_TRANSITION
 * with the current status and the actions allowed now; a guard → 409 with its
 * code, or 422 on the field when the input is what is missing.
 */
export function refusalError(
  refusal: Refusal,
  ticket: { status: string; version: number } | null,
  allowedNow: readonly string[] = []
): DomainError {
  if (refusal.reason === 'forbidden') return new DomainError('E_FORBIDDEN', 403)
  if (refusal.reason === 'guard') {
    const field = INPUT_GUARDS[refusal.code]
    if (field) return new DomainError(refusal.code, 422, { field })
    return new DomainError(refusal.code, 409, {
      data: { status: ticket?.status, version: ticket?.version, allowedActions: allowedNow },
    })
  }
  return new DomainError('E_INVALID_TRANSITION', 409, {
    data: {
      status: ticket?.status ?? null,
      version: ticket?.version ?? null,
      allowedActions: refusal.allowed,
    },
  })
}
