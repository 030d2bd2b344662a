import Department from '#models/department'
import { isDepartmentRole, type Role } from '#domain/roles'
import { DomainError } from '#exceptions/domain_error'

/**
 * Department roles need an active department; center roles have none (their
 * department id is dropped). Mirrors the users_department_role_check constraint
 * so the user gets a field message instead of a database error.
 */
export async function checkUserDepartment(
  role: Role,
  departmentId: number | null
): Promise<number | null> {
  if (!isDepartmentRole(role)) return null
  if (departmentId === null) {
    throw new DomainError('E_DEPARTMENT_REQUIRED', 422, { field: 'departmentId' })
  }
  const department = await Department.findOrFail(departmentId)
  if (!department.isActive) {
    throw new DomainError('E_INVALID_PARENT', 422, {
      field: 'departmentId',
      data: { reason: 'inactive' },
    })
  }
  return departmentId
}
