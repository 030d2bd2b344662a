import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import queues from '#services/queues'
import FireDeadline from '#timers/fire_deadline'
import { sweep } from '#timers/sweep'
import {
  assignmentOf,
  at,
  jobData,
  notified,
  pointOf,
  timerTrace,
  timerWorld,
} from '#tests/support/timer_world'

/*
 * The worker hands FireDeadline whole batches of due points (a hundred
 * thousand deadlines can fall due in one minute). A batch must write exactly
 * what firing its points one by one writes: each point decided on its own,
 * repeats ignored, events in ladder order, urges after their escalation.
 * Tickets are dispatched Monday 23 November 2026 10:00: sign warns 11:30,
 * falls due 12:00, escalates 16:00.
 */
test.group('Timer points fired in batches', (group) => {
  const world = timerWorld(group)

  test('one batch over several tickets and departments: each point decided on its own', async ({
    assert,
  }) => {
    const first = await world.desk.dispatched('bureauA', ['streetA'])
    const second = await world.desk.dispatched('bureauB')
    const lead = await assignmentOf(first)
    const assist = await assignmentOf(first, 'assist')
    const other = await assignmentOf(second)

    at('2026-11-23T12:00')
    const outcomes = await new FireDeadline().handleMany([
      jobData(pointOf(lead, 'sign', 'warn')),
      jobData(pointOf(lead, 'sign', 'due')),
      jobData(pointOf(lead, 'sign', 'escalate')), // 16:00: not yet
      // as another producer may write it: a bigint id as a JSON string
      { ...jobData(pointOf(assist, 'sign', 'due')), assignmentId: String(assist.id) as never },
      jobData(pointOf(other, 'sign', 'due')),
      jobData(pointOf(other, 'sign', 'due')), // the same job twice in one batch
      { ...jobData(pointOf(other, 'sign', 'warn')), dueAt: '2026-11-23T11:00:00.000+08:00' },
    ])
    assert.deepEqual(outcomes, ['fired', 'fired', 'early', 'fired', 'fired', 'stale', 'stale'])

    const firstTrace = await timerTrace(first)
    assert.deepEqual(firstTrace.events.map((e) => [e.action, e.payload.assignmentId]).slice(-3), [
      ['deadline_warned', lead.id],
      ['deadline_breached', lead.id],
      ['deadline_breached', assist.id],
    ])
    const marked = await assignmentOf(first)
    assert.isNotNull(marked.signWarnedAt)
    assert.isNotNull(marked.signBreachedAt)
    assert.isNull(marked.signEscalatedAt)
    assert.isNotNull((await assignmentOf(first, 'assist')).signBreachedAt)

    const secondTrace = await timerTrace(second)
    assert.deepEqual(
      secondTrace.events.filter((e) => e.action.startsWith('deadline_')).map((e) => e.action),
      ['deadline_breached'],
      'the repeat in the batch wrote nothing'
    )
    const { users } = world.org
    assert.deepEqual(await notified(first, 'deadline_warned'), [users.department_staff.id])
    // 住建局 B's breach reaches its own staff (outsider), not 住建局 A's.
    assert.include(await notified(second, 'deadline_breached'), users.outsider.id)
    assert.notInclude(await notified(second, 'deadline_breached'), users.department_staff.id)
    // One mail row per person per point, as when fired one by one.
    assert.lengthOf(secondTrace.mails, (await notified(second, 'deadline_breached')).length)

    const before = [await timerTrace(first), await timerTrace(second)]
    const again = await new FireDeadline().handleMany([
      jobData(pointOf(lead, 'sign', 'due')),
      jobData(pointOf(other, 'sign', 'due')),
    ])
    assert.deepEqual(again, ['stale', 'stale'])
    assert.deepEqual([await timerTrace(first), await timerTrace(second)], before)
  })

  test('escalations in one batch: each urge order follows its escalation and names its order', async ({
    assert,
  }) => {
    const first = await world.desk.dispatched('bureauA')
    const second = await world.desk.dispatched('bureauB')
    at('2026-11-23T16:00')
    const points = [await assignmentOf(first), await assignmentOf(second)].map((a) =>
      jobData(pointOf(a, 'sign', 'escalate'))
    )
    assert.deepEqual(await new FireDeadline().handleMany(points), ['fired', 'fired'])

    for (const id of [first, second]) {
      const trace = await timerTrace(id)
      assert.deepEqual(
        trace.events.slice(-2).map((e) => e.action),
        ['deadline_escalated', 'urge']
      )
      assert.lengthOf(trace.urges, 1)
      assert.equal(trace.events.at(-1).payload.orderId, Number(trace.urges[0].id))
      assert.isTrue(trace.events.at(-1).payload.automatic)
      assert.deepEqual(await notified(id, 'deadline_escalated'), [world.org.users.supervisor.id])
    }
  })

  test('a suspended ticket in a batch is left alone; the others fire', async ({ assert }) => {
    const running = await world.desk.dispatched('bureauA')
    const paused = await world.desk.dispatched('bureauB')
    const points = [await assignmentOf(running), await assignmentOf(paused)].map((a) =>
      jobData(pointOf(a, 'sign', 'due'))
    )
    await db.from('tickets').where('id', paused).update({ status: 'suspended' })

    at('2026-11-23T12:00')
    assert.deepEqual(await new FireDeadline().handleMany(points), ['fired', 'stale'])
    assert.isNull((await assignmentOf(paused)).signBreachedAt)
  })
})

test.group('The horizon sweep queues each slice once', (group) => {
  const world = timerWorld(group, () => queues.get('deadlines').obliterate({ force: true }))

  test('a later sweep adds only what came inside the horizon; losing the timers brings back all', async ({
    assert,
  }) => {
    await world.desk.dispatched('bureauA')
    await world.desk.dispatched('bureauB')
    const deadlines = queues.get('deadlines')
    await deadlines.obliterate({ force: true }) // Redis lost what the dispatches queued

    assert.deepEqual(await sweep(), { fired: 0, scheduled: 6 })
    at('2026-11-23T10:01')
    assert.deepEqual(await sweep(), { fired: 0, scheduled: 0 }, 'nothing new came near')

    await deadlines.obliterate({ force: true })
    at('2026-11-23T10:02')
    assert.deepEqual(await sweep(), { fired: 0, scheduled: 6 }, 'the mark went with the timers')
    assert.equal(await deadlines.getDelayedCount(), 6 + 1, 'six points and the mark')
  })
})
