import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildOrg, fixtureEmail, type OrgFixture } from '#tests/support/org_fixtures'
import {
  call,
  errorsOf,
  fieldMessages,
  routeUrl,
  type HttpMethod,
  type Locale,
  type RouteName,
} from '#tests/support/api'

/**
 * Refused writes: 422 with one field message, or 409 with a code, in zh-CN
 * (the default, and asked for) and English. Messages are the exact strings
 * of resources/lang. Nothing may be written on any refusal.
 */
interface Refusal {
  label: string
  method: HttpMethod
  route: RouteName
  target?: (org: OrgFixture) => number
  body: (org: OrgFixture) => Record<string, unknown>
  status: 422 | 409
  /** The field named by a 422, or the code of a 409. */
  field?: string
  code?: string
  zh: string
  en: string
}

const LANGUAGES: { locale?: Locale; language: 'zh' | 'en' }[] = [
  { language: 'zh' },
  { locale: 'zh-CN', language: 'zh' },
  { locale: 'en', language: 'en' },
]

const newStreet = (org: OrgFixture, change: Record<string, unknown> = {}) => ({
  code: 'FX-530114002',
  name: '龙城街道',
  level: 'street',
  parentId: org.departments.districtA.id,
  contactEmails: ['longcheng@fx.jiesu.test'],
  ...change,
})

const newStaff = (org: OrgFixture, change: Record<string, unknown> = {}) => ({
  fullName: '龙城承办人',
  email: 'longcheng-staff@fx.jiesu.test',
  password: 'Jiesu@54321',
  role: 'department_staff',
  departmentId: org.departments.bureauA.id,
  ...change,
})

const LEVEL_MISMATCH = {
  zh: '上级不合适：上下级的层级不匹配（同级或低一级）',
  en: 'Unsuitable parent: levels do not match (same level or one below)',
}
const CYCLE = {
  zh: '上级不合适：不能放到自己或自己的下级之下',
  en: 'Unsuitable parent: a node cannot move under itself or its descendants',
}
const ACTIVE_CHILDREN = {
  zh: '还有启用中的下级，请先停用或移走下级',
  en: 'It still has active children: deactivate or move them first',
}
const CODE_TAKEN = { zh: '编码已被使用', en: 'This code is already taken' }

const DEPARTMENTS = 'api.departments.store' as const
const CATEGORIES = 'api.categories.store' as const
const USERS = 'api.users.store' as const

