import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { fieldMessages, type Locale } from '#tests/support/api'
import { MONDAY_10, TicketDesk, endpoints, ticketRow } from '#tests/support/ticket_world'

/*
 * The repeat-requester lookup an operator runs while a caller is on the line
 * (POST /api/v1/requesters/lookup { phone }): that number's open tickets,
 * whatever their age, and its closed ones of the last 90 days, newest first,
 * found through the keyed hash of the normalised number.
 */
const SINCE = '2026-08-25T10:00:00.000+08:00' // MONDAY_10 minus 90 days

interface Summary {
  id: number
  status: string
  requesterPhone: string | null
}

const ids = (rows: Summary[]) => rows.map((row) => row.id)

test.group('Repeat requesters: one number, however it is typed', (group) => {
  let desk: TicketDesk
  let operator: string
  let tickets: Record<'typedIntl' | 'typedPlain' | 'typed86' | 'fromCaller' | 'closed', number>
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    const org = await buildOrg()
    desk = new TicketDesk(org)
    operator = await org.tokenFor('operator')
    // Five tickets of 138 1234 5678, each typed another way, a minute apart, oldest first.
    let minute = 0
    const at = <T>(make: () => Promise<T>) => {
      clock.freeze(`2026-11-23T09:${String(minute++).padStart(2, '0')}:00`)
      return make()
    }
    tickets = {
      typedIntl: await at(() =>
        desk.dispatched('bureauA', [], { requesterPhone: '+86 138-1234-5678' })
      ),
      closed: await at(() => desk.closed({ requesterPhone: '13812345678' })),
      typed86: (await at(() => desk.register('operator', { requesterPhone: '8613812345678' }))).id,
      fromCaller: (await at(() => desk.register('operator', { callerNumber: '138 1234 5678' }))).id,
      typedPlain: await at(() =>
        desk.dispatched('bureauB', [], { requesterPhone: '138-1234-5678' })
      ),
    }
    // Other callers: a neighbouring number, another one, and a ticket without any.
    await desk.register('operator', { requesterPhone: '13812345679' })
    await desk.closed({ requesterPhone: '13912345678' })
    await desk.register('operator', {})
    clock.freeze(MONDAY_10)
    return () => clock.unfreeze()
  })

  test('looked up as "{$self}", it finds the same open and recent tickets, newest first')
    .with([
      '+86 138-1234-5678',
      '13812345678',
      '8613812345678',
      '0086 138 1234 5678',
      '(138) 1234-5678',
      ' 138 1234 5678 ',
    ])
    .run(async ({ client, assert }, typed) => {
      const res = await endpoints(client).lookup(operator, typed)

      res.assertStatus(200)
      const { open, recent, since } = res.body().data
      assert.deepEqual(ids(open), [
        tickets.typedPlain,
        tickets.fromCaller,
        tickets.typed86,
        tickets.typedIntl,
      ])
      assert.deepEqual(ids(recent), [tickets.closed])
      assert.equal(since, SINCE)
      for (const row of [...open, ...recent] as Summary[]) {
        assert.equal(row.requesterPhone, '138****5678')
      }
      assert.notInclude(JSON.stringify(res.body()), '13812345678')
    })

  test('{$self}: another number finds none of them')
    .with(['13812345670', '13912345678', '12345678', '+86 139-0000-0000'])
    .run(async ({ client, assert }, typed) => {
      const res = await endpoints(client).lookup(operator, typed)

      res.assertStatus(200)
      const found = [...res.body().data.open, ...res.body().data.recent] as Summary[]
      for (const id of Object.values(tickets)) assert.notInclude(ids(found), id)
      for (const row of found) assert.notEqual(row.requesterPhone, '138****5678')
    })

  test('every ticket of the number stores the same hash', async ({ assert }) => {
    const hashes = new Set<string>()
    for (const id of Object.values(tickets)) {
      hashes.add((await ticketRow(id)).requester_phone_hash)
    }
    assert.equal(hashes.size, 1)
  })
})

/** A ticket of 138 1234 5678 made at `at` (Shanghai), open or closed at that moment. */
interface AgeCase {
  label: string
  at: string
  state: 'open' | 'closed' | 'merged'
  expected: 'open' | 'recent' | 'absent'
}

const AGES: AgeCase[] = [
  { label: 'open, today', at: MONDAY_10, state: 'open', expected: 'open' },
  { label: 'open, 200 days old', at: '2026-05-07T10:00:00', state: 'open', expected: 'open' },
  { label: 'closed today', at: MONDAY_10, state: 'closed', expected: 'recent' },
  { label: 'merged today', at: MONDAY_10, state: 'merged', expected: 'recent' },
  { label: 'closed 89 days ago', at: '2026-08-26T10:00:00', state: 'closed', expected: 'recent' },
  { label: 'closed 91 days ago', at: '2026-08-24T10:00:00', state: 'closed', expected: 'absent' },
  { label: 'closed 200 days ago', at: '2026-05-07T10:00:00', state: 'closed', expected: 'absent' },
]

