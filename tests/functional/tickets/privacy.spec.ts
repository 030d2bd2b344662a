import { test } from '@japa/runner'
import type { Group } from '@japa/runner/core'
import { createHash } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import { decryptPhone, phoneLookupHash } from '#services/requester_phone'
import { buildOrg, type OrgFixture, type UserKey } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { countRows, errorsOf, fieldMessages, type Locale } from '#tests/support/api'
import {
  ALL_USERS,
  MONDAY_10,
  TicketDesk,
  endpoints,
  mintTokens,
  ticketRow,
} from '#tests/support/ticket_world'

/*
 * The requester's number (architecture.md, "Who may see what"): stored
 * encrypted with a keyed hash beside it, shown masked everywhere, revealed in
 * full only on request with a reason, and every reveal logged. A requester who
 * asked for confidentiality (保密) keeps their name out of every summary, and
 * their number from the departments.
 */
const TYPED = '+86 138-1234-5678'
const FULL = '13812345678'
const MASKED = '138****5678'

/** Every way the full number could leak into a JSON body. */
function assertNoFullNumber(assert: { notInclude: Function }, body: unknown) {
  const text = JSON.stringify(body)
  assert.notInclude(text, FULL)
  assert.notInclude(text, '1234-5678')
  assert.notInclude(text, '12345678')
}

function setup(group: Group) {
  const state = {} as { org: OrgFixture; tokens: Record<UserKey, string>; desk: TicketDesk }
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    state.org = await buildOrg()
    state.tokens = await mintTokens(state.org)
    state.desk = new TicketDesk(state.org)
    return () => clock.unfreeze()
  })
  return state
}

/** Bureau A leads and bureau B assists, so every fixture account reaches it. */
function sharedTicket(desk: TicketDesk, payload: Parameters<TicketDesk['dispatched']>[2] = {}) {
  return desk.dispatched('bureauA', ['bureauB'], {
    requesterName: '王先生',
    requesterPhone: TYPED,
    ...payload,
  })
}

test.group('Privacy: the number is masked in lists and details', (group) => {
  const state = setup(group)

  test('{$self} sees 138****5678 in the list and the detail, never the number')
    .with(ALL_USERS)
    .run(async ({ client, assert }, user) => {
      const id = await sharedTicket(state.desk)
      const api = endpoints(client)

      const list = await api.list(state.tokens[user])
      list.assertStatus(200)
      const row = list.body().data.find((t: { id: number }) => t.id === id)
      assert.equal(row.requesterPhone, MASKED)
      assertNoFullNumber(assert, list.body())

      const detail = await api.show(state.tokens[user], id)
      detail.assertStatus(200)
      assert.equal(detail.body().data.requesterPhone, MASKED)
      assertNoFullNumber(assert, detail.body())
    })

  test('the intake answer is masked too', async ({ client, assert }) => {
    const res = await endpoints(client).intake(state.tokens.operator, 'hotline', {
      kind: 'help',
      content: '小区门口下水道堵塞，污水外溢。',
      requesterPhone: TYPED,
    })
    res.assertStatus(201)
    assert.equal(res.body().data.requesterPhone, MASKED)
    assertNoFullNumber(assert, res.body())
  })

  test('a number from the telephony system (callerNumber) is masked and kept encrypted too', async ({
    client,
    assert,
  }) => {
    const api = endpoints(client)
    const created = await api.intake(state.tokens.operator, 'hotline', {
      kind: 'help',
      content: '小区门口下水道堵塞，污水外溢。',
      callerNumber: FULL,
      callId: 'CALL-0042',
    })
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(created.body().data.requesterPhone, MASKED)
    await state.desk.dispatch(id, 'bureauA')

    const detail = await api.show(state.tokens.department_staff, id)
    detail.assertStatus(200)
    assert.equal(detail.body().data.requesterPhone, MASKED)
    assert.equal(detail.body().data.channelData.callId, 'CALL-0042')
    // The raw number must not come back through channelData either.
    assertNoFullNumber(assert, detail.body())
    // …nor sit in clear anywhere in the row (channel_data is plain jsonb).
    assertNoFullNumber(assert, await ticketRow(id))
  })
})

