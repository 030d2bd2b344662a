import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import queueConfig from '#config/queue'
import queues from '#services/queues'
import { ResilienceWorld, type TimedTicket } from '#tests/support/resilience_world'
import { startWorker, stopAllWorkers, waitUntil } from '#tests/support/worker_processes'

const TICKETS = 40

/*
 * Issue 5, resilience (b): Redis loses everything while deadlines are open
 * and their timers wait in it. The issue says FLUSHALL; the Redis server is
 * shared with other databases (the app's, other suites'), so the test
 * empties only the worker's own database with FLUSHDB: for the worker the
 * effect is the same (every queue key, delayed job and job scheduler gone).
 */
test.group('Worker resilience: Redis flushed', (group) => {
  const world = new ResilienceWorld()
  let tickets: TimedTicket[] = []

  group.setup(async () => {
    await world.prepare()
    await world.flushRedis()
    return async () => {
      await stopAllWorkers()
      await world.retire(tickets)
      await world.flushRedis()
    }
  })

  test('the sweeps restore the timers and every point that comes due fires once', async ({
    assert,
  }) => {
    const worker = await startWorker({ concurrency: 2 })
    await world.startupSweepDone()
    // Warning and breach a few seconds ahead, escalation hours ahead: all in Redis.
    const now = DateTime.now()
    tickets = await world.dispatched(TICKETS, (i) => ({
      warnAt: now.plus({ seconds: 6 + (i % 4) }),
      dueAt: now.plus({ seconds: 10 + (i % 4) }),
    }))
    assert.equal(await world.schedule(tickets), TICKETS * 3)
    const deadlines = queues.get('deadlines')
    const escalation = (ticket: TimedTicket) => world.jobId(ticket, 'escalate')
    assert.equal(await deadlines.getJobState(escalation(tickets[0])), 'delayed')

    await world.flushRedis()
    assert.equal(await deadlines.count(), 0, 'every timer is gone')
    assert.equal(await world.handledPoints(tickets), 0)

    // Nothing here restarts the worker or adds a job: only its own sweeps can
    // bring the timers back. They run every sweepEveryMs.
    const waitMs = queueConfig.sweepEveryMs + 30_000
    const lastDue = Math.max(...tickets.map((ticket) => ticket.dueAt.toMillis()))
    await waitUntil(
      'every warning and breach handled and the escalations back in Redis',
      async () => {
        if (Date.now() < lastDue) return false
        if ((await world.handledPoints(tickets)) !== TICKETS * 2) return false
        const states = await Promise.all(
          tickets.map((ticket) => deadlines.getJobState(escalation(ticket)))
        )
        return states.every((state) => state === 'delayed')
      },
      {
        timeoutMs: waitMs,
        intervalMs: 500,
        describe: async () =>
          `handled ${await world.handledPoints(tickets)}/${TICKETS * 2} points, ` +
          `${await deadlines.count()} deadline jobs and ` +
          `${(await queues.get('maintenance').getJobSchedulers()).length} job schedulers in Redis; ` +
          `worker output:\n${worker.output()}`,
      }
    )
    await world.assertHandledOnce(assert, tickets, ['warn', 'due'])
    assert.isFalse(worker.exited())
    await worker.stop()
  }).timeout(queueConfig.sweepEveryMs + 90_000)
})
