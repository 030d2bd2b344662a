import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import FireDeadline from '#timers/fire_deadline'
import SendMailBatch from '#outbox/send_mail_batch'
import { relayOutbox, windowEndOf } from '#outbox/relay'
import { buildOrg, fixtureEmail } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { MONDAY_10, TicketDesk } from '#tests/support/ticket_world'
import { assignmentOf, at, jobData, pointOf } from '#tests/support/timer_world'
import { readMail, startSmtpSink } from '#tests/support/smtp_sink'

/** What Edge does to text it prints with {{ }}. */
const escaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

test.group('Mail over a real SMTP server', (group) => {
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    at(MONDAY_10)
    return () => clock.unfreeze()
  })

  test('a warning batch arrives in Chinese: recipient, subject, code, step, deadline and why', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(() => sink.close())
    const desk = new TicketDesk(await buildOrg())
    const id = await desk.dispatched('bureauA')
    const lead = await assignmentOf(id)
    const { code } = await db.from('tickets').where('id', id).firstOrFail()

    at('2026-11-23T11:30')
    await new FireDeadline().handle(jobData(pointOf(lead, 'sign', 'warn')))
    await relayOutbox()
    const staff = fixtureEmail('department_staff')
    const batch = { recipient: staff, windowEnd: windowEndOf(clock.now()) }
    assert.equal(await new SendMailBatch(sink.mailer).handle(batch), 1)

    assert.lengthOf(sink.received, 1)
    const [received] = sink.received
    assert.deepEqual(received.envelope.to, [staff])
    assert.equal(received.envelope.from, 'noreply@jiesu.test')
    const { headers, html } = readMail(received.raw)
    assert.include(headers.to, staff)
    assert.equal(headers.subject, `【12345】时限预警 ${code}`)
    assert.match(headers['message-id'], /^<[0-9a-f]{32}@127\.0\.0\.1>$/)
    assert.include(html, code)
    assert.include(html, `http://127.0.0.1:3334/tickets/${id}`)
    assert.include(html, '时限预警')
    assert.include(html, '<td>签收</td>')
    assert.include(html, '2026年11月23日 12:00')
    const explanation = lead.deadlineNotes.sign.text['zh-CN']
    assert.include(explanation, '11月23日12:00')
    assert.include(html, escaped(explanation))

    const row = await db
      .from('outbox_messages')
      .whereRaw(`payload->'to' @> ?::jsonb`, [JSON.stringify([staff])])
    assert.deepEqual(
      row.map((r) => r.status),
      ['sent']
    )
    assert.equal(await new SendMailBatch(sink.mailer).handle(batch), 0)
    assert.lengthOf(sink.received, 1, 'sent once')
  })
})
