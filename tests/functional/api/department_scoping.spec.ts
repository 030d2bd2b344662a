import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Department from '#models/department'
import User from '#models/user'
import { buildOrg, type DepartmentKey, type UserKey } from '#tests/support/org_fixtures'
import {
  call,
  countRows,
  errorsOf,
  routeUrl,
  type HttpMethod,
  type RouteName,
} from '#tests/support/api'

/**
 * Department roles see only their reach: staff their own department, leaders
 * their department's subtree. Anything outside answers 404, exactly like a
 * record that does not exist, so the tree's shape is not revealed.
 */
const NOT_FOUND = [{ code: 'E_NOT_FOUND', message: '记录不存在或无权查看' }]

const idsOf = (body: { data: { id: number }[] }) => body.data.map((row) => row.id).sort()

interface OutOfReach {
  caller: UserKey
  method: HttpMethod
  route: RouteName
  department: DepartmentKey
  body?: Record<string, unknown>
}

const departmentSnapshot = async () => {
  const rows = await Department.query().orderBy('id')
  return rows.map((row) => row.serialize())
}

test.group('API department scoping: department staff', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the department list holds only their own department', async ({ client, assert }) => {
    const org = await buildOrg()

    const res = await call(client, 'GET', routeUrl('api.departments.index'), {
      token: await org.tokenFor('department_staff'),
    })

    res.assertStatus(200)
    assert.deepEqual(idsOf(res.body()), [org.departments.bureauA.id])
    assert.equal(res.body().meta.total, 1)
  })

  test('their own department opens', async ({ client, assert }) => {
    const org = await buildOrg()

    const res = await call(
      client,
      'GET',
      routeUrl('api.departments.show', org.departments.bureauA.id),
      { token: await org.tokenFor('department_staff') }
    )

    res.assertStatus(200)
    assert.equal(res.body().data.name, '呈贡区住房和城乡建设局')
  })

  test('{caller}: {method} {route} of {department} answers 404 and changes nothing')
    .with<OutOfReach[]>([
      // The district above them, a sibling street and the other district's bureau.
      {
        caller: 'department_staff',
        method: 'GET',
        route: 'api.departments.show',
        department: 'districtA',
      },
      {
        caller: 'department_staff',
        method: 'GET',
        route: 'api.departments.show',
        department: 'streetA',
      },
      {
        caller: 'department_staff',
        method: 'GET',
        route: 'api.departments.show',
        department: 'bureauB',
      },
      {
        caller: 'department_staff',
        method: 'PATCH',
        route: 'api.departments.update',
        department: 'bureauB',
        body: { contactEmails: ['hijack@fx.jiesu.test'] },
      },
      // A leader reaches district A's subtree, not the city above or district B.
      {
        caller: 'department_leader',
        method: 'GET',
        route: 'api.departments.show',
        department: 'city',
      },
      {
        caller: 'department_leader',
        method: 'GET',
        route: 'api.departments.show',
        department: 'districtB',
      },
      {
        caller: 'department_leader',
        method: 'GET',
        route: 'api.departments.show',
        department: 'streetB',
      },
      {
        caller: 'department_leader',
        method: 'PATCH',
        route: 'api.departments.update',
        department: 'bureauB',
        body: { contactEmails: ['hijack@fx.jiesu.test'] },
      },
      {
        caller: 'department_leader',
        method: 'POST',
        route: 'api.departments.deactivate',
        department: 'streetB',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()
      const before = await departmentSnapshot()

      const res = await call(
        client,
        row.method,
        routeUrl(row.route, org.departments[row.department].id),
        { token: await org.tokenFor(row.caller), body: row.body }
      )

      res.assertStatus(404)
      assert.deepEqual(errorsOf(res), NOT_FOUND)
      assert.deepEqual(await departmentSnapshot(), before)
    })

  test('users are not theirs to read at all: 403 by role, before any scoping', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('department_staff')

    const own = await call(
      client,
      'GET',
      routeUrl('api.users.show', org.users.department_staff.id),
      { token }
    )
    const outside = await call(client, 'GET', routeUrl('api.users.show', org.users.outsider.id), {
      token,
    })

    own.assertStatus(403)
    outside.assertStatus(403)
    assert.deepEqual(errorsOf(outside), [{ message: '无权执行此操作' }])
  })
})

