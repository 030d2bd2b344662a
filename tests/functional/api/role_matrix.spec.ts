import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Department from '#models/department'
import Category from '#models/category'
import User from '#models/user'
import ApiClient from '#models/api_client'
import CreateUser from '#actions/org/create_user'
import CreateApiClient from '#actions/org/create_api_client'
import { buildOrg, FIXTURE_PASSWORD, type OrgFixture } from '#tests/support/org_fixtures'
import { call, errorsOf, routeUrl, type HttpMethod, type RouteName } from '#tests/support/api'

/**
 * Every role against every admin endpoint. Targets sit inside the department
 * roles' reach (bureau A, a street of district A), so a refusal here comes
 * from the role (403), never from scoping (404: see department_scoping.spec.ts).
 */
const ROLES = [
  'admin',
  'operator',
  'supervisor',
  'auditor',
  'department_staff',
  'department_leader',
] as const

type Statuses = [number, number, number, number, number, number]

interface Endpoint {
  method: HttpMethod
  route: RouteName
  /** The record the request acts on (or, for a list, expects to see). */
  target: (org: OrgFixture) => Promise<number> | number
  /** Whether the target id goes in the URL. */
  byId: boolean
  body?: (org: OrgFixture) => Record<string, unknown>
  /** What an allowed write changes, read back from the database. */
  state?: (id: number) => Promise<unknown>
  /** Expected status per role, in the order of ROLES. */
  statuses: Statuses
}

const department = async (id: number) => {
  const row = await Department.findOrFail(id)
  return { name: row.name, contactEmails: row.contactEmails, isActive: row.isActive }
}
const category = async (id: number) => {
  const row = await Category.findOrFail(id)
  return { name: row.name, isActive: row.isActive }
}
const user = async (id: number) => {
  const row = await User.findOrFail(id)
  return { fullName: row.fullName, isActive: row.isActive }
}
/** How many rows of `table` have `column` = `value`. */
const countWhere = async (table: string, column: string, value: string) => {
  const row = await db.from(table).where(column, value).count('* as total').firstOrFail()
  return Number(row.total)
}

/** Deactivates `row` directly, so that an activate request has something to do. */
const deactivatedId = async (row: { id: number; isActive: boolean; save(): Promise<unknown> }) => {
  row.isActive = false
  await row.save()
  return row.id
}

/** A department_staff account in street A: inside the leader's subtree, not the caller. */
async function targetStaff(org: OrgFixture, isActive = true) {
  const staff = await new CreateUser().handle({
    fullName: '吴家营承办人',
    email: 'wujiaying-staff@fx.jiesu.test',
    password: FIXTURE_PASSWORD,
    role: 'department_staff',
    departmentId: org.departments.streetA.id,
  })
  return isActive ? staff.id : deactivatedId(staff)
}

async function newApiClient() {
  const { client } = await new CreateApiClient().handle({
    name: '国家政务服务便民热线平台',
    scopes: ['national:push'],
  })
  return client.id
}

async function apiClientActive(id: number) {
  const row = await ApiClient.findOrFail(id)
  return row.isActive
}

//                          admin oper  super audit staff leader
const EVERYONE: Statuses = [200, 200, 200, 200, 200, 200]
const ADMIN_ONLY: Statuses = [200, 403, 403, 403, 403, 403]
const ADMIN_CREATES: Statuses = [201, 403, 403, 403, 403, 403]
const USER_READERS: Statuses = [200, 403, 200, 200, 403, 200]
const USER_MANAGERS: Statuses = [200, 403, 403, 403, 403, 200]

