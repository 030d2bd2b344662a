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

  // The second case lists the lead among the assists: it is dropped from
  // them, and the index still points at the request body.
  test('a deactivated assist is named by its place in the request ({case})')
    .with([
      { case: 'after another assist', first: 'streetA' as const },
      { case: 'after the lead, which leaves the assists', first: 'bureauA' as const },
    ])
    .run(async ({ client, assert }, { first }) => {
      const { org, operator, id } = await registered(client)
      const { bureauA, bureauB } = org.departments
      await db.from('departments').where('id', bureauB.id).update({ is_active: false })
      const res = await ticketApi(client).act(operator, id, 'dispatch', {
        leadDepartmentId: bureauA.id,
        assistDepartmentIds: [org.departments[first].id, bureauB.id],
      })
      res.assertStatus(422)
      assert.deepEqual(Object.keys(fieldMessages(res)), ['assistDepartmentIds.1'])
    })

  test('a redo round drops an inherited assist that was deactivated, and asks for a new lead when the lead was', async ({
    client,
    assert,
  }) => {
    const { org, operator, id } = await registered(client)
    const api = ticketApi(client)
    const staff = await org.tokenFor('department_staff')
    const supervisor = await org.tokenFor('supervisor')
    const { bureauA, bureauB, streetA } = org.departments
    const toCallback = async () => {
      ;(await api.act(staff, id, 'sign')).assertStatus(200)
      ;(
        await api.act(staff, id, 'reply', { outcome: 'explained', content: '已处理' })
      ).assertStatus(200)
      ;(await api.act(supervisor, id, 'review_accept')).assertStatus(200)
    }
    const activeRound = async (round: number) =>
      (
        await db
          .from('ticket_assignments')
          .where({ ticket_id: id, round, active: true })
          .orderBy('id')
      ).map((a) => [a.department_id, a.role])

    ;(
      await api.act(operator, id, 'dispatch', {
        leadDepartmentId: bureauA.id,
        assistDepartmentIds: [streetA.id],
      })
    ).assertStatus(200)
    await toCallback()
    await db.from('departments').where('id', streetA.id).update({ is_active: false })
    const redo = await api.act(operator, id, 'callback_record', { result: 'dissatisfied' })
    redo.assertStatus(200)
    assert.deepEqual(await activeRound(2), [[bureauA.id, 'lead']])

    await toCallback()
    await db.from('departments').where('id', bureauA.id).update({ is_active: false })
    const refused = await api.act(operator, id, 'callback_record', { result: 'dissatisfied' })
    refused.assertStatus(422)
    assert.deepEqual(Object.keys(fieldMessages(refused)), ['leadDepartmentId'])
    const rerouted = await api.act(operator, id, 'callback_record', {
      result: 'dissatisfied',
      leadDepartmentId: bureauB.id,
    })
    rerouted.assertStatus(200)
    assert.deepEqual(await activeRound(3), [[bureauB.id, 'lead']])
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
