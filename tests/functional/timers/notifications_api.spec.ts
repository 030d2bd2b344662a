import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import FireDeadline from '#timers/fire_deadline'
import { buildOrg, type OrgFixture } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { MONDAY_10, TicketDesk } from '#tests/support/ticket_world'
import { call, errorsOf, routeUrl } from '#tests/support/api'
import { assignmentOf, at, jobData, pointOf } from '#tests/support/timer_world'
import type { ApiClient } from '@japa/api-client'

/*
 * Two tickets at 住建局 A warn at 11:30; the first falls due at 12:00. The
 * staff then holds three notifications (warn, warn, breach), the leader one
 * (breach), the outsider at 住建局 B none.
 */
test.group('Notifications API', (group) => {
  let org: OrgFixture
  let tokens: Record<'staff' | 'leader' | 'outsider', string>
  let codes: string[]

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    at(MONDAY_10)
    org = await buildOrg()
    const desk = new TicketDesk(org)
    const ids = [await desk.dispatched('bureauA'), await desk.dispatched('bureauA')]
    const fire = new FireDeadline()
    at('2026-11-23T11:30')
    for (const id of ids)
      await fire.handle(jobData(pointOf(await assignmentOf(id), 'sign', 'warn')))
    at('2026-11-23T12:00')
    await fire.handle(jobData(pointOf(await assignmentOf(ids[0]), 'sign', 'due')))
    codes = (await db.from('tickets').whereIn('id', ids).orderBy('id')).map((t) => t.code)
    tokens = {
      staff: await org.tokenFor('department_staff'),
      leader: await org.tokenFor('department_leader'),
      outsider: await org.tokenFor('outsider'),
    }
    return () => clock.unfreeze()
  })

  const list = (client: ApiClient, token: string, qs: Record<string, unknown> = {}) =>
    call(client, 'GET', routeUrl('api.notifications.index'), { token }).qs(qs)
  const unread = async (client: ApiClient, token: string) => {
    const response = await call(client, 'GET', routeUrl('api.notifications.unread_count'), {
      token,
    })
    response.assertStatus(200)
    return response.body().data.unread as number
  }
  const read = (client: ApiClient, token: string, id: number) =>
    call(client, 'POST', routeUrl('api.notifications.read', id), { token })

  test('lists the caller’s own, newest first, with a line in their language', async ({
    client,
    assert,
  }) => {
    const response = await list(client, tokens.staff)
    response.assertStatus(200)
    const { data, meta } = response.body()
    assert.equal(meta.total, 3)
    assert.deepEqual(
      data.map((n: any) => n.kind),
      ['deadline_breached', 'deadline_warned', 'deadline_warned']
    )
    assert.isAbove(data[0].id, data[1].id)
    assert.equal(data[0].message, `工单 ${codes[0]} 已超过签收时限（11月23日 12:00）`)
    assert.equal(data[2].message, `工单 ${codes[0]} 的签收时限将至（11月23日 12:00）`)
    assert.include(data[0], { ticketCode: codes[0], readAt: null })
    assert.equal(data[0].createdAt, '2026-11-23T12:00:00.000+08:00')
    assert.include(data[0].data, { step: 'sign', dueAt: '2026-11-23T12:00:00.000+08:00' })
    assert.include(data[0].data.explanation['zh-CN'], '12:00')

    const english = await call(client, 'GET', routeUrl('api.notifications.index'), {
      token: tokens.staff,
      locale: 'en',
    })
    assert.equal(
      english.body().data[0].message,
      `Ticket ${codes[0]}: the Sign deadline has passed (23 Nov 12:00)`
    )

    const pageOne = (await list(client, tokens.staff, { perPage: 2 })).body()
    const pageTwo = (await list(client, tokens.staff, { perPage: 2, page: 2 })).body()
    assert.equal(pageOne.meta.lastPage, 2)
    assert.deepEqual(
      [...pageOne.data, ...pageTwo.data].map((n: any) => n.id),
      data.map((n: any) => n.id)
    )

    const leader = (await list(client, tokens.leader)).body()
    assert.deepEqual(
      leader.data.map((n: any) => n.kind),
      ['deadline_breached']
    )
    assert.lengthOf((await list(client, tokens.outsider)).body().data, 0)
    ;(await list(client, tokens.staff, { perPage: 500 })).assertStatus(422)
  })

  test('unread count, mark one read (idempotent), ?unread=true', async ({ client, assert }) => {
    assert.equal(await unread(client, tokens.staff), 3)
    const [newest] = (await list(client, tokens.staff)).body().data

    at('2026-11-23T14:00')
    const marked = await read(client, tokens.staff, newest.id)
    marked.assertStatus(200)
    assert.equal(marked.body().data.readAt, '2026-11-23T14:00:00.000+08:00')
    assert.equal(await unread(client, tokens.staff), 2)

    at('2026-11-23T15:00')
    const again = await read(client, tokens.staff, newest.id)
    assert.equal(again.body().data.readAt, '2026-11-23T14:00:00.000+08:00', 'first reading kept')

    const open = (await list(client, tokens.staff, { unread: true })).body()
    assert.equal(open.meta.total, 2)
    assert.notInclude(
      open.data.map((n: any) => n.id),
      newest.id
    )
    assert.equal(await unread(client, tokens.leader), 1, 'the leader’s copy is their own')
  })

  test('read-all marks only the caller’s unread ones', async ({ client, assert }) => {
    const [newest] = (await list(client, tokens.staff)).body().data
    await read(client, tokens.staff, newest.id)
    const response = await call(client, 'POST', routeUrl('api.notifications.read_all'), {
      token: tokens.staff,
    })
    response.assertStatus(200)
    assert.deepEqual(response.body().data, { marked: 2 })
    assert.equal(await unread(client, tokens.staff), 0)
    assert.equal(await unread(client, tokens.leader), 1)
    const again = await call(client, 'POST', routeUrl('api.notifications.read_all'), {
      token: tokens.staff,
    })
    assert.deepEqual(again.body().data, { marked: 0 })
  })

  test('someone else’s notification is 404, exactly like a missing one', async ({
    client,
    assert,
  }) => {
    const [staffs] = (await list(client, tokens.staff)).body().data
    const foreign = await read(client, tokens.outsider, staffs.id)
    foreign.assertStatus(404)
    assert.equal(errorsOf(foreign)[0].code, 'E_NOT_FOUND')
    const missing = await read(client, tokens.outsider, staffs.id + 10_000)
    missing.assertStatus(404)
    assert.deepEqual(foreign.body(), missing.body())
    // the leader is notified on the same ticket, but this one is the staff's
    ;(await read(client, tokens.leader, staffs.id)).assertStatus(404)
    assert.equal(await unread(client, tokens.staff), 3, 'nothing was marked')
  })

  test('needs a token', async ({ client }) => {
    ;(await call(client, 'GET', routeUrl('api.notifications.index'))).assertStatus(401)
    ;(await call(client, 'GET', routeUrl('api.notifications.unread_count'))).assertStatus(401)
    ;(await call(client, 'POST', routeUrl('api.notifications.read_all'))).assertStatus(401)
  })
})