const REFUSALS: Refusal[] = [
  // Departments
  {
    label: 'department: code with spaces and underscores',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { code: 'FX 530114_002' }),
    status: 422,
    field: 'code',
    zh: '编码格式不正确',
    en: 'The code field format is invalid',
  },
  {
    label: 'department: missing name',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { name: undefined }),
    status: 422,
    field: 'name',
    zh: '名称不能为空',
    en: 'The name field is required',
  },
  {
    label: 'department: unknown level',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { level: 'village' }),
    status: 422,
    field: 'level',
    zh: '层级的取值无效',
    en: 'The selected level is invalid',
  },
  {
    label: 'department: parentId that does not exist',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { parentId: 2_000_000_000 }),
    status: 422,
    field: 'parentId',
    zh: '上级不存在',
    en: 'The selected parent does not exist',
  },
  {
    label: 'department: an invalid address among the contact emails',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { contactEmails: ['longcheng@fx.jiesu.test', 'not-an-email'] }),
    status: 422,
    field: 'contactEmails.1',
    zh: '联系邮箱“not-an-email”不是有效的邮箱地址',
    en: 'Contact email "not-an-email" is not a valid email address',
  },
  {
    label: 'department: duplicate code',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { code: org.departments.bureauA.code }),
    status: 422,
    field: 'code',
    ...CODE_TAKEN,
  },
  {
    label: 'department: duplicate code in lower case (codes are upper-cased first)',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { code: org.departments.bureauA.code.toLowerCase() }),
    status: 422,
    field: 'code',
    ...CODE_TAKEN,
  },

  // Categories
  {
    label: 'category: duplicate code',
    method: 'POST',
    route: CATEGORIES,
    body: (org) => ({ code: org.categories.child.code, name: '物业管理二' }),
    status: 422,
    field: 'code',
    ...CODE_TAKEN,
  },
  {
    label: 'category: a fourth level',
    method: 'POST',
    route: CATEGORIES,
    body: (org) => ({ code: 'FX01010101', name: '电梯维保', parentId: org.categories.leaf.id }),
    status: 422,
    field: 'parentId',
    zh: '上级不合适：分类最多三级',
    en: 'Unsuitable parent: categories are at most three levels deep',
  },

  // Users
  {
    label: 'user: duplicate email (in another case)',
    method: 'POST',
    route: USERS,
    body: (org) => newStaff(org, { email: fixtureEmail('operator').toUpperCase() }),
    status: 422,
    field: 'email',
    zh: '邮箱已被使用',
    en: 'This email is already taken',
  },
  {
    label: 'user: short password',
    method: 'POST',
    route: USERS,
    body: (org) => newStaff(org, { password: 'Jiesu@1' }),
    status: 422,
    field: 'password',
    zh: '密码至少需要8个字符',
    en: 'The password field must have at least 8 characters',
  },
  {
    label: 'user: department role without departmentId',
    method: 'POST',
    route: USERS,
    body: (org) => newStaff(org, { departmentId: undefined }),
    status: 422,
    field: 'departmentId',
    zh: '该角色必须选择所属单位',
    en: 'This role must belong to a department',
  },

  // Tree rules
  {
    label: 'tree: a street directly under the province',
    method: 'POST',
    route: DEPARTMENTS,
    body: (org) => newStreet(org, { parentId: org.departments.province.id }),
    status: 422,
    field: 'parentId',
    ...LEVEL_MISMATCH,
  },
  {
    label: 'tree: a district moved under its own street',
    method: 'PATCH',
    route: 'api.departments.update',
    target: (org) => org.departments.districtA.id,
    body: (org) => ({ parentId: org.departments.streetA.id }),
    status: 422,
    field: 'parentId',
    ...CYCLE,
  },
  {
    label: 'tree: a department moved under itself',
    method: 'PATCH',
    route: 'api.departments.update',
    target: (org) => org.departments.bureauA.id,
    body: (org) => ({ parentId: org.departments.bureauA.id }),
    status: 422,
    field: 'parentId',
    ...CYCLE,
  },
  {
    label: 'tree: a category moved under its own leaf',
    method: 'PATCH',
    route: 'api.categories.update',
    target: (org) => org.categories.root.id,
    body: (org) => ({ parentId: org.categories.leaf.id }),
    status: 422,
    field: 'parentId',
    ...CYCLE,
  },
  {
    label: 'tree: deactivating a district with active children',
    method: 'POST',
    route: 'api.departments.deactivate',
    target: (org) => org.departments.districtA.id,
    body: () => ({}),
    status: 409,
    code: 'E_HAS_ACTIVE_CHILDREN',
    ...ACTIVE_CHILDREN,
  },
  {
    label: 'tree: deactivating a category with active children',
    method: 'POST',
    route: 'api.categories.deactivate',
    target: (org) => org.categories.root.id,
    body: () => ({}),
    status: 409,
    code: 'E_HAS_ACTIVE_CHILDREN',
    ...ACTIVE_CHILDREN,
  },
]

/** Every row of the tables a refusal could touch, with every column (paths included). */
async function orgTables() {
  // One after another: the test's transaction is a single connection.
  return {
    departments: await db.from('departments').orderBy('id'),
    categories: await db.from('categories').orderBy('id'),
    users: await db.from('users').orderBy('id'),
  }
}

test.group('API validation and tree rules', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{label} → {status}')
    .with(REFUSALS)
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()
      const token = await org.tokenFor('admin')
      const url = routeUrl(row.route, row.target?.(org))
      const before = await orgTables()

      for (const { locale, language } of LANGUAGES) {
        const res = await call(client, row.method, url, { token, locale, body: row.body(org) })

        res.assertStatus(row.status)
        const message = row[language]
        if (row.field) {
          assert.deepEqual(fieldMessages(res), { [row.field]: message }, `${locale ?? 'default'}`)
        } else {
          assert.deepEqual(errorsOf(res), [{ code: row.code, message }], `${locale ?? 'default'}`)
        }
      }

      assert.deepEqual(await orgTables(), before, 'a refused request wrote to the database')
    })
})
