import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { buildOrg, type OrgFixture } from '#tests/support/org_fixtures'
import { call } from '#tests/support/api'
import { seedReferenceData } from '#tests/support/reference_data'
import SlaPolicy from '#models/sla_policy'
import clock from '#services/clock_service'

const LIST = '/api/v1/sla-policies'

async function countPolicies(where: Record<string, string> = {}): Promise<number> {
  const [row] = await SlaPolicy.query().where(where).count('* as total')
  return Number(row.$extras.total)
}

/** A complete new version of the normal complaint policy, with a 3-day handling limit. */
async function complaintVersion(overrides: Record<string, unknown> = {}) {
  const generic = await SlaPolicy.query()
    .where({ kind: 'complaint', urgency: 'normal' })
    .firstOrFail()
  return {
    kind: 'complaint',
    urgency: 'normal',
    limits: { ...generic.limits, handle: { amount: 3, unit: 'working_days' } },
    warningRatio: 0.8,
    maxExtensionsPerRound: 1,
    maxRedoRounds: 2,
    ...overrides,
  }
}

test.group('SLA policies API', (group) => {
  let org: OrgFixture
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze('2026-11-23T09:00:00')
    org = await buildOrg()
    return () => clock.unfreeze()
  })

  test('center roles read the policies in force; department users may not', async ({
    client,
    assert,
  }) => {
    const operator = await call(client, 'GET', LIST, { token: await org.tokenFor('operator') })
    operator.assertStatus(200)
    assert.lengthOf(operator.body().data, 12)
    const staff = await call(client, 'GET', LIST, { token: await org.tokenFor('department_staff') })
    staff.assertStatus(403)
  })

  test('an edit adds a version and the old one keeps governing earlier starts', async ({
    client,
    assert,
  }) => {
    const token = await org.tokenFor('admin')
    const created = await call(client, 'POST', LIST, {
      token,
      body: await complaintVersion({ effectiveFrom: '2026-11-23T04:00:00Z' }), // 12:00 in Shanghai
    })
    created.assertStatus(201)
    assert.equal(await countPolicies({ kind: 'complaint', urgency: 'normal' }), 2)

    const preview = (from: string) =>
      call(
        client,
        'GET',
        `/api/v1/deadlines/preview?from=${from}&step=handle&kind=complaint&urgency=normal`,
        { token }
      )
    const before = await preview('2026-11-23T10:00')
    assert.equal(before.body().data.dueAt, '2026-12-07T17:30:00.000+08:00') // 10 working days
    const after = await preview('2026-11-23T13:00')
    assert.equal(after.body().data.dueAt, '2026-11-26T17:30:00.000+08:00') // 3 working days
    assert.equal(after.body().data.policy.id, created.body().data.id)
  })

  test('a scheduled version can be withdrawn; one in force cannot (409)', async ({
    client,
    assert,
  }) => {
    const token = await org.tokenFor('admin')
    const scheduled = await call(client, 'POST', LIST, {
      token,
      body: await complaintVersion({ effectiveFrom: '2027-01-01T00:00:00+08:00' }),
    })
    scheduled.assertStatus(201)
    const listed = await call(client, 'GET', LIST, { token })
    assert.lengthOf(listed.body().data, 13)

    const withdrawn = await call(client, 'DELETE', `${LIST}/${scheduled.body().data.id}`, { token })
    withdrawn.assertStatus(204)
    assert.isNull(await SlaPolicy.find(scheduled.body().data.id))

    const inForce = await SlaPolicy.query().where({ kind: 'help', urgency: 'normal' }).firstOrFail()
    const refused = await call(client, 'DELETE', `${LIST}/${inForce.id}`, { token })
    refused.assertStatus(409)
    assert.equal(refused.body().errors[0].code, 'E_POLICY_IN_FORCE')
    assert.isNotNull(await SlaPolicy.find(inForce.id))
  })

  test('only admins change policies', async ({ client, assert }) => {
    for (const role of ['operator', 'supervisor', 'auditor', 'department_leader'] as const) {
      const response = await call(client, 'POST', LIST, {
        token: await org.tokenFor(role),
        body: await complaintVersion(),
      })
      response.assertStatus(403)
    }
    assert.equal(await countPolicies(), 12)
  })

  test('{name} is refused with 422 and writes nothing')
    .with([
      {
        name: 'a backdated version',
        body: { effectiveFrom: '2026-01-01T00:00:00+08:00' },
        field: 'effectiveFrom',
        message: '生效时间不能早于现在（已下达的时限不会被改写）',
      },
      {
        name: 'half a working day',
        body: { limits: 'half-day' },
        field: 'limits.handle.amount',
        message: '按天计的时限必须是整数天',
      },
      {
        name: 'a missing step',
        body: { limits: 'no-sign' },
        field: 'limits.sign',
        message: '签收时限不能为空',
      },
      {
        name: 'a warning ratio of 2',
        body: { warningRatio: 2 },
        field: 'warningRatio',
        message: '预警比例必须在0.1到0.99之间',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const body = await complaintVersion(row.body.limits ? {} : row.body)
      if (row.body.limits === 'half-day')
        body.limits = { ...body.limits, handle: { amount: 2.5, unit: 'working_days' } }
      if (row.body.limits === 'no-sign') {
        const limits: Partial<typeof body.limits> = { ...body.limits }
        delete limits.sign
        body.limits = limits as typeof body.limits
      }
      const response = await call(client, 'POST', LIST, {
        token: await org.tokenFor('admin'),
        body,
      })
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === row.field)
      assert.equal(error?.message, row.message)
      assert.equal(await countPolicies(), 12)
    })
})
