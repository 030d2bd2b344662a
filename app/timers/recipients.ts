import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export type Audience = 'department' | 'leaders' | 'supervisors'

export interface Recipient {
  id: number
  email: string
  role: string
  departmentId: number | null
  /** materialised path of the person's department ('' at the center) */
  departmentPath: string
}

/**
 * Who hears about a deadline: the department's own people, the leaders
 * whose reach covers it (their department or an ancestor), or the center's
 * supervisors. A center deadline has no department: supervisors only.
 * Ordered by id, each person once.
 */
export function pickRecipients(
  people: readonly Recipient[],
  audiences: readonly Audience[],
  department: { id: number; path: string } | null
): Recipient[] {
  return people.filter(
    (person) =>
      (department &&
        audiences.includes('department') &&
        person.departmentId === department.id &&
        (person.role === 'department_staff' || person.role === 'department_leader')) ||
      (department &&
        audiences.includes('leaders') &&
        person.role === 'department_leader' &&
        person.departmentPath !== '' &&
        department.path.startsWith(person.departmentPath)) ||
      (audiences.includes('supervisors') && person.role === 'supervisor')
  )
}

/** The people who may hear about these departments' deadlines, with the departments' paths. */
export interface RecipientBook {
  for(audiences: readonly Audience[], departmentId: number | null): Recipient[]
}

/**
 * Loads, in two queries, every active account that any audience of these
 * departments could include (timers fire in batches: one look-up per batch,
 * not per point).
 */
export async function loadRecipients(
  client: QueryClientContract,
  departmentIds: readonly number[]
): Promise<RecipientBook> {
  const ids = [...new Set(departmentIds)]
  const departments = await client.from('departments').whereIn('id', ids).select('id', 'path')
  const paths = new Map<number, string>(departments.map((d) => [Number(d.id), d.path]))
  const rows = await client
    .from('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .where('users.is_active', true)
    .where((q) =>
      q
        .where('users.role', 'supervisor')
        .orWhere((own) =>
          own
            .whereIn('users.department_id', ids)
            .whereIn('users.role', ['department_staff', 'department_leader'])
        )
        .orWhere((leaders) =>
          leaders
            .where('users.role', 'department_leader')
            .whereExists((covered) =>
              covered
                .from('departments as d')
                .whereIn('d.id', ids)
                .whereRaw(`d.path LIKE departments.path || '%'`)
            )
        )
    )
    .orderBy('users.id')
    .select('users.id', 'users.email', 'users.role', 'users.department_id', 'departments.path')
  const people: Recipient[] = rows.map((row) => ({
    id: Number(row.id),
    email: row.email,
    role: row.role,
    departmentId: row.department_id === null ? null : Number(row.department_id),
    departmentPath: row.path ?? '',
  }))
  return {
    for(audiences, departmentId) {
      if (departmentId === null) return pickRecipients(people, audiences, null)
      const path = paths.get(departmentId)
      if (path === undefined) return []
      return pickRecipients(people, audiences, { id: departmentId, path })
    },
  }
}
