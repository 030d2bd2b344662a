import { isDepartmentRole, type Role } from '#domain/roles'
import type { Actor, LifecycleAssignment, LifecycleTicket } from './types.js'

/**
 * Who a transition row admits. Center roles are named as themselves; a
 * department user is admitted by how its department takes part in the current
 * round: `lead`, `assist`, or `department` (any department, e.g. answering a
 * supervision order addressed to it). Auditors are never admitted.
 */
export type ActorKind =
  | Exclude<Role, 'auditor' | 'department_staff' | 'department_leader'>
  | 'system'
  | 'lead'
  | 'assist'
  | 'department'

export type Relation = 'lead' | 'assist' | 'none'

/**
 * The acting department's live assignment in the current round. A returned
 * assignment does not count: that department has left the round, and if the
 * center dispatches to it again a new assignment row is written.
 */
export function assignmentOf(ticket: LifecycleTicket, actor: Actor): LifecycleAssignment | null {
  if (actor.role === 'system' || !isDepartmentRole(actor.role)) return null
  const departmentId = actor.departmentId
  if (departmentId === null) return null
  const live = ticket.assignments.find(
    (a) => a.round === ticket.round && a.departmentId === departmentId && !a.returned
  )
  return live ?? null
}

export function relationOf(assignment: LifecycleAssignment | null): Relation {
  return assignment ? assignment.role : 'none'
}

/** Whether a row's actor list admits this actor for this ticket now. */
export function admits(kinds: readonly ActorKind[], actor: Actor, relation: Relation): boolean {
  if (actor.role === 'system') return kinds.includes('system')
  if (isDepartmentRole(actor.role)) {
    return kinds.includes('department') || (relation !== 'none' && kinds.includes(relation))
  }
  return kinds.includes(actor.role as ActorKind)
}

/**
 * Whether a row could ever admit this actor's role, whatever the ticket: a
 * role no row admits is forbidden (403) rather than out of turn (409).
 */
export function couldAdmit(kinds: readonly ActorKind[], actor: Actor): boolean {
  if (actor.role === 'system') return kinds.includes('system')
  if (isDepartmentRole(actor.role)) {
    return kinds.some((k) => k === 'lead' || k === 'assist' || k === 'department')
  }
  return kinds.includes(actor.role as ActorKind)
}
