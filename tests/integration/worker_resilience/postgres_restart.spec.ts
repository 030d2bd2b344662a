import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import env from '#start/env'
import { startSmtpCapture, type SmtpCapture } from '#tests/support/smtp_capture'
import { ResilienceWorld, type TimedTicket } from '#tests/support/resilience_world'
import { startWorker, stopAllWorkers, waitUntil } from '#tests/support/worker_processes'

const run = promisify(execFile)
const TICKETS = 30
/** the first point comes due this long after scheduling: time enough to restart PostgreSQL */
const LEAD_SECONDS = 20

/**
 * Restarts the local PostgreSQL cluster (`pg_ctlcluster … restart`: a fast
 * shutdown that drops every session) and waits until it accepts
 * connections again. It is the shared server: this takes a few seconds.
 */
async function restartPostgres(): Promise<number> {
  const began = Date.now()
  const [version] = await readdir('/etc/postgresql')
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    timeout: 60_000,
  })
  const host = env.get('DB_HOST')
  const port = String(env.get('DB_PORT'))
  await waitUntil(
    'pg_isready',
    async () => {
      try {
        await run('pg_isready', ['-h', host, '-p', port, '-q'])
        return true
      } catch {
        return false
      }
    },
    { timeoutMs: 30_000, intervalMs: 200 }
  )
  return Date.now() - began
}

/*
 * Issue 5, resilience (c): PostgreSQL goes away and comes back under a
 * running worker. Timers waiting in Redis come due after the restart; the
 * worker must reconnect on its own and handle them, and mail them.
 */
test.group('Worker resilience: PostgreSQL restarted', (group) => {
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

  test('the worker reconnects and handles what comes due after the restart', async ({ assert }) => {
    const worker = await startWorker({
      concurrency: 2,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) },
    })
    const now = DateTime.now()
    tickets = await world.dispatched(TICKETS, (i) => ({
      warnAt: now.plus({ seconds: LEAD_SECONDS + (i % 5) }),
      dueAt: now.plus({ seconds: LEAD_SECONDS + 5 + (i % 5) }),
    }))
    assert.equal(await world.schedule(tickets), TICKETS * 3)
    // The worker's start-up sweep has used its pool: the restart kills those connections.
    await new Promise((resolve) => setTimeout(resolve, 1000))

    const restartMs = await restartPostgres()
    const firstWarning = now.plus({ seconds: LEAD_SECONDS })
    assert.isBelow(
      DateTime.now().toMillis(),
      firstWarning.toMillis(),
      `the restart took ${restartMs} ms, past the first point: raise LEAD_SECONDS`
    )

    // This process's own pool recovers too: its old connections are dead.
    const recoveredInMs = await waitUntil(
      'a query through the test process pool',
      async () => {
        try {
          await db.rawQuery('SELECT 1')
          return true
        } catch {
          return false
        }
      },
      { timeoutMs: 15_000, intervalMs: 200 }
    )
    assert.equal(await world.handledPoints(tickets), 0, 'nothing was due yet')

    await waitUntil(
      'every warning and breach handled after the restart',
      async () => (await world.handledPoints(tickets)) === TICKETS * 2,
      {
        timeoutMs: (LEAD_SECONDS + 30) * 1000,
        intervalMs: 250,
        describe: async () =>
          `handled ${await world.handledPoints(tickets)}/${TICKETS * 2}; worker output:\n${worker.output()}`,
      }
    )
    assert.isFalse(worker.exited(), `the worker died:\n${worker.output()}`)
    await world.assertHandledOnce(assert, tickets, ['warn', 'due'])

    const expectedRows = await world.expectedRows(tickets, ['warn', 'due'])
    const rows = await world.deliverMail(tickets, expectedRows, 30_000)
    await world.assertMailedOnce(assert, smtp.mails, rows)
    console.log(
      `      PostgreSQL restart ${restartMs} ms, test pool back after ${recoveredInMs} ms; ` +
        `${rows.length} outbox rows in ${smtp.mails.length} mails`
    )
    await worker.stop()
  }).timeout(120_000)
})
