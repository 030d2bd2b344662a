import { test } from '@japa/runner'
import User from '#models/user'
import Department from '#models/department'
import TicketEvent from '#models/ticket_event'
import { seedOrganisation } from '#database/seeding/organisation'
import { seedReferenceData } from '#tests/support/reference_data'
import { ticketApi } from '#tests/support/tickets'

const ROUNDS = 5

async function tokenFor(email: string): Promise<string> {
  const user = await User.findByOrFail('email', email)
  return (await User.accessTokens.create(user)).value!.release()
}

/*
 * These tests commit (no wrapping transaction): a real race needs two
 * database connections. They use the idempotent demo organisation, so the
 * rows they leave behind are tickets only.
 */
test.group('Concurrent actions on one ticket', (group) => {
  group.setup(async () => {
    await seedReferenceData()
    await seedOrganisation()
  })

  test('two dispatches at once: exactly one wins, the other gets 409 with what is allowed now', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const operator = await tokenFor('operator@km12345.example')
    const supervisor = await tokenFor('supervisor@km12345.example')
    const [lead, other] = await Promise.all([
      Department.findByOrFail('code', '530114-ZJ'),
      Department.findByOrFail('code', '530100-CG'),
    ])
    for (let round = 0; round < ROUNDS; round++) {
      const id = (
        await api.intake(operator, 'hotline', {
          kind: 'help',
          content: `并发派单测试第${round}次，路面塌陷。`,
        })
      ).body().data.id
      const responses = await Promise.all([
        api.act(operator, id, 'dispatch', { leadDepartmentId: lead.id }),
        api.act(supervisor, id, 'dispatch', { leadDepartmentId: other.id }),
      ])
      const statuses = responses.map((r) => r.status()).sort()
      assert.deepEqual(statuses, [200, 409])
      const loser = responses.find((r) => r.status() === 409)!
      const error = loser.body().errors[0]
      assert.equal(error.code, 'E_INVALID_TRANSITION')
      assert.equal(error.status, 'dispatched')
      assert.equal(error.version, 2)
      assert.notInclude(error.allowedActions, 'dispatch')
      assert.include(error.allowedActions, 'urge')
      const dispatches = await TicketEvent.query().where({ ticketId: id, action: 'dispatch' })
      assert.lengthOf(dispatches, 1)
    }
  })

  test('the same sign sent twice at once (a double click) is applied once', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const operator = await tokenFor('operator@km12345.example')
    const staff = await tokenFor('staff@km12345.example')
    const lead = await Department.findByOrFail('code', '530114-ZJ')
    for (let round = 0; round < ROUNDS; round++) {
      const id = (
        await api.intake(operator, 'hotline', {
          kind: 'help',
          content: `并发签收测试第${round}次，井盖缺失。`,
        })
      ).body().data.id
      ;(await api.act(operator, id, 'dispatch', { leadDepartmentId: lead.id })).assertStatus(200)
      const responses = await Promise.all([api.act(staff, id, 'sign'), api.act(staff, id, 'sign')])
      assert.deepEqual(responses.map((r) => r.status()).sort(), [200, 409])
      const loser = responses.find((r) => r.status() === 409)!
      assert.equal(loser.body().errors[0].code, 'E_ALREADY_SIGNED')
      assert.equal(loser.body().errors[0].status, 'handling')
      assert.include(loser.body().errors[0].allowedActions, 'reply')
      assert.lengthOf(await TicketEvent.query().where({ ticketId: id, action: 'sign' }), 1)
    }
  })

  test('a stale expectedVersion is refused even when the action would fit', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const operator = await tokenFor('operator@km12345.example')
    const id = (
      await api.intake(operator, 'hotline', { kind: 'help', content: '版本号校验测试，路灯闪烁。' })
    ).body().data.id
    const lead = await Department.findByOrFail('code', '530114-ZJ')
    ;(await api.act(operator, id, 'urge', { content: '请尽快处理' })).assertStatus(200)
    const stale = await api.act(operator, id, 'dispatch', {
      leadDepartmentId: lead.id,
      expectedVersion: 1,
    })
    stale.assertStatus(409)
    assert.equal(stale.body().errors[0].code, 'E_STALE_VERSION')
    assert.equal(stale.body().errors[0].version, 2)
  })
})

test.group('Many intakes at once, each dispatched (受理即转办)', (group) => {
  group.setup(async () => {
    await seedReferenceData()
    await seedOrganisation()
  })

  test('more concurrent dispatches than pool connections all finish: a transaction never waits for a second connection', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const operator = await tokenFor('operator@km12345.example')
    const lead = await Department.findByOrFail('code', '530114-ZJ')
    // The app's pool holds 10 connections (config/database.ts).
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.intake(operator, 'hotline', {
          kind: 'help',
          content: `并发受理即转办第${i}件，路灯不亮。`,
          dispatch: { leadDepartmentId: lead.id },
        })
      )
    )
    assert.deepEqual(
      [...new Set(responses.map((r) => r.status()))],
      [201],
      'every intake answered 201'
    )
    for (const response of responses) assert.equal(response.body().data.status, 'dispatched')
  }).timeout(60_000)
})
