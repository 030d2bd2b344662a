import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import clock, { toIso } from '#services/clock_service'
import queues from '#services/queues'
import FireCenterDeadline from '#timers/fire_center_deadline'
import { centerJobId, type CenterRequest } from '#timers/center_points'
import { sweep } from '#timers/sweep'
import { ticketRow } from '#tests/support/ticket_world'
import { at, notified, timerTrace, timerWorld } from '#tests/support/timer_world'

/*
 * Deadlines the center itself owes (re-dispatch after a return, review of a
 * reply, callback) and a department's answer to a 督办 order are on timers
 * too: at the due instant the step is marked breached, the ticket logs it
 * and the ladder's people hear (config/deadlines.ts `center`, `answer`).
 * Ticket dispatched Monday 23 November 2026 10:00 to 住建局 A.
 */
const request = (
  subject: CenterRequest['subject'],
  id: number,
  step: CenterRequest['step'],
  dueAt: string
): CenterRequest => ({ subject, id, step, dueAt: DateTime.fromISO(dueAt).toISO()! })

const breaches = async (ticketId: number) =>
  (await timerTrace(ticketId)).events.filter((e) => e.action === 'deadline_breached')

test.group('Center deadlines and supervision answers on timers', (group) => {
  const world = timerWorld(group, () => queues.get('deadlines').obliterate({ force: true }))

  test('review of a reply (1 working day): queued when it comes near, breached once at 17:30 Tuesday', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    at('2026-11-23T10:10')
    await world.desk.act('department_staff', id, 'sign')
    at('2026-11-23T10:30')
    await world.desk.act('department_staff', id, 'reply', {
      outcome: 'resolved',
      content: '已修复',
    })
    const dueAt = (await ticketRow(id)).review_due_at
    assert.equal(toIso(DateTime.fromJSDate(dueAt)), '2026-11-24T17:30:00.000+08:00')
    const review = request('ticket', id, 'review', '2026-11-24T17:30:00.000+08:00')
    const jobId = centerJobId({ ...review, dueAt: DateTime.fromISO(review.dueAt) })
    assert.notExists(await queues.get('deadlines').getJob(jobId), '31 hours ahead: not yet')

    at('2026-11-24T09:00')
    await sweep()
    assert.exists(await queues.get('deadlines').getJob(jobId), 'inside the horizon now')

    at('2026-11-24T17:29')
    assert.equal(await new FireCenterDeadline().handle(review), 'early')
    at('2026-11-24T17:30')
    assert.equal(await new FireCenterDeadline().handle(review), 'fired')
    const [breach] = await breaches(id)
    assert.include(breach.payload, { step: 'review', dueAt: '2026-11-24T17:30:00.000+08:00' })
    assert.equal(breach.actor_role, 'system')
    assert.deepEqual(await notified(id, 'deadline_breached'), [world.org.users.supervisor.id])
    assert.equal(
      toIso(DateTime.fromJSDate((await ticketRow(id)).review_breached_at)),
      '2026-11-24T17:30:00.000+08:00'
    )

    const after = await timerTrace(id)
    assert.equal(await new FireCenterDeadline().handle(review), 'stale')
    assert.deepEqual((await sweep()).fired, 0)
    assert.deepEqual(await timerTrace(id), after, 'firing twice changes nothing')

    // The review done: the callback runs on its own deadline; the old point stays stale.
    await world.desk.act('operator', id, 'review_accept')
    const callbackDue = (await ticketRow(id)).callback_due_at
    assert.isNotNull(callbackDue)
    assert.equal(await new FireCenterDeadline().handle(review), 'stale')
    clock.freeze(DateTime.fromJSDate(callbackDue))
    assert.equal((await sweep()).fired, 1, 'the callback deadline, caught up by the sweep')
    assert.deepEqual(
      (await breaches(id)).map((e) => e.payload.step),
      ['review', 'callback']
    )
  })

  test('a 督办 order unanswered at its due instant: the department and its leaders hear', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    await world.desk.act('department_staff', id, 'sign')
    await world.desk.act('supervisor', id, 'supervise', { content: '群众反映强烈，请限期办理。' })
    const order = await db.from('supervision_orders').where('ticket_id', id).firstOrFail()
    // 3 working days counted from Tuesday
    assert.equal(toIso(DateTime.fromJSDate(order.answer_due_at)), '2026-11-26T17:30:00.000+08:00')

    at('2026-11-26T17:29')
    assert.equal((await sweep()).fired, 0)
    at('2026-11-26T17:30')
    assert.equal((await sweep()).fired, 1)
    const [breach] = await breaches(id)
    assert.include(breach.payload, {
      step: 'answer',
      orderId: Number(order.id),
      departmentId: world.org.departments.bureauA.id,
    })
    const { users } = world.org
    assert.sameMembers(await notified(id, 'deadline_breached'), [
      users.department_staff.id,
      users.department_leader.id,
    ])
    assert.isNotNull(
      (await db.from('supervision_orders').where('id', order.id).firstOrFail()).answer_breached_at
    )
    at('2026-11-26T17:31')
    assert.equal((await sweep()).fired, 0)
  })

  test('an order answered in time, and a suspended ticket, owe nothing', async ({ assert }) => {
    const answered = await world.desk.dispatched('bureauA')
    await world.desk.act('department_staff', answered, 'sign')
    await world.desk.act('supervisor', answered, 'supervise', { content: '请限期办理。' })
    await world.desk.act('department_staff', answered, 'answer_supervision', {
      content: '已组织维修。',
    })

    const returned = await world.desk.dispatched('bureauA')
    await world.desk.act('department_staff', returned, 'return', { reason: '属住建部门职责' })
    assert.isNotNull((await ticketRow(returned)).redispatch_due_at)
    await db.from('tickets').where('id', returned).update({ status: 'suspended' })

    at('2026-12-01T17:30')
    await sweep() // the answered ticket's own handle step falls due meanwhile: that one fires
    const steps = async (id: number) => (await breaches(id)).map((e) => e.payload.step)
    assert.notInclude(await steps(answered), 'answer')
    assert.deepEqual(await steps(returned), [])
    assert.isNull((await ticketRow(returned)).redispatch_breached_at)
  })

  test('a breached review stays breached once; a reply sent back and given again arms a new one', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    await world.desk.act('department_staff', id, 'sign')
    at('2026-11-23T10:30')
    await world.desk.act('department_staff', id, 'reply', {
      outcome: 'resolved',
      content: '已修复',
    })
    at('2026-11-24T17:30')
    assert.equal((await sweep()).fired, 1)
    at('2026-11-24T17:31')
    assert.equal((await sweep()).fired, 0, 'breached once')

    at('2026-11-24T17:40')
    await world.desk.act('operator', id, 'review_reject', { reason: '答复不完整' })
    at('2026-11-25T09:10')
    await world.desk.act('department_staff', id, 'reply', {
      outcome: 'resolved',
      content: '已补充',
    })
    const row = await ticketRow(id)
    assert.isNull(row.review_breached_at, 'a new review step')
    assert.equal(toIso(DateTime.fromJSDate(row.review_due_at)), '2026-11-26T17:30:00.000+08:00')
    at('2026-11-26T17:30')
    assert.equal((await sweep()).fired, 1)
    assert.deepEqual(
      (await breaches(id)).map((e) => e.payload.step),
      ['review', 'review']
    )
  })

  test('an order is owed while the ticket is suspended', async ({ assert }) => {
    const id = await world.desk.dispatched('bureauA')
    await world.desk.act('department_staff', id, 'sign')
    await world.desk.act('supervisor', id, 'supervise', { content: '请限期办理。' })
    await world.desk.act('department_staff', id, 'suspend', { reason: '等待检测报告' })
    at('2026-11-26T17:30')
    await sweep()
    assert.deepEqual(
      (await breaches(id)).map((e) => e.payload.step),
      ['answer']
    )
  })
})