test.group('Privacy: the database holds ciphertext and a keyed hash', (group) => {
  const state = setup(group)

  test('requester_phone_encrypted decrypts to the normalised number; nothing stores it in clear', async ({
    assert,
  }) => {
    const id = await sharedTicket(state.desk)
    const row = await ticketRow(id)

    assert.isString(row.requester_phone_encrypted)
    assert.notInclude(row.requester_phone_encrypted, FULL)
    assert.notInclude(row.requester_phone_encrypted, '5678')
    assert.equal(decryptPhone(row.requester_phone_encrypted), FULL)

    // Keyed: equal for every spelling, and not the bare SHA-256 anyone could rebuild.
    assert.match(row.requester_phone_hash, /^[0-9a-f]{64}$/)
    assert.equal(row.requester_phone_hash, phoneLookupHash(FULL))
    assert.notEqual(row.requester_phone_hash, createHash('sha256').update(FULL).digest('hex'))

    assertNoFullNumber(assert, row)
  })
})

interface RevealCase {
  user: UserKey
}

test.group('Privacy: revealing the number', (group) => {
  const state = setup(group)

  test('{user} with a reason gets the full normalised number, and a phone_reveals row')
    .with<RevealCase[]>([
      { user: 'admin' },
      { user: 'operator' },
      { user: 'supervisor' },
      { user: 'department_staff' },
      { user: 'department_leader' },
      { user: 'outsider' },
    ])
    .run(async ({ client, assert }, { user }) => {
      const id = await sharedTicket(state.desk)

      const res = await endpoints(client).revealPhone(state.tokens[user], id, {
        reason: '  回访时号码无法接通，核对号码  ',
      })

      res.assertStatus(200)
      const data = res.body().data
      assert.equal(data.phone, FULL)
      assert.equal(data.revealedAt, '2026-11-23T10:00:00.000+08:00')
      const rows = await db.from('phone_reveals').where('ticket_id', id)
      assert.lengthOf(rows, 1)
      const [row] = rows
      assert.equal(row.id, data.revealId)
      assert.equal(row.user_id, state.org.users[user].id)
      assert.equal(row.reason, '回访时号码无法接通，核对号码')
      assert.match(row.ip, /^(::ffff:)?127\.0\.0\.1$|^::1$/)
      assert.equal(new Date(row.revealed_at).toISOString(), '2026-11-23T02:00:00.000Z')
    })

  test('each reveal is its own row: who, which ticket, why', async ({ client, assert }) => {
    const first = await sharedTicket(state.desk)
    const second = await sharedTicket(state.desk, { requesterPhone: '13900001111' })
    const api = endpoints(client)

    ;(await api.revealPhone(state.tokens.operator, first, { reason: '核对号码' })).assertStatus(200)
    ;(
      await api.revealPhone(state.tokens.department_staff, first, { reason: '上门前联系' })
    ).assertStatus(200)
    const other = await api.revealPhone(state.tokens.operator, second, { reason: '短信回访' })
    other.assertStatus(200)
    assert.equal(other.body().data.phone, '13900001111')

    const rows = await db.from('phone_reveals').orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.ticket_id, r.user_id, r.reason]),
      [
        [first, state.org.users.operator.id, '核对号码'],
        [first, state.org.users.department_staff.id, '上门前联系'],
        [second, state.org.users.operator.id, '短信回访'],
      ]
    )
  })

  test('{label} ({locale}): 422 on reason, and nothing is logged')
    .with<{ label: string; body: Record<string, unknown>; locale: Locale; message: string }[]>([
      { label: 'no reason', body: {}, locale: 'zh-CN', message: '原因不能为空' },
      { label: 'no reason', body: {}, locale: 'en', message: 'The reason field is required' },
      // Blank counts as missing.
      { label: 'blank reason', body: { reason: '   ' }, locale: 'zh-CN', message: '原因不能为空' },
      {
        label: 'blank reason',
        body: { reason: '   ' },
        locale: 'en',
        message: 'The reason field is required',
      },
      {
        label: 'one character',
        body: { reason: '查' },
        locale: 'zh-CN',
        message: '原因至少需要2个字符',
      },
      {
        label: 'one character',
        body: { reason: '查' },
        locale: 'en',
        message: 'The reason field must have at least 2 characters',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const id = await sharedTicket(state.desk)

      const res = await endpoints(client).revealPhone(
        state.tokens.supervisor,
        id,
        row.body,
        row.locale
      )

      res.assertStatus(422)
      assert.deepEqual(fieldMessages(res), { reason: row.message })
      assertNoFullNumber(assert, res.body())
      assert.equal(await countRows('phone_reveals'), 0)
    })
})

