import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import clock, { toIso } from '#services/clock_service'
import queues from '#services/queues'
import { sweep } from '#timers/sweep'
import { TIMER_PHASES } from '#timers/timer_points'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { MONDAY_10, TicketDesk } from '#tests/support/ticket_world'
import { assignmentOf, at, pointOf, timerJob, timerTrace } from '#tests/support/timer_world'

/** Redis loses every timer (FLUSHALL, a new instance): only PostgreSQL is left. */
const loseRedis = () => queues.get('deadlines').obliterate({ force: true })

test.group('Sweeps rebuild the timers from PostgreSQL', (group) => {
  let desk: TicketDesk

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    at(MONDAY_10)
    desk = new TicketDesk(await buildOrg())
    return () => clock.unfreeze()
  })

  test('a lost Redis: the catch-up sweep fires every point due but unmarked, once', async ({
    assert,
  }) => {
    const first = await desk.dispatched('bureauA', ['streetA'])
    const second = await desk.dispatched('bureauB')
    await loseRedis()

    at('2026-11-23T16:30') // every sign point of all three assignments has passed
    assert.deepEqual(await sweep(), { fired: 9, scheduled: 0 })

    for (const [id, role] of [
      [first, 'lead'],
      [first, 'assist'],
      [second, 'lead'],
    ] as const) {
      const assignment = await assignmentOf(id, role)
      assert.isNotNull(assignment.signWarnedAt, `${id} ${role} warned`)
      assert.isNotNull(assignment.signBreachedAt, `${id} ${role} breached`)
      assert.isNotNull(assignment.signEscalatedAt, `${id} ${role} escalated`)
    }
    const events = (await timerTrace(first)).events.map((e) => e.action)
    // the ladder in order, for each department
    assert.deepEqual(
      events.filter((action) => action !== 'register' && action !== 'dispatch'),
      [
        'deadline_warned',
        'deadline_breached',
        'deadline_escalated',
        'urge',
        'deadline_warned',
        'deadline_breached',
        'deadline_escalated',
        'urge',
      ]
    )
    assert.lengthOf((await timerTrace(second)).urges, 1)

    const trace = [await timerTrace(first), await timerTrace(second)]
    assert.deepEqual(await sweep(), { fired: 0, scheduled: 0 })
    at('2026-11-23T16:31')
    assert.deepEqual(await sweep(), { fired: 0, scheduled: 0 })
    assert.deepEqual([await timerTrace(first), await timerTrace(second)], trace)
  })

  test('the horizon sweep schedules points inside the horizon only', async ({ assert }) => {
    const soon = await desk.dispatched('bureauA')
    const later = await desk.dispatched('bureauB')
    at('2026-11-23T10:30')
    await desk.act('outsider', later, 'sign') // bureau B signs: its handle step runs for days
    await loseRedis()

    const sign = await assignmentOf(soon)
    const handle = await assignmentOf(later)
    const warn = pointOf(handle, 'handle', 'warn')
    const due = pointOf(handle, 'handle', 'due')
    assert.equal(toIso(due.at), '2026-11-30T17:30:00.000+08:00')

    assert.deepEqual(await sweep(), { fired: 0, scheduled: 3 })
    for (const phase of TIMER_PHASES) assert.exists(await timerJob(pointOf(sign, 'sign', phase)))
    for (const phase of TIMER_PHASES)
      assert.notExists(await timerJob(pointOf(handle, 'handle', phase)), `handle ${phase} waits`)

    // A long limit warns days before it is due: the warning must be scheduled
    // when it comes near, not when the due instant does.
    clock.freeze(warn.at.minus({ hours: 23 }))
    const nearWarning = await sweep()
    assert.equal(nearWarning.scheduled, 1)
    const job = await timerJob(warn)
    assert.exists(job)
    assert.equal(job!.opts.delay, 23 * 3600_000)
    assert.notExists(await timerJob(due))

    clock.freeze(due.at.minus({ hours: 23 }))
    await sweep()
    assert.exists(await timerJob(due), 'the due point, 23 h ahead')
    assert.notExists(await timerJob(pointOf(handle, 'handle', 'escalate')), '27 h ahead: later')
  })
})
