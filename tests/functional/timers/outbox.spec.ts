import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { Queue, Worker, type Job } from 'bullmq'
import { DateTime } from 'luxon'
import OutboxRetry from '../../../commands/outbox_retry.js'
import queueConfig from '#config/queue'
import mailConfig from '#config/mail_batching'
import clock from '#services/clock_service'
import queues from '#services/queues'
import Department from '#models/department'
import FireDeadline from '#timers/fire_deadline'
import SendMailBatch, { type MailBatchInput } from '#outbox/send_mail_batch'
import { mailBatchJobId, relayOutbox, requeueStuck, windowEndOf } from '#outbox/relay'
import { markBatchDead } from '#outbox/dead_letters'
import { onMailBatchFailed, processMailBatch } from '#outbox/mail_batch_job'
import { fixtureEmail } from '#tests/support/org_fixtures'
import { assignmentOf, at, jobData, pointOf, timerWorld } from '#tests/support/timer_world'
import { batchJobsFor, freshAddress, queueMail, rowsTo } from '#tests/support/outbox_world'

/*
 * The outbox (architecture.md, "Leaving the system"): rows written with the
 * change, relayed into per-recipient batch jobs, sent once, retried, and
 * left as dead letters an admin can retry.
 */
const alert = (to: string, code: string) => ({
  kind: 'deadline_warned',
  to: [to],
  ticketId: 1,
  code,
  step: 'sign',
  dueAt: '2026-11-23T12:00:00.000+08:00',
})