const ENDPOINTS: Endpoint[] = [
  // Departments: everyone reads (scoped); admins write; leaders keep contact emails current.
  {
    method: 'GET',
    route: 'api.departments.index',
    byId: false,
    target: (org) => org.departments.bureauA.id,
    statuses: EVERYONE,
  },
  {
    method: 'GET',
    route: 'api.departments.show',
    byId: true,
    target: (org) => org.departments.bureauA.id,
    statuses: EVERYONE,
  },
  {
    method: 'POST',
    route: 'api.departments.store',
    byId: false,
    target: () => 0,
    body: (org) => ({
      code: 'FX-530114002',
      name: '龙城街道',
      level: 'street',
      parentId: org.departments.districtA.id,
    }),
    state: () => countWhere('departments', 'code', 'FX-530114002'),
    statuses: ADMIN_CREATES,
  },
  {
    method: 'PATCH',
    route: 'api.departments.update',
    byId: true,
    target: (org) => org.departments.bureauA.id,
    body: () => ({ name: '呈贡区住建局', contactEmails: ['zjj@fx.jiesu.test'] }),
    state: department,
    statuses: [200, 403, 403, 403, 403, 200],
  },
  {
    method: 'POST',
    route: 'api.departments.deactivate',
    byId: true,
    target: (org) => org.departments.bureauA.id,
    state: department,
    statuses: ADMIN_ONLY,
  },
  {
    method: 'POST',
    route: 'api.departments.activate',
    byId: true,
    target: (org) => deactivatedId(org.departments.bureauA),
    state: department,
    statuses: ADMIN_ONLY,
  },

  // Categories: everyone reads (intake needs the tree); admins write.
  {
    method: 'GET',
    route: 'api.categories.index',
    byId: false,
    target: (org) => org.categories.leaf.id,
    statuses: EVERYONE,
  },
  {
    method: 'GET',
    route: 'api.categories.show',
    byId: true,
    target: (org) => org.categories.leaf.id,
    statuses: EVERYONE,
  },
  {
    method: 'POST',
    route: 'api.categories.store',
    byId: false,
    target: () => 0,
    body: (org) => ({ code: 'FX010102', name: '物业费纠纷', parentId: org.categories.child.id }),
    state: () => countWhere('categories', 'code', 'FX010102'),
    statuses: ADMIN_CREATES,
  },
  {
    method: 'PATCH',
    route: 'api.categories.update',
    byId: true,
    target: (org) => org.categories.leaf.id,
    body: () => ({ name: '物业服务' }),
    state: category,
    statuses: ADMIN_ONLY,
  },
  {
    method: 'POST',
    route: 'api.categories.deactivate',
    byId: true,
    target: (org) => org.categories.leaf.id,
    state: category,
    statuses: ADMIN_ONLY,
  },
  {
    method: 'POST',
    route: 'api.categories.activate',
    byId: true,
    target: (org) => deactivatedId(org.categories.leaf),
    state: category,
    statuses: ADMIN_ONLY,
  },

  // Users: read by admin, supervisor, auditor and leaders; written by admins,
  // and by leaders for department_staff accounts of their subtree.
  {
    method: 'GET',
    route: 'api.users.index',
    byId: false,
    target: (org) => targetStaff(org),
    statuses: USER_READERS,
  },
  {
    method: 'GET',
    route: 'api.users.show',
    byId: true,
    target: (org) => targetStaff(org),
    statuses: USER_READERS,
  },
  {
    method: 'POST',
    route: 'api.users.store',
    byId: false,
    target: () => 0,
    body: (org) => ({
      fullName: '新承办人',
      email: 'new-staff@fx.jiesu.test',
      password: 'Jiesu@54321',
      role: 'department_staff',
      departmentId: org.departments.streetA.id,
    }),
    state: () => countWhere('users', 'email', 'new-staff@fx.jiesu.test'),
    statuses: [201, 403, 403, 403, 403, 201],
  },
  {
    method: 'PATCH',
    route: 'api.users.update',
    byId: true,
    target: (org) => targetStaff(org),
    body: () => ({ fullName: '吴家营承办员' }),
    state: user,
    statuses: USER_MANAGERS,
  },
  {
    method: 'POST',
    route: 'api.users.deactivate',
    byId: true,
    target: (org) => targetStaff(org),
    state: user,
    statuses: USER_MANAGERS,
  },
  {
    method: 'POST',
    route: 'api.users.activate',
    byId: true,
    target: (org) => targetStaff(org, false),
    state: user,
    statuses: USER_MANAGERS,
  },

  // API clients hold signing secrets: admins only.
  {
    method: 'GET',
    route: 'api.api_clients.index',
    byId: false,
    target: () => newApiClient(),
    statuses: ADMIN_ONLY,
  },
  {
    method: 'POST',
    route: 'api.api_clients.store',
    byId: false,
    target: () => 0,
    body: () => ({ name: '开放311伙伴', scopes: ['open311'] }),
    state: () => countWhere('api_clients', 'name', '开放311伙伴'),
    statuses: ADMIN_CREATES,
  },
  {
    method: 'POST',
    route: 'api.api_clients.deactivate',
    byId: true,
    target: () => newApiClient(),
    state: apiClientActive,
    statuses: ADMIN_ONLY,
  },
]

const ROWS = ENDPOINTS.flatMap((endpoint) =>
  ROLES.map((role, column) => ({
    role,
    method: endpoint.method,
    route: endpoint.route,
    status: endpoint.statuses[column],
    endpoint,
  }))
)

/** The ids a read answers with: `data` is a page, a list or one record. */
function idsIn(body: { data?: { id: number } | { id: number }[] }): number[] {
  const data = body.data ?? []
  return (Array.isArray(data) ? data : [data]).map((row) => row.id)
}

test.group('API role matrix', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{role}: {method} {route} → {status}')
    .with(ROWS)
    .run(async ({ client, assert }, row) => {
      const { endpoint } = row
      const org = await buildOrg()
      const targetId = await endpoint.target(org)
      const before = await endpoint.state?.(targetId)

      const res = await call(
        client,
        endpoint.method,
        routeUrl(endpoint.route, endpoint.byId ? targetId : undefined),
        { token: await org.tokenFor(row.role), body: endpoint.body?.(org) }
      )

      res.assertStatus(row.status)
      const after = await endpoint.state?.(targetId)
      if (row.status === 403) {
        assert.deepEqual(errorsOf(res), [{ message: '无权执行此操作' }])
        assert.deepEqual(after, before, 'a refused request changed the database')
      } else if (endpoint.method === 'GET') {
        assert.include(idsIn(res.body()), targetId)
      } else {
        assert.notDeepEqual(after, before, 'an allowed write left the database unchanged')
      }
    })
})
