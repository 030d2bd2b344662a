import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'

export type Audience = 'department' | 'leaders' | 'supervisors'

/**
 * Who hears about a department's deadline: its own people, the leaders
 * whose reach covers it (their department or an ancestor), or the center's
 * supervisors. Only active accounts.
 */
export async function recipientsFor(
  client: QueryClientContract,
  audiences: readonly Audience[],
  departmentId: number
): Promise<User[]> {
  const query = User.query({ client }).where('is_active', true)
  query.where((q) => {
    if (audiences.includes('department')) {
      q.orWhere((d) =>
        d
          .where('department_id', departmentId)
          .whereIn('role', ['department_staff', 'department_leader'])
      )
    }
    if (audiences.includes('leaders')) {
      q.orWhere((l) =>
        l
          .where('role', 'department_leader')
          .whereRaw(
            `(SELECT path FROM departments WHERE id = ?) LIKE (SELECT path FROM departments WHERE id = users.department_id) || '%'`,
            [departmentId]
          )
      )
    }
    if (audiences.includes('supervisors')) q.orWhere('role', 'supervisor')
  })
  return query.orderBy('id')
}
