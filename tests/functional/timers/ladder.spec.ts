import { test } from '@japa/runner'
import clock, { toIso } from '#services/clock_service'
import FireDeadline from '#timers/fire_deadline'
import { sweep } from '#timers/sweep'
import { fixtureEmail } from '#tests/support/org_fixtures'
import {
  assignmentOf,
  at,
  jobData,
  mailedTo,
  notified,
  pointOf,
  timerTrace,
  timerWorld,
} from '#tests/support/timer_world'

/*
 * The escalation ladder of config/deadlines.ts, on a ticket dispatched to
 * 住建局 A on Monday 23 November 2026 at 10:00 (a plain working day): sign
 * warns at 11:30 (75 % of 2 working hours), falls due at 12:00, escalates
 * 240 minutes later at 16:00. 住建局 A's staff is `department_staff`; the
 * leader heading 呈贡区 above it is `department_leader`.
 */
const fire = (point: Parameters<typeof jobData>[0]) => new FireDeadline().handle(jobData(point))

test.group('Deadline ladder, fired directly', (group) => {
  const world = timerWorld(group)

  test('warning point: the department staff get a notification and a mail, the step is marked warned', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    const warn = pointOf(await assignmentOf(id), 'sign', 'warn')
    assert.equal(toIso(warn.at), '2026-11-23T11:30:00.000+08:00')

    at('2026-11-23T11:29:59')
    const before = await timerTrace(id)
    assert.equal(await fire(warn), 'early')
    assert.deepEqual(await timerTrace(id), before, 'an early call writes nothing')

    at('2026-11-23T11:30')
    assert.equal(await fire(warn), 'fired')
    const { users } = world.org
    assert.deepEqual(await notified(id, 'deadline_warned'), [users.department_staff.id])
    assert.deepEqual(await mailedTo(id, 'deadline_warned'), [fixtureEmail('department_staff')])
    const lead = await assignmentOf(id)
    assert.equal(toIso(lead.signWarnedAt), '2026-11-23T11:30:00.000+08:00')
    assert.isNull(lead.signBreachedAt)
    const event = (await timerTrace(id)).events.at(-1)
    assert.equal(event.action, 'deadline_warned')
    assert.equal(event.actor_role, 'system')
    assert.equal(event.payload.step, 'sign')
    assert.equal(event.payload.dueAt, '2026-11-23T12:00:00.000+08:00')
    assert.include(event.payload.explanation['zh-CN'], '12:00')

    const after = await timerTrace(id)
    assert.equal(await fire(warn), 'stale')
    at('2026-11-23T11:45')
    assert.equal(await fire(warn), 'stale')
    assert.deepEqual(await timerTrace(id), after, 'firing twice changes nothing')
  })

  test('due point: the step is marked breached, logged on the ticket, department and leaders told', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    const due = pointOf(await assignmentOf(id), 'sign', 'due')

    at('2026-11-23T11:59')
    assert.equal(await fire(due), 'early')
    at('2026-11-23T12:00')
    assert.equal(await fire(due), 'fired')

    const { users } = world.org
    const lead = await assignmentOf(id)
    assert.equal(toIso(lead.signBreachedAt), '2026-11-23T12:00:00.000+08:00')
    assert.deepEqual(
      await notified(id, 'deadline_breached'),
      [users.department_staff.id, users.department_leader.id].sort((a, b) => a - b)
    )
    assert.sameMembers(await mailedTo(id, 'deadline_breached'), [
      fixtureEmail('department_staff'),
      fixtureEmail('department_leader'),
    ])
    assert.deepEqual(await notified(id, 'deadline_warned'), [], 'the warning is its own point')
    const breach = (await timerTrace(id)).events.filter((e) => e.action === 'deadline_breached')
    assert.lengthOf(breach, 1)
    assert.include(breach[0].payload, {
      step: 'sign',
      departmentId: world.org.departments.bureauA.id,
    })

    const after = await timerTrace(id)
    assert.equal(await fire(due), 'stale')
    assert.deepEqual(await timerTrace(id), after)
  })

  test('past due by escalate.afterMinutes: supervisors told and an automatic urge issued', async ({
    assert,
  }) => {
    const id = await world.desk.dispatched('bureauA')
    const escalate = pointOf(await assignmentOf(id), 'sign', 'escalate')
    assert.equal(toIso(escalate.at), '2026-11-23T16:00:00.000+08:00')

    at('2026-11-23T15:59')
    assert.equal(await fire(escalate), 'early')
    assert.lengthOf((await timerTrace(id)).urges, 0)

    at('2026-11-23T16:00')
    assert.equal(await fire(escalate), 'fired')
    assert.deepEqual(await notified(id, 'deadline_escalated'), [world.org.users.supervisor.id])
    assert.deepEqual(await mailedTo(id, 'deadline_escalated'), [fixtureEmail('supervisor')])
    const trace = await timerTrace(id)
    assert.lengthOf(trace.urges, 1)
    assert.include(trace.urges[0], {
      kind: 'urge',
      department_id: world.org.departments.bureauA.id,
      issued_by: null,
    })
    const urge = trace.events.find((e) => e.action === 'urge')
    assert.deepInclude(urge.payload, { automatic: true, orderId: trace.urges[0].id })
    // the urged department hears of it like a supervisor's urge
    assert.deepEqual(await mailedTo(id, 'urge'), ['bureaua@fx.jiesu.test'])
    assert.isNotNull((await assignmentOf(id)).signEscalatedAt)

    assert.equal(await fire(escalate), 'stale')
    at('2026-11-23T18:00')
    assert.equal(await fire(escalate), 'stale')
    assert.deepEqual(await timerTrace(id), trace, 'one urge, one notice, however often')
  })

  test('the handle step climbs the same ladder once signed (办理)', async ({ assert }) => {
    const id = await world.desk.dispatched('bureauA')
    at('2026-11-23T11:00')
    await world.desk.act('department_staff', id, 'sign')
    const lead = await assignmentOf(id)
    assert.throws(() => pointOf(lead, 'sign', 'warn'), /no open sign warn/)
    const warn = pointOf(lead, 'handle', 'warn')
    const due = pointOf(lead, 'handle', 'due')
    assert.equal(toIso(due.at), '2026-11-30T17:30:00.000+08:00') // help: 5 working days

    clock.freeze(warn.at)
    assert.equal(await fire(warn), 'fired')
    clock.freeze(due.at)
    assert.equal(await fire(due), 'fired')
    assert.equal(await fire(due), 'stale')
    const trace = await timerTrace(id)
    assert.deepEqual(
      trace.events.filter((e) => e.action.startsWith('deadline_')).map((e) => e.payload.step),
      ['handle', 'handle']
    )
    const stored = await assignmentOf(id)
    assert.isNotNull(stored.handleWarnedAt)
    assert.isNotNull(stored.handleBreachedAt)
    assert.isNull(stored.signBreachedAt, 'the sign step was met')
  })
})

