import CreateDepartment from '#actions/org/create_department'
import CreateCategory from '#actions/org/create_category'
import CreateUser from '#actions/org/create_user'
import User from '#models/user'
import type Department from '#models/department'
import type Category from '#models/category'
import type { DepartmentLevel } from '#domain/department_levels'
import type { Role } from '#domain/roles'

/** Every fixture account signs in with this password. */
export const FIXTURE_PASSWORD = 'Jiesu@12345'

/** Codes and emails carry this mark so they never meet demo or other data. */
const MARK = 'FX'

export type DepartmentKey =
  'province' | 'city' | 'districtA' | 'bureauA' | 'streetA' | 'districtB' | 'bureauB' | 'streetB'

/** One account per role, plus a department_staff of district B's bureau. */
export type UserKey = Role | 'outsider'

export type CategoryKey = 'root' | 'child' | 'leaf'

export interface OrgFixture {
  departments: Record<DepartmentKey, Department>
  categories: Record<CategoryKey, Category>
  users: Record<UserKey, User>
  /** Mints a fresh bearer token for the account (the plain value, shown once). */
  tokenFor(key: UserKey): Promise<string>
}

const DEPARTMENTS: {
  key: DepartmentKey
  code: string
  name: string
  level: DepartmentLevel
  parent: DepartmentKey | null
}[] = [
  { key: 'province', code: '530000', name: '云南省人民政府', level: 'province', parent: null },
  { key: 'city', code: '530100', name: '昆明市人民政府', level: 'city', parent: 'province' },
  { key: 'districtA', code: '530114', name: '呈贡区人民政府', level: 'district', parent: 'city' },
  {
    key: 'bureauA',
    code: '530114-ZJ',
    name: '呈贡区住房和城乡建设局',
    level: 'district',
    parent: 'districtA',
  },
  { key: 'streetA', code: '530114001', name: '吴家营街道', level: 'street', parent: 'districtA' },
  { key: 'districtB', code: '530102', name: '五华区人民政府', level: 'district', parent: 'city' },
  {
    key: 'bureauB',
    code: '530102-ZJ',
    name: '五华区住房和城乡建设局',
    level: 'district',
    parent: 'districtB',
  },
  { key: 'streetB', code: '530102001', name: '华山街道', level: 'street', parent: 'districtB' },
]

const USERS: { key: UserKey; role: Role; name: string; department: DepartmentKey | null }[] = [
  { key: 'admin', role: 'admin', name: '系统管理员', department: null },
  { key: 'operator', role: 'operator', name: '话务员', department: null },
  { key: 'supervisor', role: 'supervisor', name: '督办员', department: null },
  { key: 'auditor', role: 'auditor', name: '审计员', department: null },
  { key: 'department_staff', role: 'department_staff', name: '承办人', department: 'bureauA' },
  { key: 'department_leader', role: 'department_leader', name: '负责人', department: 'districtA' },
  { key: 'outsider', role: 'department_staff', name: '五华承办人', department: 'bureauB' },
]

/** The email of a fixture account, e.g. `fixtureEmail('admin')`. */
export function fixtureEmail(key: UserKey): string {
  return `${key.replaceAll('_', '-')}@${MARK.toLowerCase()}.jiesu.test`
}

/** A department code with the fixture mark, e.g. `fixtureCode('530114')` → 'FX-530114'. */
export function fixtureCode(code: string): string {
  return `${MARK}-${code}`
}

/**
 * Builds, inside the current (global) transaction, a small organisation:
 *
 *   云南省 (province) → 昆明市 (city) → 呈贡区 (district A) → 住建局 A, 吴家营街道
 *                                     → 五华区 (district B) → 住建局 B, 华山街道
 *
 * three categories (root → child → leaf, the leaf routed to bureau A), and one
 * account per role: staff in bureau A, the leader heading district A, and an
 * `outsider` staff account in bureau B. Everything goes through the use cases,
 * so paths and depths are what the app itself would write.
 */
export async function buildOrg(): Promise<OrgFixture> {
  const departments = {} as Record<DepartmentKey, Department>
  for (const row of DEPARTMENTS) {
    departments[row.key] = await new CreateDepartment().handle({
      code: fixtureCode(row.code),
      name: row.name,
      level: row.level,
      parentId: row.parent ? departments[row.parent].id : null,
      contactEmails: [`${row.key.toLowerCase()}@${MARK.toLowerCase()}.jiesu.test`],
    })
  }

  const root = await new CreateCategory().handle({ code: `${MARK}01`, name: '城乡建设' })
  const child = await new CreateCategory().handle({
    code: `${MARK}0101`,
    name: '物业管理',
    parentId: root.id,
  })
  const leaf = await new CreateCategory().handle({
    code: `${MARK}010101`,
    name: '物业服务质量',
    parentId: child.id,
    defaultDepartmentId: departments.bureauA.id,
  })

  const users = {} as Record<UserKey, User>
  for (const row of USERS) {
    users[row.key] = await new CreateUser().handle({
      fullName: row.name,
      email: fixtureEmail(row.key),
      password: FIXTURE_PASSWORD,
      role: row.role,
      departmentId: row.department ? departments[row.department].id : null,
    })
  }

  return {
    departments,
    categories: { root, child, leaf },
    users,
    async tokenFor(key) {
      const token = await User.accessTokens.create(users[key])
      return token.value!.release()
    },
  }
}
