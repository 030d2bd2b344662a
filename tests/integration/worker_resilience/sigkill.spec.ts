import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import queues from '#services/queues'
import { startSmtpCapture, type SmtpCapture } from '#tests/support/smtp_capture'
import { ResilienceWorld, type TimedTicket } from '#tests/support/resilience_world'
import { startWorker, stopAllWorkers, waitUntil } from '#tests/support/worker_processes'

const BATCH = 200

/*
 * Issue 5, resilience (a). Real `node ace jobs:work` processes against the
 * test database and the test Redis db; everything commits (the worker is
 * another process), mail goes to a real SMTP server in this process.
 */
test.group('Worker resilience: SIGKILL in the middle of a batch', (group) => {
  const world = new ResilienceWorld()
  let smtp: SmtpCapture
  let tickets: TimedTicket[] = []

  group.setup(async () => {
    await world.prepare()
    await world.flushRedis()
    smtp = await startSmtpCapture()
    return async () => {
      await stopAllWorkers()
      await smtp.close()
      await world.retire(tickets)
      await world.flushRedis()
    }
  })

  test('after a restart every due point is handled once and every mail sent once', async ({
    assert,
  }) => {
    // Dispatched six hours ago, never signed: warning, breach and escalation
    // (240 min after due) are all due, 3 points per ticket, timers in Redis.
    const now = DateTime.now()
    tickets = await world.dispatched(BATCH, (i) => ({
      warnAt: now.minus({ hours: 6, seconds: i }),
      dueAt: now.minus({ hours: 5, seconds: i }),
    }))
    const points = BATCH * 3
    assert.equal(await world.schedule(tickets), points)
    const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) }

    const first = await startWorker({ concurrency: 2, env })
    await waitUntil(
      'the first worker to handle some points',
      async () => {
        return (await world.handledPoints(tickets)) >= points / 10
      },
      { timeoutMs: 30_000, intervalMs: 10, describe: first.output }
    )
    await first.kill()
    const atKill = await world.handledPoints(tickets)
    assert.isBelow(atKill, points, 'the batch was done before the kill: make it bigger')
    // Dead means dead: nothing moves until the next worker comes.
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(await world.handledPoints(tickets), atKill)

    const second = await startWorker({ concurrency: 2, env })
    const restartedMs = await waitUntil(
      'every point handled after the restart',
      async () => {
        return (await world.handledPoints(tickets)) === points
      },
      { timeoutMs: 60_000, describe: second.output }
    )
    await world.assertHandledOnce(assert, tickets, ['warn', 'due', 'escalate'])

    const expectedRows = await world.expectedRows(tickets, ['warn', 'due', 'escalate'])
    const mailStart = Date.now()
    const rows = await world.deliverMail(tickets, expectedRows, 60_000)
    const mailMs = Date.now() - mailStart
    // The jobs the killed worker held stay `active` until BullMQ's stalled
    // check hands them to the new worker (their lock lasts 10 s); run again,
    // they must find nothing left to do.
    const deadlines = queues.get('deadlines')
    const recoveredMs = await waitUntil(
      "the killed worker's jobs to be recovered and run",
      async () => {
        const counts = await deadlines.getJobCounts('active', 'wait', 'prioritized')
        return counts.active + counts.wait + counts.prioritized === 0
      },
      { timeoutMs: 75_000, intervalMs: 500 }
    )
    await world.assertHandledOnce(assert, tickets, ['warn', 'due', 'escalate'])
    await world.assertMailedOnce(assert, smtp.mails, await world.outboxRows(tickets))
    assert.lengthOf(rows, expectedRows)
    console.log(
      `      killed at ${atKill}/${points} points, the rest handled ${restartedMs} ms after the restart; ` +
        `${rows.length} outbox rows in ${smtp.mails.length} mails after ${mailMs} ms; ` +
        `the killed worker's jobs done ${recoveredMs} ms later`
    )
    await second.stop()
  }).timeout(150_000)
})