test.group('Deadline ladder, through the sweep', (group) => {
  const world = timerWorld(group)

  test('each minute fires what has come due, each point once', async ({ assert }) => {
    const id = await world.desk.dispatched('bureauA')
    const steps: [string, number, string[]][] = [
      ['2026-11-23T11:00', 0, []],
      ['2026-11-23T11:30', 1, ['deadline_warned']],
      ['2026-11-23T11:31', 0, []],
      ['2026-11-23T12:00', 1, ['deadline_breached']],
      ['2026-11-23T15:59', 0, []],
      ['2026-11-23T16:00', 1, ['deadline_escalated', 'urge']],
      ['2026-11-23T16:01', 0, []],
      ['2026-11-24T09:00', 0, []],
    ]
    let seen = (await timerTrace(id)).events.length
    for (const [time, fired, actions] of steps) {
      at(time)
      const result = await sweep()
      assert.equal(result.fired, fired, `fired at ${time}`)
      const events = (await timerTrace(id)).events
      assert.deepEqual(
        events.slice(seen).map((e) => e.action),
        actions,
        `events at ${time}`
      )
      seen = events.length
    }
    const { users } = world.org
    assert.deepEqual(await notified(id, 'deadline_warned'), [users.department_staff.id])
    assert.lengthOf(await notified(id, 'deadline_breached'), 2)
    assert.deepEqual(await notified(id, 'deadline_escalated'), [users.supervisor.id])
    assert.lengthOf((await timerTrace(id)).urges, 1)
  })
})
