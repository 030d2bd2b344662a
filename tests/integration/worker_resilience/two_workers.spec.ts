import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { startSmtpCapture, type SmtpCapture } from '#tests/support/smtp_capture'
import { ResilienceWorld, type TimedTicket } from '#tests/support/resilience_world'
import { startWorker, stopAllWorkers, waitUntil } from '#tests/support/worker_processes'

const OVERDUE = 150
const COMING = 50

/*
 * Issue 5, resilience (d): the service scaled out to two worker processes.
 * Both start together, so both start-up sweeps, both relays and both
 * deadline and mail consumers race over the same work.
 */
test.group('Worker resilience: two workers at once', (group) => {
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

  test('each deadline is handled once and each mail sent once', async ({ assert }) => {
    const now = DateTime.now()
    // Overdue long enough for the whole ladder, timers already in Redis …
    const overdue = await world.dispatched(OVERDUE, (i) => ({
      warnAt: now.minus({ hours: 6, seconds: i }),
      dueAt: now.minus({ hours: 5, seconds: i }),
    }))
    // … and warnings and breaches coming due while both run.
    const coming = await world.dispatched(COMING, (i) => ({
      warnAt: now.plus({ seconds: 6 + (i % 3) }),
      dueAt: now.plus({ seconds: 9 + (i % 3) }),
    }))
    tickets = [...overdue, ...coming]
    assert.equal(await world.schedule(tickets), (OVERDUE + COMING) * 3)

    const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) }
    const workers = await Promise.all([
      startWorker({ concurrency: 3, env }),
      startWorker({ concurrency: 3, env }),
    ])
    const expected = OVERDUE * 3 + COMING * 2
    await waitUntil(
      'every due point handled',
      async () => (await world.handledPoints(tickets)) === expected,
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        describe: async () =>
          `handled ${await world.handledPoints(tickets)}/${expected}; ` +
          workers.map((w) => w.output()).join('\n'),
      }
    )
    await world.assertHandledOnce(assert, overdue, ['warn', 'due', 'escalate'])
    await world.assertHandledOnce(assert, coming, ['warn', 'due'])

    const expectedRows =
      (await world.expectedRows(overdue, ['warn', 'due', 'escalate'])) +
      (await world.expectedRows(coming, ['warn', 'due']))
    const rows = await world.deliverMail(tickets, expectedRows, 60_000)
    assert.lengthOf(rows, expectedRows)
    await world.assertMailedOnce(assert, smtp.mails, rows)
    for (const worker of workers) assert.isFalse(worker.exited())
    console.log(
      `      ${expected} points handled; ${rows.length} outbox rows in ${smtp.mails.length} mails`
    )
    await Promise.all(workers.map((worker) => worker.stop()))
  }).timeout(150_000)
})
