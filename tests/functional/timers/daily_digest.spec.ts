import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { Queue } from 'bullmq'
import { DateTime } from 'luxon'
import queueConfig from '#config/queue'
import clock from '#services/clock_service'
import QueueDailyDigests from '#timers/daily_digest'
import { registerSchedulers } from '#timers/schedulers'
import SendMailBatch from '#outbox/send_mail_batch'
import { relayOutbox, windowEndOf } from '#outbox/relay'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { TicketDesk } from '#tests/support/ticket_world'
import { at } from '#tests/support/timer_world'

/*
 * The morning digest per department. The seeded calendar has the official
 * 2026 schedule: National Day runs Thursday 1 to Wednesday 7 October, and
 * Saturday 10 October is an adjusted working day (调休).
 */
const BUREAU_A = 'bureaua@fx.jiesu.test'
const BUREAU_B = 'bureaub@fx.jiesu.test'

/** The digest rows in the outbox, keyed by department address. */
async function digests() {
  const rows = await db
    .from('outbox_messages')
    .whereRaw(`payload->>'kind' = 'daily_digest'`)
    .orderBy('id')
  return rows.map((row) => ({ key: row.dedupe_key as string, ...row.payload }))
}

const codesOf = (list: { items: { code: string }[] }) => list.items.map((item) => item.code)

