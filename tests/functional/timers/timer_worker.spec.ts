import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { Queue } from 'bullmq'
import { DateTime } from 'luxon'
import queueConfig from '#config/queue'
import clock from '#services/clock_service'
import queues from '#services/queues'
import { registerSchedulers } from '#timers/schedulers'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { TicketDesk } from '#tests/support/ticket_world'
import { assignmentOf, at, jobData, notified, pointOf } from '#tests/support/timer_world'
import { startTimerWorker } from '#tests/support/timer_worker'

/*
 * The `deadlines` processor of `jobs:work`, run by a real BullMQ worker.
 * BullMQ delays run on the real clock, so the ticket here lives a week
 * ahead of today: its points lie in the real future.
 */
test.group('The deadlines worker', (group) => {
  let desk: TicketDesk

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    const nextWeek = DateTime.now()
      .setZone('Asia/Shanghai')
      .plus({ weeks: 1 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    at(nextWeek.toISO()!)
    desk = new TicketDesk(await buildOrg())
    await queues.get('deadlines').obliterate({ force: true })
    return () => clock.unfreeze()
  })

  test('a job run before its instant waits for it again instead of being lost', async ({
    assert,
    cleanup,
  }) => {
    const id = await desk.dispatched('bureauA')
    const warn = pointOf(await assignmentOf(id), 'sign', 'warn')
    const deadlines = queues.get('deadlines')
    await deadlines.obliterate({ force: true })
    // As if queued with a delay computed too early: it runs at once.
    await deadlines.add('fire', jobData(warn), { jobId: 'early-warn', removeOnComplete: true })
    const worker = startTimerWorker()
    cleanup(() => worker.close())

    await worker.taken(1)
    for (let waited = 0; (await deadlines.getJobState('early-warn')) !== 'delayed'; waited += 20) {
      if (waited > 10_000) throw new Error('the early job was not delayed again')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    assert.deepEqual(worker.results, [], 'not completed: it waits')
    assert.isNull((await assignmentOf(id)).signWarnedAt)

    clock.freeze(warn.at)
    await (await deadlines.getJob('early-warn'))!.promote()
    await worker.completed(1)
    assert.deepEqual(worker.results, ['fired'])
    assert.lengthOf(await notified(id, 'deadline_warned'), 1)
  })

  test('the horizon mark is a no-op job; an unknown job name changes nothing', async ({
    assert,
    cleanup,
  }) => {
    const deadlines = queues.get('deadlines')
    await deadlines.add('horizon', {}, { jobId: 'mark-test' })
    const worker = startTimerWorker()
    cleanup(() => worker.close())
    await worker.completed(1)
    assert.deepEqual(worker.results, ['mark'])
  })
})

test.group('Job schedulers across releases', () => {
  test('a relay scheduler left on maintenance by the previous release is removed', async ({
    assert,
    cleanup,
  }) => {
    const maintenance = new Queue(`maintenance-upgrade-${Date.now()}`, {
      connection: queueConfig.connection,
      prefix: queueConfig.prefix,
    })
    const relay = new Queue(`relay-upgrade-${Date.now()}`, {
      connection: queueConfig.connection,
      prefix: queueConfig.prefix,
    })
    cleanup(async () => {
      for (const q of [maintenance, relay]) {
        await q.obliterate({ force: true })
        await q.close()
      }
    })
    await maintenance.upsertJobScheduler('relay', { every: 5000 }, { name: 'relay' })

    await registerSchedulers(maintenance, relay)
    assert.sameMembers(
      (await maintenance.getJobSchedulers()).map((s) => s.key),
      ['sweep', 'daily-digest']
    )
    assert.deepEqual(
      (await relay.getJobSchedulers()).map((s) => s.key),
      ['relay']
    )
  })
})