test.group('Outbox: written with the change, relayed in batches', (group) => {
  const world = timerWorld(group)

  test('a transition that rolls back leaves no outbox row and no timer', async ({ assert }) => {
    const ticket = await world.desk.register()
    // Fail the transition after its outbox row is written, as a crash before commit would.
    await db.rawQuery(`CREATE FUNCTION fx_fail_after_outbox() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated failure after the outbox write'; END $$ LANGUAGE plpgsql`)
    await db.rawQuery(`CREATE TRIGGER fx_fail_after_outbox AFTER INSERT ON outbox_messages
      FOR EACH STATEMENT EXECUTE FUNCTION fx_fail_after_outbox()`)
    const jobsBefore = await queues.get('deadlines').getJobCounts('delayed', 'waiting')

    await assert.rejects(() => world.desk.dispatch(ticket.id, 'bureauA'), /simulated failure/)

    const mails = await db
      .from('outbox_messages')
      .whereRaw(`payload->>'ticketId' = ?`, [String(ticket.id)])
    assert.lengthOf(mails, 0)
    const row = await db.from('tickets').where('id', ticket.id).firstOrFail()
    assert.equal(row.status, 'registered')
    assert.lengthOf(await db.from('ticket_assignments').where('ticket_id', ticket.id), 0)
    assert.deepEqual(
      await queues.get('deadlines').getJobCounts('delayed', 'waiting'),
      jobsBefore,
      'no timer for a deadline that never was'
    )

    await db.rawQuery('DROP TRIGGER fx_fail_after_outbox ON outbox_messages')
    await world.desk.dispatch(ticket.id, 'bureauA')
    assert.lengthOf(
      await db.from('outbox_messages').whereRaw(`payload->>'ticketId' = ?`, [String(ticket.id)]),
      1,
      'the same change, committed, writes its mail'
    )
  })

  test('the relay makes one batch job per recipient and window; relaying twice queues once', async ({
    assert,
  }) => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(freshAddress)
    await queueMail('t1', alert(a, 'T1'))
    await queueMail('t2', alert(a, 'T2'))
    await queueMail('t3', alert(b, 'T3'))
    await queueMail('t4', { ...alert(c, 'T4'), to: [c, d] }) // a department with two addresses

    const windowEnd = windowEndOf(clock.now())
    assert.equal(windowEnd, DateTime.fromISO('2026-11-23T10:02:00+08:00').toMillis())
    assert.equal(await relayOutbox(), 4)
    for (const address of [a, b, c, d]) {
      const job = await queues.get('outbox').getJob(mailBatchJobId(address, windowEnd))
      assert.exists(job, address)
      assert.deepEqual(job!.data, { recipient: address, windowEnd })
      assert.equal(job!.opts.attempts, mailConfig.attempts)
      assert.equal(job!.opts.delay, 120_000, 'sent when the window closes')
    }
    for (const address of [a, b, c, d]) {
      for (const row of await rowsTo(address)) {
        assert.equal(row.status, 'queued')
        assert.deepEqual(row.payload.to, [address], 'one row per delivery')
        assert.equal(row.available_at.getTime(), windowEnd)
      }
    }
    assert.lengthOf(await rowsTo(a), 2)

    assert.equal(await relayOutbox(), 0, 'nothing pending: nothing to relay')
    at('2026-11-23T10:01:30')
    await queueMail('t5', alert(a, 'T5'))
    assert.equal(await relayOutbox(), 1)
    assert.lengthOf(await batchJobsFor(a), 1, 'a later row joins the same window')

    at('2026-11-23T10:02:10')
    await queueMail('t6', alert(a, 'T6'))
    await relayOutbox()
    assert.lengthOf(await batchJobsFor(a), 2, 'the next window has its own job')
    assert.lengthOf(await batchJobsFor(b), 1)
  })

  test('SendMailBatch: one mail per recipient with all their items, marked sent, never twice', async ({
    assert,
    cleanup,
  }) => {
    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    const staff = fixtureEmail('department_staff')
    const first = await world.desk.dispatched('bureauA')
    const second = await world.desk.dispatched('bureauA')
    at('2026-11-23T11:30')
    for (const id of [first, second])
      await new FireDeadline().handle(jobData(pointOf(await assignmentOf(id), 'sign', 'warn')))
    await relayOutbox()
    const windowEnd = windowEndOf(clock.now())

    at('2026-11-23T11:32')
    const batch: MailBatchInput = { recipient: staff, windowEnd }
    assert.equal(await new SendMailBatch().handle(batch), 2)
    messages.assertSentCount(1)
    const [sent] = messages.sent()
    sent.assertTo(staff)
    sent.assertSubject('【12345】2 条工单提醒')
    const codes = await db.from('tickets').whereIn('id', [first, second]).select('code')
    for (const { code } of codes) sent.assertHtmlIncludes(code)
    sent.assertHtmlIncludes('时限预警')
    sent.assertHtmlIncludes('签收')
    for (const row of await rowsTo(staff)) {
      assert.equal(row.status, 'sent')
      assert.equal(row.attempts, 1)
      assert.isNotNull(row.sent_at)
    }

    assert.equal(await new SendMailBatch().handle(batch), 0, 'a second run finds nothing')
    messages.assertSentCount(1)
  })

  test('every contact address of a department gets its own copy of a dispatch mail', async ({
    assert,
    cleanup,
  }) => {
    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    const [office, chief] = [freshAddress('office'), freshAddress('chief')]
    await Department.query()
      .where('id', world.org.departments.bureauA.id)
      .update({ contact_emails: JSON.stringify([office, chief]) })
    const id = await world.desk.dispatched('bureauA')
    const { code } = await db.from('tickets').where('id', id).firstOrFail()
    await relayOutbox()
    const windowEnd = windowEndOf(clock.now())

    for (const address of [office, chief])
      assert.equal(await new SendMailBatch().handle({ recipient: address, windowEnd }), 1)
    messages.assertSentCount(2)
    messages.assertSent({ to: office, subject: `【12345】新派工单 ${code}` })
    messages.assertSent({ to: chief, subject: `【12345】新派工单 ${code}` })
  })

  test('a failing send: rows stay queued and it throws; BullMQ retries; then dead letters; outbox:retry revives them', async ({
    assert,
    cleanup,
  }) => {
    const address = freshAddress('flaky')
    await queueMail('f1', alert(address, 'F1'))
    await queueMail('f2', alert(address, 'F2'))
    await relayOutbox()
    const windowEnd = windowEndOf(clock.now())
    let calls = 0
    const refusing = {
      async send(): Promise<never> {
        calls++
        throw new Error('421 4.7.0 try again later')
      },
    }

    await assert.rejects(
      () => new SendMailBatch(refusing as any).handle({ recipient: address, windowEnd }),
      /421/
    )
    for (const row of await rowsTo(address)) {
      assert.equal(row.status, 'queued', 'back in the queue for the retry')
      assert.equal(row.attempts, 1)
      assert.include(row.last_error, '421')
    }

    // The worker's own processor and failure hook on a real BullMQ queue.
    const name = `outbox-retry-${Date.now()}`
    const connection = { ...queueConfig.connection, maxRetriesPerRequest: null }
    const queue = new Queue(name, { connection, prefix: queueConfig.prefix })
    const worker = new Worker(name, processMailBatch(refusing as any), {
      connection,
      prefix: queueConfig.prefix,
    })
    cleanup(async () => {
      await worker.close()
      await queue.obliterate({ force: true })
      await queue.close()
    })
    const dead = new Promise<number>((resolve, reject) => {
      worker.on('failed', (job: Job | undefined) => {
        if (job && job.attemptsMade >= 3) onMailBatchFailed(job).then(resolve, reject)
      })
    })
    await queue.add(
      'mail-batch',
      { recipient: address, windowEnd },
      { attempts: 3, backoff: { type: 'exponential', delay: 20 } }
    )
    assert.equal(await dead, 2)
    assert.equal(calls, 1 + 3, 'BullMQ tried three times')
    for (const row of await rowsTo(address)) {
      assert.equal(row.status, 'dead')
      assert.equal(row.attempts, 4)
    }
    assert.equal(await markBatchDead(address), 0, 'already dead')

    const command = await ace.create(OutboxRetry, [])
    command.ui.switchMode('raw')
    await command.exec()
    assert.equal(command.exitCode, 0)
    for (const row of await rowsTo(address)) {
      assert.equal(row.status, 'pending')
      assert.equal(row.attempts, 0)
    }

    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    at('2026-11-23T10:05')
    assert.equal(await relayOutbox(), 2)
    const retried = windowEndOf(clock.now())
    assert.equal(await new SendMailBatch().handle({ recipient: address, windowEnd: retried }), 2)
    messages.assertSentCount(1)
    assert.deepEqual(
      (await rowsTo(address)).map((row) => row.status),
      ['sent', 'sent']
    )
  })

  test('rows that lost their way go back to pending: a sender died mid-send, a batch job vanished', async ({
    assert,
  }) => {
    const [stuck, lost, waiting] = ['stuck', 'lost', 'waiting'].map(freshAddress)
    await queueMail('s1', alert(stuck, 'S1'))
    await queueMail('l1', alert(lost, 'L1'))
    await queueMail('w1', alert(waiting, 'W1'))
    await relayOutbox()
    const minutesAgo = (minutes: number) => clock.now().minus({ minutes }).toJSDate()
    await rowsTo(stuck).update({ status: 'sending', available_at: minutesAgo(6) })
    await rowsTo(lost).update({ available_at: minutesAgo(16) })

    assert.equal(await requeueStuck(), 2)
    assert.equal((await rowsTo(stuck))[0].status, 'pending')
    assert.equal((await rowsTo(lost))[0].status, 'pending')
    assert.equal((await rowsTo(waiting))[0].status, 'queued', 'its window has not closed')
    assert.equal(await relayOutbox(), 2, 'both join a new batch')
  })

  test('a row addressed to a role reaches its holders; other topics wait for their consumer', async ({
    assert,
  }) => {
    // as a third dissatisfied callback writes it (center_effects.ts, escalate)
    await queueMail('escalate:1:3', {
      kind: 'escalate',
      role: 'supervisor',
      ticketId: 1,
      code: 'E1',
    })
    await db.transaction((trx) =>
      trx
        .insertQuery()
        .table('outbox_messages')
        .insert({
          topic: 'national_result',
          dedupe_key: 'national:1',
          payload: JSON.stringify({ ticketId: 1 }),
          status: 'pending',
          attempts: 0,
          available_at: clock.now().toJSDate(),
          created_at: clock.now().toJSDate(),
        })
    )

    assert.equal(await relayOutbox(), 1)
    const supervisor = fixtureEmail('supervisor')
    const [row] = await rowsTo(supervisor)
    assert.equal(row.dedupe_key, 'escalate:1:3')
    assert.equal(row.status, 'queued')
    assert.exists(
      await queues.get('outbox').getJob(mailBatchJobId(supervisor, windowEndOf(clock.now())))
    )
    const national = await db.from('outbox_messages').where('dedupe_key', 'national:1').first()
    assert.equal(national.status, 'pending')
  })
})
