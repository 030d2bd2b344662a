import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { ticketApi } from '#tests/support/tickets'
import { call, countRows, fieldMessages } from '#tests/support/api'

/*
 * Whether a department is still active is checked where a ticket is routed
 * to it, inside the transition's transaction (the validator only checks the
 * id exists): 422 on the field that named it, in both languages, and nothing
 * is written.
 */
test.group('Routing to a deactivated department', (group) => {
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function registered(client: Parameters<typeof ticketApi>[0]) {
    const org = await buildOrg()
    const operator = await org.tokenFor('operator')
    const res = await ticketApi(client).intake(operator, 'hotline', {
      kind: 'complaint',
      content: '小区门口路灯连续三天不亮，夜间出行不安全。',
    })
    res.assertStatus(201)
    return { org, operator, id: res.body().data.id as number }
  }

  test('dispatch to a deactivated lead: 422 on leadDepartmentId ({locale})')
    .with([
      { locale: 'zh-CN' as const, message: /已停用/ },
      { locale: 'en' as const, message: /deactivated/ },
    ])
    .run(async ({ client, assert }, { locale, message }) => {
      const { org, operator, id } = await registered(client)
      await db
        .from('departments')
        .where('id', org.departments.bureauA.id)
        .update({ is_active: false })
      const before = await countRows('ticket_assignments')
      const res = await call(client, 'POST', `/api/v1/tickets/${id}/actions/dispatch`, {
        token: operator,
        locale,
        body: { leadDepartmentId: org.departments.bureauA.id },
      })
      res.assertStatus(422)
      assert.match(fieldMessages(res).leadDepartmentId, message)
      assert.equal(await countRows('ticket_assignments'), before)
      const detail = await ticketApi(client).detail(operator, id)
      assert.equal(detail.status, 'registered')
    })

  test('a deactivated assisting department is named by its position', async ({
    client,
    assert,
  }) => {
    const { org, operator, id } = await registered(client)
    await db
      .from('departments')
      .where('id', org.departments.bureauB.id)
      .update({ is_active: false })
    const res = await ticketApi(client).act(operator, id, 'dispatch', {
      leadDepartmentId: org.departments.bureauA.id,
      assistDepartmentIds: [org.departments.streetA.id, org.departments.bureauB.id],
    })
    res.assertStatus(422)
    assert.include(Object.keys(fieldMessages(res)), 'assistDepartmentIds.1')
  })

  test('an id that was never a department is still refused by the validator', async ({
    client,
    assert,
  }) => {
    const { org, operator, id } = await registered(client)
    const res = await ticketApi(client).act(operator, id, 'dispatch', {
      leadDepartmentId: org.departments.bureauA.id + 10_000,
    })
    res.assertStatus(422)
    assert.property(fieldMessages(res), 'leadDepartmentId')
  })
})