test.group('Daily digest', (group) => {
  let desk: TicketDesk
  let code: (id: number) => Promise<string>

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    desk = new TicketDesk(await buildOrg())
    code = async (id) => (await db.from('tickets').where('id', id).firstOrFail()).code
    return () => clock.unfreeze()
  })

  test('one mail per department at 08:30: overdue, due today, due the next working day; once', async ({
    assert,
  }) => {
    at('2026-11-23T10:00') // Monday
    const overdue = await desk.dispatched('bureauA') // sign due Mon 12:00
    const elsewhere = await desk.dispatched('bureauB') // sign due Mon 12:00
    const tomorrow = await desk.dispatched('bureauA', [], { kind: 'consultation' })
    const nextWeek = await desk.dispatched('bureauA')
    at('2026-11-23T10:30')
    await desk.act('department_staff', nextWeek, 'sign') // handle due Mon 30 Nov
    at('2026-11-23T16:00')
    const today = await desk.dispatched('bureauA') // sign due Tue 09:30
    at('2026-11-24T08:00')
    await desk.act('department_staff', tomorrow, 'sign') // consultation: due Wed 17:30

    at('2026-11-24T08:30') // Tuesday
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 2, restDay: 0 })
    const [a, b] = await digests()
    assert.deepEqual(a.to, [BUREAU_A])
    assert.equal(a.key, `digest:${a.departmentId}:2026-11-24`)
    assert.include(a, {
      date: '2026-11-24',
      nextWorkingDay: '2026-11-25',
      departmentName: '呈贡区住房和城乡建设局',
    })
    assert.deepEqual(codesOf(a.overdue), [await code(overdue)])
    assert.deepEqual(codesOf(a.dueToday), [await code(today)])
    assert.deepEqual(codesOf(a.dueNext), [await code(tomorrow)])
    assert.deepInclude(a.overdue.items[0], { step: 'sign', dueAt: '2026-11-23T12:00:00.000+08:00' })
    assert.deepInclude(a.dueToday.items[0], {
      step: 'sign',
      dueAt: '2026-11-24T09:30:00.000+08:00',
    })
    assert.deepInclude(a.dueNext.items[0], {
      step: 'handle',
      dueAt: '2026-11-25T17:30:00.000+08:00',
    })
    assert.deepEqual(b.to, [BUREAU_B])
    assert.deepEqual(codesOf(b.overdue), [await code(elsewhere)])
    assert.deepEqual([b.dueToday.total, b.dueNext.total], [0, 0])

    // a second worker, or a second tick, adds nothing
    await new QueueDailyDigests().handle()
    at('2026-11-24T11:00')
    await new QueueDailyDigests().handle()
    assert.lengthOf(await digests(), 2)
  })

  test('on the eve of a holiday the next working day is the one after it', async ({ assert }) => {
    at('2026-09-29T10:00') // Tuesday before National Day
    const afterHoliday = await desk.dispatched('bureauA', [], { kind: 'consultation' })
    const wednesday = await desk.dispatched('bureauA', [], { kind: 'consultation' })
    at('2026-09-29T11:00')
    await desk.act('department_staff', wednesday, 'sign') // due Wed 30 Sep 17:30
    at('2026-09-30T08:00')
    await desk.act('department_staff', afterHoliday, 'sign') // due Thu 8 Oct 17:30

    at('2026-09-30T08:30')
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 1, restDay: 0 })
    const [digest] = await digests()
    assert.equal(digest.nextWorkingDay, '2026-10-08')
    assert.deepEqual(codesOf(digest.dueToday), [await code(wednesday)])
    assert.deepEqual(codesOf(digest.dueNext), [await code(afterHoliday)])
    assert.equal(digest.dueNext.items[0].dueAt, '2026-10-08T17:30:00.000+08:00')

    at('2026-10-01T08:30') // 国庆节
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 0, restDay: 1 })
    at('2026-10-10T08:30') // a Saturday, but an adjusted working day
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 1, restDay: 0 })
    const saturday = (await digests()).at(-1)!
    assert.equal(saturday.date, '2026-10-10')
    assert.equal(saturday.nextWorkingDay, '2026-10-12')
    assert.deepEqual(codesOf(saturday.overdue), [await code(wednesday), await code(afterHoliday)])
  })

  test('nothing running, or nothing in any list: no mail', async ({ assert }) => {
    at('2026-11-24T08:30')
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 0, restDay: 0 })
    at('2026-11-23T10:00')
    const id = await desk.dispatched('bureauA')
    at('2026-11-23T10:30')
    await desk.act('department_staff', id, 'sign') // handle due next Monday
    at('2026-11-24T08:30')
    assert.deepEqual(await new QueueDailyDigests().handle(), { queued: 0, restDay: 0 })
  })

  test('the digest mail: its own mail, in Chinese, with each list', async ({ assert, cleanup }) => {
    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    at('2026-11-23T10:00')
    const overdue = await desk.dispatched('bureauA')
    await relayOutbox() // the dispatch mail goes out first
    at('2026-11-24T08:30')
    await new QueueDailyDigests().handle()
    assert.equal(await relayOutbox(), 1)
    await new SendMailBatch().handle({ recipient: BUREAU_A, windowEnd: windowEndOf(clock.now()) })

    const sent = messages.sent((message) => /每日时限提醒/.test(message.toJSON().message.subject!))
    assert.lengthOf(sent, 1)
    sent[0].assertTo(BUREAU_A)
    sent[0].assertSubject('【12345】每日时限提醒 呈贡区住房和城乡建设局 11月24日（星期二）')
    sent[0].assertHtmlIncludes('已超期（1 件）')
    sent[0].assertHtmlIncludes(await code(overdue))
    sent[0].assertHtmlIncludes('2026年11月23日 12:00')
    sent[0].assertHtmlIncludes('今日到期（0 件）')
    sent[0].assertHtmlIncludes('下一工作日 11月25日（星期三） 结束前到期（0 件）')
  })

  test('jobs:work registers the digest as a cron job scheduler at 08:30 Shanghai time', async ({
    assert,
    cleanup,
  }) => {
    const queue = new Queue(`maintenance-test-${Date.now()}`, {
      connection: queueConfig.connection,
      prefix: queueConfig.prefix,
    })
    const relay = new Queue(`relay-test-${Date.now()}`, {
      connection: queueConfig.connection,
      prefix: queueConfig.prefix,
    })
    cleanup(async () => {
      for (const q of [queue, relay]) {
        await q.obliterate({ force: true })
        await q.close()
      }
    })
    await registerSchedulers(queue, relay)
    await registerSchedulers(queue, relay) // every worker does it at start: still one each

    const schedulers = await queue.getJobSchedulers()
    assert.sameMembers(
      schedulers.map((s) => s.key),
      ['sweep', 'daily-digest']
    )
    assert.deepEqual(
      (await relay.getJobSchedulers()).map((s) => s.key),
      ['relay']
    )
    const digest = (await queue.getJobScheduler('daily-digest'))!
    assert.include(digest, { name: 'digest', pattern: '30 8 * * *', tz: 'Asia/Shanghai' })
    const next = DateTime.fromMillis(Number(digest.next)).setZone('Asia/Shanghai')
    assert.equal(next.toFormat('HH:mm:ss'), '08:30:00')
    assert.isBelow(next.diffNow().as('hours'), 24)
    assert.isAbove(next.diffNow().as('hours'), 0)
  })
})
