import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

/**
 * The part of the department tree a user may reach:
 * center roles reach everything, a department leader reaches their
 * department and its sub-departments, department staff only their own.
 */
export type DepartmentReach =
  { kind: 'all' } | { kind: 'subtree'; rootId: number } | { kind: 'single'; departmentId: number }

export function reachOf(user: User): DepartmentReach {
  if (user.role === 'department_staff') return { kind: 'single', departmentId: user.departmentId! }
  if (user.role === 'department_leader') return { kind: 'subtree', rootId: user.departmentId! }
  return { kind: 'all' }
}

/**
 * Restricts `query` to rows whose `column` (a department id) lies within the
 * reach. Works for any query builder (departments, users, and tickets later).
 * The subtree is resolved inside the same SQL statement through the
 * materialised path, so a moved department takes effect at once.
 */
export function whereDepartmentWithin<Q extends { where: Function; whereIn: Function }>(
  query: Q,
  column: string,
  reach: DepartmentReach
): Q {
  if (reach.kind === 'single') {
    query.where(column, reach.departmentId)
  } else if (reach.kind === 'subtree') {
    query.whereIn(
      column,
      db
        .from('departments as scope')
        .select('scope.id')
        .whereRaw(`scope.path LIKE (SELECT path FROM departments WHERE id = ?) || '%'`, [
          reach.rootId,
        ])
    )
  }
  return query
}
