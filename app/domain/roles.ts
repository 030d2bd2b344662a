/**
 * User roles. One role per user; the i18n key `roles.<role>` gives the label
 * (zh-CN 受理员, en Operator, ...).
 */
export const ROLES = [
  'admin',
  'operator',
  'supervisor',
  'department_staff',
  'department_leader',
  'auditor',
] as const

export type Role = (typeof ROLES)[number]

/** Roles whose users belong to a department and see only its records. */
export const DEPARTMENT_ROLES: readonly Role[] = ['department_staff', 'department_leader']

/** Roles working at the hotline center: they see every department's records. */
export const CENTER_ROLES: readonly Role[] = ['admin', 'operator', 'supervisor', 'auditor']

export function isDepartmentRole(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role)
}
