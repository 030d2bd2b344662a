import { test } from '@japa/runner'
import { chineseDate, chineseDateTime, composeLetters } from '#outbox/letters'

/* How a recipient's queued rows become mails (pure: no database, no SMTP). */
const APP = 'https://jiesu.example.gov.cn'
const alert = (id: number, kind: string, extra: Record<string, unknown> = {}) => ({
  id,
  payload: { kind, to: ['a@x'], ticketId: id, code: `C${id}`, ...extra },
})
const digest = (id: number) => ({
  id,
  payload: {
    kind: 'daily_digest',
    to: ['a@x'],
    departmentName: '住建局',
    date: '2026-11-24',
    nextWorkingDay: '2026-11-25',
    overdue: {
      total: 3,
      items: [
        { ticketId: 9, code: 'C9', title: 't', step: 'sign', dueAt: '2026-11-23T12:00:00+08:00' },
      ],
    },
    dueToday: { total: 0, items: [] },
    dueNext: { total: 0, items: [] },
  },
})

test.group('composeLetters', () => {
  test('{name}')
    .with([
      {
        name: 'one alert: its kind and code in the subject',
        items: [alert(1, 'deadline_warned')],
        subjects: ['【12345】时限预警 C1'],
      },
      {
        name: 'several alerts: one mail that counts them',
        items: [alert(1, 'deadline_warned'), alert(2, 'urge'), alert(3, 'dispatch')],
        subjects: ['【12345】3 条工单提醒'],
      },
      {
        name: 'an unknown kind still gets a subject',
        items: [alert(1, 'something_new')],
        subjects: ['【12345】工单提醒 C1'],
      },
      {
        name: 'a digest alone',
        items: [digest(5)],
        subjects: ['【12345】每日时限提醒 住建局 11月24日（星期二）'],
      },
      {
        name: 'alerts first, each digest in its own mail',
        items: [digest(5), alert(1, 'urge'), alert(2, 'deadline_breached')],
        subjects: ['【12345】2 条工单提醒', '【12345】每日时限提醒 住建局 11月24日（星期二）'],
      },
    ])
    .run(({ assert }, row) => {
      const letters = composeLetters(row.items, APP)
      assert.deepEqual(
        letters.map((l) => l.subject),
        row.subjects
      )
      assert.sameMembers(
        letters.flatMap((l) => l.ids),
        row.items.map((i) => i.id),
        'every row in exactly one mail'
      )
    })

  test('the Message-ID depends on the rows only, so a resend after a crash carries the same one', ({
    assert,
  }) => {
    const [first] = composeLetters([alert(1, 'urge'), alert(2, 'urge')], APP)
    const [again] = composeLetters([alert(1, 'urge'), alert(2, 'urge')], APP)
    const [other] = composeLetters([alert(1, 'urge'), alert(3, 'urge')], APP)
    assert.equal(first.messageId, again.messageId)
    assert.notEqual(first.messageId, other.messageId)
    assert.match(first.messageId, /^<[0-9a-f]{32}@jiesu\.example\.gov\.cn>$/)
  })

  test('alert lines: Chinese labels, Shanghai time, link, explanation', ({ assert }) => {
    const [letter] = composeLetters(
      [
        alert(7, 'deadline_breached', {
          step: 'handle',
          title: '路灯不亮',
          dueAt: '2026-11-30T09:30:00Z',
          explanation: { 'zh-CN': '5 个工作日', 'en': '5 working days' },
        }),
      ],
      APP
    )
    assert.equal(letter.view, 'emails/ticket_alerts')
    assert.deepEqual((letter.data.items as any[])[0], {
      code: 'C7',
      title: '路灯不亮',
      link: `${APP}/tickets/7`,
      kind: '已超期',
      step: '办理',
      dueAt: '2026年11月30日 17:30',
      explanation: '5 个工作日',
      content: '',
    })
  })

  test('digest sections say how many are left out', ({ assert }) => {
    const [letter] = composeLetters([digest(5)], APP)
    assert.equal(letter.view, 'emails/daily_digest')
    const [overdue, today, next] = letter.data.sections as any[]
    assert.include(overdue, { title: '已超期', total: 3, more: 2 })
    assert.equal(overdue.items[0].step, '签收')
    assert.include(today, { title: '今日到期', total: 0, more: 0 })
    assert.equal(next.title, '下一工作日 11月25日（星期三） 结束前到期')
  })

  test('dates in Chinese', ({ assert }) => {
    assert.equal(chineseDate('2026-10-08'), '10月8日（星期四）')
    assert.equal(chineseDate('2026-11-29'), '11月29日（星期日）')
    assert.equal(chineseDateTime('2026-11-23T04:00:00.000Z'), '2026年11月23日 12:00')
    assert.equal(chineseDateTime(null), '')
  })
})

test.group('composeLetters in an alert storm', () => {
  test('lists the first 100 alerts, counts the rest, and marks every row sent with the mail', ({
    assert,
  }) => {
    const storm = Array.from({ length: 250 }, (_, i) => alert(i + 1, 'deadline_breached'))
    const [letter] = composeLetters(storm, APP)
    const data = letter.data as { items: { code: string }[]; more: number }
    assert.equal(letter.subject, '【12345】250 条工单提醒')
    assert.lengthOf(data.items, 100)
    assert.equal(data.items[0].code, 'C1')
    assert.equal(data.more, 150)
    assert.lengthOf(letter.ids, 250)
  })

  test('a short batch lists everything', ({ assert }) => {
    const [letter] = composeLetters([alert(1, 'urge'), alert(2, 'urge')], APP)
    const data = letter.data as { items: unknown[]; more: number }
    assert.lengthOf(data.items, 2)
    assert.equal(data.more, 0)
  })
})