test.group('Privacy: confidential (保密) requesters', (group) => {
  const state = setup(group)

  test('{user} asking for a confidential number: {status}')
    .with<{ user: UserKey; status: 200 | 403 }[]>([
      { user: 'department_staff', status: 403 },
      { user: 'department_leader', status: 403 },
      { user: 'outsider', status: 403 },
      { user: 'auditor', status: 403 },
      { user: 'supervisor', status: 200 },
      { user: 'operator', status: 200 },
      { user: 'admin', status: 200 },
    ])
    .run(async ({ client, assert }, { user, status }) => {
      const id = await sharedTicket(state.desk, { confidential: true })

      const res = await endpoints(client).revealPhone(state.tokens[user], id, {
        reason: '回访核实',
      })

      res.assertStatus(status)
      const rows = await db.from('phone_reveals').where('ticket_id', id)
      if (status === 200) {
        assert.equal(res.body().data.phone, FULL)
        assert.deepEqual(
          rows.map((r) => r.user_id),
          [state.org.users[user].id]
        )
      } else {
        assert.deepEqual(errorsOf(res), [{ message: '无权执行此操作' }])
        assertNoFullNumber(assert, res.body())
        assert.lengthOf(rows, 0)
      }
    })

  test('an auditor may not reveal even an ordinary number', async ({ client, assert }) => {
    const id = await sharedTicket(state.desk)
    const res = await endpoints(client).revealPhone(state.tokens.auditor, id, { reason: '抽查' })
    res.assertStatus(403)
    assert.equal(await countRows('phone_reveals'), 0)
  })

  test('{$self}: requesterName is hidden in list and detail when confidential, shown otherwise')
    .with(ALL_USERS)
    .run(async ({ client, assert }, user) => {
      const secret = await sharedTicket(state.desk, {
        confidential: true,
        requesterName: '匿名投诉人赵某',
      })
      const open = await sharedTicket(state.desk, { requesterName: '李女士' })
      const api = endpoints(client)

      const list = await api.list(state.tokens[user])
      list.assertStatus(200)
      const rows = list.body().data as { id: number; requesterName: string | null }[]
      assert.isNull(rows.find((t) => t.id === secret)!.requesterName)
      assert.equal(rows.find((t) => t.id === open)!.requesterName, '李女士')
      assert.notInclude(JSON.stringify(list.body()), '赵某')

      const detail = await api.show(state.tokens[user], secret)
      detail.assertStatus(200)
      assert.isNull(detail.body().data.requesterName)
      assert.isTrue(detail.body().data.requesterConfidential)
      assert.equal(detail.body().data.requesterPhone, MASKED)
      assert.notInclude(JSON.stringify(detail.body()), '赵某')
    })

  test('the intake answer and the repeat-requester lookup hide the name too', async ({
    client,
    assert,
  }) => {
    const api = endpoints(client)
    const created = await api.intake(state.tokens.operator, 'online', {
      kind: 'report',
      source: 'mayor_mailbox',
      content: '举报某工地长期夜间违规施工。',
      requesterName: '匿名投诉人赵某',
      requesterPhone: TYPED,
      confidential: true,
    })
    created.assertStatus(201)
    assert.isNull(created.body().data.requesterName)
    assert.notInclude(JSON.stringify(created.body()), '赵某')
    // The name is kept (the center may need it), just never shown in a summary.
    assert.equal((await ticketRow(created.body().data.id)).requester_name, '匿名投诉人赵某')

    const found = await api.lookup(state.tokens.operator, FULL)
    found.assertStatus(200)
    assert.deepEqual(
      found
        .body()
        .data.open.map((t: { id: number; requesterName: string | null }) => [
          t.id,
          t.requesterName,
        ]),
      [[created.body().data.id, null]]
    )
    assert.notInclude(JSON.stringify(found.body()), '赵某')
  })
})