test.group('API department scoping: department leader', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the department list is their subtree: district, bureau and street', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()

    const res = await call(client, 'GET', routeUrl('api.departments.index'), {
      token: await org.tokenFor('department_leader'),
    })

    res.assertStatus(200)
    const { districtA, bureauA, streetA } = org.departments
    assert.deepEqual(idsOf(res.body()), [districtA.id, bureauA.id, streetA.id].sort())
  })

  test('the user list holds only accounts of their subtree', async ({ client, assert }) => {
    const org = await buildOrg()

    const res = await call(client, 'GET', routeUrl('api.users.index'), {
      token: await org.tokenFor('department_leader'),
    })

    res.assertStatus(200)
    const { department_staff: staff, department_leader: leader } = org.users
    assert.deepEqual(idsOf(res.body()), [staff.id, leader.id].sort())
  })

  test('a user {user} outside their subtree answers 404 on show and update')
    .with<{ user: UserKey }[]>([{ user: 'outsider' }, { user: 'supervisor' }])
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()
      const token = await org.tokenFor('department_leader')
      const target = org.users[row.user]

      const show = await call(client, 'GET', routeUrl('api.users.show', target.id), { token })
      const update = await call(client, 'PATCH', routeUrl('api.users.update', target.id), {
        token,
        body: { fullName: '改名' },
      })

      show.assertStatus(404)
      update.assertStatus(404)
      assert.deepEqual(errorsOf(update), NOT_FOUND)
      const unchanged = await User.findOrFail(target.id)
      assert.equal(unchanged.fullName, target.fullName)
    })

  test('they update the contact emails of a department in their subtree, never its name', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const street = org.departments.streetA

    const res = await call(client, 'PATCH', routeUrl('api.departments.update', street.id), {
      token: await org.tokenFor('department_leader'),
      body: {
        name: '改名街道',
        code: 'FX-HIJACK',
        contactEmails: ['wjy-1@fx.jiesu.test', 'wjy-2@fx.jiesu.test'],
      },
    })

    res.assertStatus(200)
    const saved = await Department.findOrFail(street.id)
    assert.deepEqual(saved.contactEmails, ['wjy-1@fx.jiesu.test', 'wjy-2@fx.jiesu.test'])
    assert.equal(saved.name, '吴家营街道')
    assert.equal(saved.code, street.code)
    assert.equal(res.body().data.name, '吴家营街道')
  })

  test('they create a department_staff account in their subtree', async ({ client, assert }) => {
    const org = await buildOrg()

    const res = await call(client, 'POST', routeUrl('api.users.store'), {
      token: await org.tokenFor('department_leader'),
      body: {
        fullName: '吴家营新承办人',
        email: 'wjy-new@fx.jiesu.test',
        password: 'Jiesu@54321',
        role: 'department_staff',
        departmentId: org.departments.streetA.id,
      },
    })

    res.assertStatus(201)
    const created = await User.findByOrFail('email', 'wjy-new@fx.jiesu.test')
    assert.equal(created.role, 'department_staff')
    assert.equal(created.departmentId, org.departments.streetA.id)
    assert.equal(res.body().data.id, created.id)
  })

  test('creating a {role} account ({where}) answers {status} and creates nothing')
    .with<{ role: string; where: string; department: DepartmentKey | null; status: number }[]>([
      { role: 'supervisor', where: 'no department', department: null, status: 403 },
      { role: 'department_leader', where: 'street A', department: 'streetA', status: 403 },
      { role: 'department_staff', where: 'district B', department: 'bureauB', status: 404 },
      { role: 'department_staff', where: 'the city', department: 'city', status: 404 },
    ])
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()
      const usersBefore = await countRows('users')

      const res = await call(client, 'POST', routeUrl('api.users.store'), {
        token: await org.tokenFor('department_leader'),
        body: {
          fullName: '越权账号',
          email: 'overreach@fx.jiesu.test',
          password: 'Jiesu@54321',
          role: row.role,
          departmentId: row.department ? org.departments[row.department].id : null,
        },
      })

      res.assertStatus(row.status)
      assert.equal(await countRows('users'), usersBefore)
    })

  test('they may not move their staff out of their subtree (404)', async ({ client, assert }) => {
    const org = await buildOrg()
    const staff = org.users.department_staff

    const res = await call(client, 'PATCH', routeUrl('api.users.update', staff.id), {
      token: await org.tokenFor('department_leader'),
      body: { departmentId: org.departments.bureauB.id },
    })

    res.assertStatus(404)
    const unchanged = await User.findOrFail(staff.id)
    assert.equal(unchanged.departmentId, org.departments.bureauA.id)
  })
})

test.group('API not found', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  // The same answer as for a record out of reach, so an id reveals nothing.
  test('{method} {route} of an id that does not exist answers 404 "记录不存在或无权查看"')
    .with<{ method: HttpMethod; route: RouteName }[]>([
      { method: 'GET', route: 'api.departments.show' },
      { method: 'GET', route: 'api.users.show' },
      { method: 'GET', route: 'api.categories.show' },
      { method: 'PATCH', route: 'api.categories.update' },
      { method: 'POST', route: 'api.categories.deactivate' },
      { method: 'POST', route: 'api.api_clients.deactivate' },
    ])
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()

      const res = await call(client, row.method, routeUrl(row.route, 2_000_000_000), {
        token: await org.tokenFor('admin'),
        body: row.method === 'PATCH' ? { name: '不存在' } : undefined,
      })

      res.assertStatus(404)
      assert.deepEqual(
        errorsOf(res).map((error) => error.message),
        ['记录不存在或无权查看']
      )
    })
})
