import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import clock, { toIso } from '#services/clock_service'
import FireDeadline from '#timers/fire_deadline'
import { scheduleAssignments } from '#timers/schedule_timers'
import { sweep } from '#timers/sweep'
import { timerJobId } from '#timers/timer_points'
import queues from '#services/queues'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { startTimerWorker } from '#tests/support/timer_worker'
import { MONDAY_10, TicketDesk } from '#tests/support/ticket_world'
import {
  assignmentOf,
  at,
  jobData,
  notified,
  pointOf,
  timerJob,
  timerTrace,
} from '#tests/support/timer_world'

/*
 * Old jobs must be harmless once a deadline moves or stops (architecture.md,
 * "Deadlines"): the job carries the deadline it was made for, and the handler
 * re-reads the row. Calendar: Mon–Fri 09:00–12:00, 13:30–17:30, no holiday
 * near Monday 23 November 2026.
 */
test.group('Deadline changes make old jobs harmless', (group) => {
  let desk: TicketDesk

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    at(MONDAY_10)
    desk = new TicketDesk(await buildOrg())
    return () => clock.unfreeze()
  })

  test('dispatch schedules the sign points in Redis under deterministic ids', async ({
    assert,
  }) => {
    const id = await desk.dispatched('bureauA')
    const lead = await assignmentOf(id)
    for (const phase of ['warn', 'due', 'escalate'] as const) {
      const point = pointOf(lead, 'sign', phase)
      const job = await timerJob(point)
      assert.exists(job, `${phase} job in Redis`)
      assert.equal(job!.id, `deadline-${lead.id}-sign-${phase}-${point.dueAt.toMillis()}`)
      assert.deepEqual(job!.data, jobData(point))
      // delayed until the point (the clock is frozen, so the delay is exact)
      assert.equal(job!.opts.delay, point.at.toMillis() - clock.now().toMillis())
    }
    // a second scheduling (a sweep racing the transition) adds nothing new
    const again = await scheduleAssignments([lead])
    assert.equal(again, 3)
    const waiting = await (
      await import('#services/queues')
    ).default
      .get('deadlines')
      .getJobs(['delayed', 'waiting'])
    assert.lengthOf(
      waiting.filter((job) => job.id?.startsWith(`deadline-${lead.id}-`)),
      3,
      'one job per point'
    )
  })

  test('suspend → the old jobs find the clock stopped; resume → new deadline, new job ids, old ones stale', async ({
    assert,
  }) => {
    const id = await desk.dispatched('bureauA')
    const before = await assignmentOf(id)
    const oldWarn = pointOf(before, 'sign', 'warn')
    const oldDue = pointOf(before, 'sign', 'due')
    const oldWarnJob = (await timerJob(oldWarn))!
    const oldDueJob = (await timerJob(oldDue))!

    at('2026-11-23T10:30')
    await desk.act('supervisor', id, 'suspend', { reason: '等待诉求人补充材料' })
    at('2026-11-23T12:05')
    const fire = new FireDeadline()
    assert.equal(await fire.handle(oldWarnJob.data), 'stale', 'suspended: no warning')
    assert.equal(await fire.handle(oldDueJob.data), 'stale', 'suspended: no breach')
    assert.equal((await sweep()).fired, 0, 'the sweep leaves a suspended ticket alone')

    at('2026-11-23T13:30')
    await desk.act('supervisor', id, 'resume')
    const after = await assignmentOf(id)
    // paused 10:30–12:00 = 90 working minutes: 12:00 + 90 → 15:00; 11:30 + 90 → 14:30
    assert.equal(toIso(after.signDueAt), '2026-11-23T15:00:00.000+08:00')
    assert.equal(toIso(after.signWarnAt), '2026-11-23T14:30:00.000+08:00')
    const newWarn = pointOf(after, 'sign', 'warn')
    const newDue = pointOf(after, 'sign', 'due')
    assert.notEqual(timerJobId(newWarn), oldWarnJob.id)
    assert.notEqual(timerJobId(newDue), oldDueJob.id)
    assert.exists(await timerJob(newWarn), 'the resume scheduled the new warning')
    assert.exists(await timerJob(newDue), 'the resume scheduled the new due point')

    // running again, past the old instants: the old jobs still do nothing
    const trace = await timerTrace(id)
    assert.equal(await fire.handle(oldWarnJob.data), 'stale')
    assert.equal(await fire.handle(oldDueJob.data), 'stale')
    assert.deepEqual(await timerTrace(id), trace)

    at('2026-11-23T14:30')
    assert.equal(await fire.handle((await timerJob(newWarn))!.data), 'fired')
    at('2026-11-23T15:00')
    assert.equal(await fire.handle((await timerJob(newDue))!.data), 'fired')
    const breach = (await timerTrace(id)).events.find((e) => e.action === 'deadline_breached')
    assert.equal(breach.payload.dueAt, '2026-11-23T15:00:00.000+08:00')
  })

  test('an approved extension: the old handle jobs are stale, the new deadline has new ids', async ({
    assert,
  }) => {
    const id = await desk.dispatched('bureauA')
    at('2026-11-23T11:00')
    await desk.act('department_staff', id, 'sign')
    const before = await assignmentOf(id)
    const oldDue = pointOf(before, 'handle', 'due')
    assert.equal(toIso(oldDue.at), '2026-11-30T17:30:00.000+08:00') // help: 5 working days
    // the day before, the horizon sweep would have put it in Redis
    await scheduleAssignments([before], oldDue.at.minus({ hours: 20 }))
    const oldDueJob = (await timerJob(oldDue))!
    assert.exists(oldDueJob)

    at('2026-11-27T10:00')
    await desk.act('department_staff', id, 'request_extension', {
      requestedWorkingDays: 3,
      reason: '需协调维保单位',
    })
    await desk.act('supervisor', id, 'approve_extension', { comment: '同意' })
    const after = await assignmentOf(id)
    const newDue = pointOf(after, 'handle', 'due')
    assert.equal(toIso(newDue.at), '2026-12-03T17:30:00.000+08:00') // three working days more
    assert.notEqual(timerJobId(newDue), oldDueJob.id)

    at('2026-11-30T17:30')
    const fire = new FireDeadline()
    assert.equal(await fire.handle(oldDueJob.data), 'stale', 'the old deadline is gone')
    assert.equal((await sweep()).fired, 0, 'nothing of the new deadline is due yet')
    assert.deepEqual(await notified(id, 'deadline_breached'), [])

    await scheduleAssignments([after], newDue.at.minus({ hours: 20 }))
    const newDueJob = (await timerJob(newDue))!
    assert.exists(newDueJob)
    at('2026-12-03T17:30')
    assert.equal(await fire.handle(newDueJob.data), 'fired')
    assert.lengthOf(await notified(id, 'deadline_breached'), 2)
  })

  test('a job that ran while the clock was stopped does not block its point after the resume', async ({
    assert,
    cleanup,
  }) => {
    await queues.get('deadlines').obliterate({ force: true })
    const worker = startTimerWorker()
    cleanup(() => worker.close())
    const { results } = worker
    const ran = worker.completed

    at('2026-11-27T16:00') // Friday: sign warns 17:30, due Monday 09:30
    const id = await desk.dispatched('bureauA')
    const warn = pointOf(await assignmentOf(id), 'sign', 'warn')
    assert.equal(toIso(warn.at), '2026-11-27T17:30:00.000+08:00')
    at('2026-11-27T17:31')
    await desk.act('supervisor', id, 'suspend', { reason: '周末暂停' })
    at('2026-11-27T17:40')
    await (await timerJob(warn))!.promote() // its time has come: the worker runs it
    await ran(1)
    assert.deepEqual(results, ['stale'])

    at('2026-11-30T08:50') // resumed before Monday opens: no working time paused
    await desk.act('supervisor', id, 'resume')
    assert.equal(timerJobId(pointOf(await assignmentOf(id), 'sign', 'warn')), timerJobId(warn))
    await ran(2)
    assert.deepEqual(results, ['stale', 'fired'], 'the same point, scheduled again, fires')
    assert.lengthOf(await notified(id, 'deadline_warned'), 1)
  })

  test('a closed ticket owes nothing: an assist that never signed gets no breach', async ({
    assert,
  }) => {
    const id = await desk.dispatched('bureauA', ['streetA'])
    const assist = await assignmentOf(id, 'assist')
    const assistDue = pointOf(assist, 'sign', 'due')
    at('2026-11-23T10:30')
    await desk.act('department_staff', id, 'sign')
    await desk.act('department_staff', id, 'reply', { outcome: 'resolved', content: '已处理' })
    await desk.act('supervisor', id, 'close')

    at('2026-11-23T17:00')
    assert.equal(await new FireDeadline().handle(jobData(assistDue)), 'stale')
    assert.equal((await sweep()).fired, 0)
    assert.notInclude(
      (await timerTrace(id)).events.map((e) => e.action),
      'deadline_breached'
    )
  })
})