test.group('Repeat requesters: open, recent and too old', (group) => {
  let desk: TicketDesk
  let operator: string
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    const org = await buildOrg()
    desk = new TicketDesk(org)
    operator = await org.tokenFor('operator')
    return () => clock.unfreeze()
  })

  /** Makes the ticket with the clock at `at`, then moves the clock back to Monday. */
  async function ticketAt(row: AgeCase): Promise<number> {
    clock.freeze(row.at)
    const phone = { requesterPhone: '13812345678' }
    let id: number
    if (row.state === 'closed') {
      id = await desk.closed(phone)
    } else {
      id = (await desk.register('operator', phone)).id
      if (row.state === 'merged') {
        const target = await desk.register('operator', { requesterPhone: '13900000000' })
        await desk.act('operator', id, 'merge', { targetTicketId: target.id })
      }
    }
    clock.freeze(MONDAY_10)
    return id
  }

  test('{label}: {expected}')
    .with(AGES)
    .run(async ({ client, assert }, row) => {
      const id = await ticketAt(row)
      const expectedStatus = { open: 'registered', closed: 'closed', merged: 'merged' }[row.state]
      assert.equal((await ticketRow(id)).status, expectedStatus)

      const res = await endpoints(client).lookup(operator, '13812345678')

      res.assertStatus(200)
      const { open, recent } = res.body().data as { open: Summary[]; recent: Summary[] }
      const where = ids(open).includes(id) ? 'open' : ids(recent).includes(id) ? 'recent' : 'absent'
      assert.equal(where, row.expected)
      assert.lengthOf([...open, ...recent], row.expected === 'absent' ? 0 : 1)
    })

  test('{label}: made while the clock stood at {at}, it is dated then')
    .with(AGES.filter((row) => row.at !== MONDAY_10))
    .run(async ({ assert }, row) => {
      // What the 90-day window counts from: the intake instant of the app's clock.
      const id = await ticketAt(row)
      const created = (await ticketRow(id)).created_at as Date
      assert.equal(created.toISOString(), new Date(`${row.at}+08:00`).toISOString())
    })

  test('the window itself: {label} by its stored date')
    .with(AGES.filter((row) => row.state === 'closed'))
    .run(async ({ client, assert }, row) => {
      // Made today, then dated back in the row itself: checks the query's
      // 90-day window apart from how intake stamps the date.
      const id = await desk.closed({ requesterPhone: '13812345678' })
      await db
        .from('tickets')
        .where('id', id)
        .update({ created_at: new Date(`${row.at}+08:00`) })

      const res = await endpoints(client).lookup(operator, '13812345678')

      res.assertStatus(200)
      assert.deepEqual(ids(res.body().data.recent), row.expected === 'recent' ? [id] : [])
      assert.deepEqual(res.body().data.open, [])
    })

  test('open tickets come newest first, whatever their age', async ({ client, assert }) => {
    const old = await ticketAt({
      label: '',
      at: '2026-05-07T10:00:00',
      state: 'open',
      expected: 'open',
    })
    const newer = await ticketAt({
      label: '',
      at: '2026-10-12T10:00:00',
      state: 'open',
      expected: 'open',
    })
    const today = await ticketAt({ label: '', at: MONDAY_10, state: 'open', expected: 'open' })

    const res = await endpoints(client).lookup(operator, '13812345678')

    res.assertStatus(200)
    assert.deepEqual(ids(res.body().data.open), [today, newer, old])
  })
})

test.group('Repeat requesters: refused lookups', (group) => {
  let operator: string
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    const org = await buildOrg()
    operator = await org.tokenFor('operator')
  })

  test('{label} ({locale}): 422 on phone')
    .with<{ label: string; phone: string | undefined; locale: Locale; message: string }[]>([
      { label: 'no number', phone: undefined, locale: 'zh-CN', message: '电话号码不能为空' },
      {
        label: 'no number',
        phone: undefined,
        locale: 'en',
        message: 'The phone number field is required',
      },
      { label: 'too short', phone: '1234', locale: 'zh-CN', message: '电话号码至少需要5个字符' },
      {
        label: 'too short',
        phone: '1234',
        locale: 'en',
        message: 'The phone number field must have at least 5 characters',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const res = await endpoints(client).lookup(operator, row.phone, row.locale)

      res.assertStatus(422)
      assert.deepEqual(fieldMessages(res), { phone: row.message })
    })
})
