import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import OutboxMessage from '#models/outbox_message'
import clock from '#services/clock_service'
import { buildOrg, type OrgFixture } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { eventActions, ticketApi } from '#tests/support/tickets'

/*
 * Complete journeys through the API. "Now" is pinned; every deadline below
 * is counted by hand on the 2026 calendar (Mon–Fri 09:00–12:00, 13:30–17:30;
 * November and December 2026 have no holidays).
 */
const MONDAY_10 = '2026-11-23T10:00:00'
const at = (iso: string) => clock.freeze(iso)

test.group('Ticket journeys', (group) => {
  let org: OrgFixture
  let tokens: Record<string, string>
  let streetStaffToken: string

  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    at(MONDAY_10)
    org = await buildOrg()
    tokens = {
      operator: await org.tokenFor('operator'),
      supervisor: await org.tokenFor('supervisor'),
      staff: await org.tokenFor('department_staff'),
      outsider: await org.tokenFor('outsider'),
    }
    const streetStaff = await User.create({
      fullName: '街道承办人',
      email: `street-${Date.now()}@jiesu.test`,
      password: 'Jiesu@12345',
      role: 'department_staff',
      departmentId: org.departments.streetA.id,
      isActive: true,
    })
    streetStaffToken = (await User.accessTokens.create(streetStaff)).value!.release()
    return () => clock.unfreeze()
  })

  test('hotline call → direct answer → callback → closed', async ({ client, assert }) => {
    const api = ticketApi(client)
    const created = await api.intake(tokens.operator, 'hotline', {
      kind: 'consultation',
      content: '请问居住证办理需要哪些材料？在哪里办理？',
      requesterName: '李女士',
      requesterPhone: '+86 139-0000-1234',
      callId: 'CALL-0001',
      recordingRef: 'rec/2026/11/23/0001.wav',
    })
    created.assertStatus(201)
    const ticket = created.body().data
    assert.match(ticket.code, /^20261123\d{5}$/)
    assert.equal(ticket.status, 'registered')
    assert.equal(ticket.requesterPhone, '139****1234')

    const answered = await api.act(tokens.operator, ticket.id, 'direct_answer', {
      content: '携带身份证和租房合同到街道便民服务中心办理。',
    })
    answered.assertStatus(200)
    assert.equal(answered.body().data.status, 'callback')
    // 2 working days from Monday 10:00, counted from Tuesday: Wednesday 17:30.
    assert.equal(answered.body().data.nextDueAt, '2026-11-25T17:30:00.000+08:00')

    const called = await api.act(tokens.operator, ticket.id, 'callback_record', {
      result: 'satisfied',
    })
    called.assertStatus(200)
    const detail = await api.detail(tokens.operator, ticket.id)
    assert.equal(detail.status, 'closed')
    assert.equal(detail.closeReason, 'satisfied')
    assert.deepEqual(detail.channelData, {
      channel: 'hotline',
      callId: 'CALL-0001',
      recordingRef: 'rec/2026/11/23/0001.wav',
    })
    assert.deepEqual(eventActions(detail), ['register', 'direct_answer', 'callback_record'])
  })

  test('window report → dispatch (lead + assist) → sign → reply → review → callback → closed', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const created = await api.intake(tokens.operator, 'window', {
      content: '在政务服务中心办理不动产登记，窗口要求提供已取消的证明材料，来回跑了三次。',
      serviceName: '不动产登记',
      hall: '呈贡区政务服务中心',
      window: 'B12',
      missing: '窗口索要已取消的证明',
    })
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(created.body().data.kind, 'complaint')
    assert.equal(created.body().data.title, '办不成事：不动产登记')

    const dispatched = await api.act(tokens.operator, id, 'dispatch', {
      leadDepartmentId: org.departments.bureauA.id,
      assistDepartmentIds: [org.departments.streetA.id],
    })
    dispatched.assertStatus(200)
    let detail = await api.detail(tokens.operator, id)
    assert.equal(detail.status, 'dispatched')
    assert.lengthOf(detail.assignments, 2)
    for (const assignment of detail.assignments) {
      // 2 working hours from 10:00: 12:00; return window: 1 working day → Tuesday 17:30
      assert.equal(assignment.deadlines.sign.dueAt, '2026-11-23T12:00:00.000+08:00')
      assert.equal(assignment.deadlines.return.dueAt, '2026-11-24T17:30:00.000+08:00')
      assert.include(assignment.deadlines.sign.explanation, '11月23日12:00')
    }
    assert.sameMembers(
      (
        await OutboxMessage.query()
          .where('topic', 'mail')
          .whereRaw("payload->>'ticketId' = ?", [String(id)])
      ).map((m) => m.payload.departmentId as number),
      [org.departments.bureauA.id, org.departments.streetA.id]
    )

    at('2026-11-23T11:00:00')
    const signed = await api.act(tokens.staff, id, 'sign')
    signed.assertStatus(200)
    assert.equal(signed.body().data.status, 'handling')
    const assistSigned = await api.act(streetStaffToken, id, 'sign')
    assistSigned.assertStatus(200)
    assert.equal(assistSigned.body().data.status, 'handling')
    const input = await api.act(streetStaffToken, id, 'assist_input', {
      content: '街道已核实，情况属实。',
    })
    input.assertStatus(200)

    detail = await api.detail(tokens.operator, id)
    const lead = detail.assignments.find((a: any) => a.role === 'lead')
    // complaint: 10 working days from the next working day after Monday → Monday 7 December 17:30
    assert.equal(lead.deadlines.handle.dueAt, '2026-12-07T17:30:00.000+08:00')

    at('2026-11-24T09:30:00')
    const replied = await api.act(tokens.staff, id, 'reply', {
      outcome: 'resolved',
      content: '已取消该证明要求，并对窗口人员批评教育。',
    })
    replied.assertStatus(200)
    assert.equal(replied.body().data.status, 'replied')
    assert.equal(replied.body().data.nextDueAt, '2026-11-25T17:30:00.000+08:00') // review: 1 working day

    const accepted = await api.act(tokens.supervisor, id, 'review_accept')
    accepted.assertStatus(200)
    assert.equal(accepted.body().data.status, 'callback')
    assert.equal(accepted.body().data.nextDueAt, '2026-11-26T17:30:00.000+08:00') // callback: 2 working days

    const closed = await api.act(tokens.operator, id, 'callback_record', {
      result: 'basically_satisfied',
    })
    closed.assertStatus(200)
    detail = await api.detail(tokens.operator, id)
    assert.equal(detail.status, 'closed')
    assert.deepEqual(eventActions(detail), [
      'register',
      'dispatch',
      'sign',
      'sign',
      'assist_input',
      'reply',
      'review_accept',
      'callback_record',
    ])
    assert.deepEqual(
      detail.events.map((e: any) => e.toStatus),
      [
        'registered',
        'dispatched',
        'handling',
        'handling',
        'handling',
        'replied',
        'callback',
        'closed',
      ]
    )
  })

  test('online message → return → re-dispatch → extension → dissatisfied → redo round → satisfied', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const created = await api.intake(tokens.operator, 'online', {
      kind: 'help',
      source: 'wechat',
      messageId: 'wx-8812',
      content: '五华区华山街道某小区电梯停运半个月，老人上下楼困难，请尽快维修。',
      requesterPhone: '13700001111',
      contactPreference: 'sms',
    })
    created.assertStatus(201)
    const id = created.body().data.id
    ;(
      await api.act(tokens.operator, id, 'dispatch', {
        leadDepartmentId: org.departments.bureauA.id,
      })
    ).assertStatus(200)

    at('2026-11-23T15:00:00')
    const noReason = await api.act(tokens.staff, id, 'return', {})
    noReason.assertStatus(422)
    assert.equal(noReason.body().errors[0].field, 'reason')
    const returned = await api.act(tokens.staff, id, 'return', {
      reason: '属五华区管辖，非本单位职责',
    })
    returned.assertStatus(200)
    assert.equal(returned.body().data.status, 'returned')
    assert.equal(returned.body().data.nextDueAt, '2026-11-24T17:30:00.000+08:00') // re-dispatch: 1 working day

    const redispatched = await api.act(tokens.operator, id, 'redispatch', {
      leadDepartmentId: org.departments.bureauB.id,
    })
    redispatched.assertStatus(200)
    const signed = await api.act(tokens.outsider, id, 'sign')
    signed.assertStatus(200)
    let detail = await api.detail(tokens.operator, id)
    const handleDue = detail.assignments.find((a: any) => a.active && a.role === 'lead').deadlines
      .handle.dueAt
    assert.equal(handleDue, '2026-11-30T17:30:00.000+08:00') // help: 5 working days from Tuesday

    const requested = await api.act(tokens.outsider, id, 'request_extension', {
      requestedWorkingDays: 3,
      reason: '需协调电梯维保单位更换主板',
    })
    requested.assertStatus(200)
    const twice = await api.act(tokens.outsider, id, 'request_extension', {
      requestedWorkingDays: 2,
      reason: '再次申请',
    })
    twice.assertStatus(409)
    assert.equal(twice.body().errors[0].code, 'E_EXTENSION_PENDING')
    const approved = await api.act(tokens.supervisor, id, 'approve_extension', { comment: '同意' })
    approved.assertStatus(200)
    detail = await api.detail(tokens.operator, id)
    assert.equal(
      detail.assignments.find((a: any) => a.active && a.role === 'lead').deadlines.handle.dueAt,
      '2026-12-03T17:30:00.000+08:00' // three working days after 30 November
    )

    ;(
      await api.act(tokens.outsider, id, 'reply', { outcome: 'resolved', content: '电梯已修复' })
    ).assertStatus(200)
    ;(await api.act(tokens.supervisor, id, 'review_accept')).assertStatus(200)
    const unhappy = await api.act(tokens.operator, id, 'callback_record', {
      result: 'dissatisfied',
      comment: '电梯又坏了',
    })
    unhappy.assertStatus(200)
    assert.equal(unhappy.body().data.status, 'dispatched')
    assert.equal(unhappy.body().data.round, 2)

    ;(await api.act(tokens.outsider, id, 'sign')).assertStatus(200)
    ;(
      await api.act(tokens.outsider, id, 'reply', {
        outcome: 'resolved',
        content: '已更换主板并验收',
      })
    ).assertStatus(200)
    ;(await api.act(tokens.supervisor, id, 'review_accept')).assertStatus(200)
    ;(await api.act(tokens.operator, id, 'callback_record', { result: 'satisfied' })).assertStatus(
      200
    )

    detail = await api.detail(tokens.operator, id)
    assert.equal(detail.status, 'closed')
    assert.equal(detail.round, 2)
    assert.deepEqual(
      detail.assignments.map((a: any) => [a.round, a.role, a.departmentId, a.active]),
      [
        [1, 'lead', org.departments.bureauA.id, false],
        [1, 'lead', org.departments.bureauB.id, true],
        [2, 'lead', org.departments.bureauB.id, true],
      ]
    )
    assert.deepEqual(eventActions(detail), [
      'register',
      'dispatch',
      'return',
      'redispatch',
      'sign',
      'request_extension',
      'approve_extension',
      'reply',
      'review_accept',
      'callback_record',
      'sign',
      'reply',
      'review_accept',
      'callback_record',
    ])
  })

  test('a third dissatisfied callback escalates to a supervisor instead of a fourth round', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const created = await api.intake(tokens.operator, 'hotline', {
      kind: 'complaint',
      content: '小区楼下餐馆油烟直排，多次反映未解决。',
    })
    const id = created.body().data.id
    ;(
      await api.act(tokens.operator, id, 'dispatch', {
        leadDepartmentId: org.departments.bureauA.id,
      })
    ).assertStatus(200)
    for (let round = 1; round <= 3; round++) {
      ;(await api.act(tokens.staff, id, 'sign')).assertStatus(200)
      ;(
        await api.act(tokens.staff, id, 'reply', {
          outcome: 'explained',
          content: `第${round}次答复`,
        })
      ).assertStatus(200)
      ;(await api.act(tokens.supervisor, id, 'review_accept')).assertStatus(200)
      const callback = await api.act(tokens.operator, id, 'callback_record', {
        result: 'dissatisfied',
      })
      callback.assertStatus(200)
      assert.equal(callback.body().data.round, round < 3 ? round + 1 : 3)
      assert.equal(callback.body().data.status, round < 3 ? 'dispatched' : 'callback')
    }
    const detail = await api.detail(tokens.supervisor, id)
    assert.isNotNull(detail.escalatedAt)
    assert.isTrue(detail.events.at(-1).payload.escalated)
    const mail = await OutboxMessage.query().where('dedupe_key', `escalate:${id}:3`).first()
    assert.isNotNull(mail)
  })

  test('suspend and resume move the handling deadline by the paused working time', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const id = (
      await api.intake(tokens.operator, 'hotline', {
        kind: 'help',
        content: '家门口下水道堵塞，污水外溢。',
      })
    ).body().data.id
    ;(
      await api.act(tokens.operator, id, 'dispatch', {
        leadDepartmentId: org.departments.bureauA.id,
      })
    ).assertStatus(200)
    ;(await api.act(tokens.staff, id, 'sign')).assertStatus(200)
    let detail = await api.detail(tokens.operator, id)
    const lead = () => detail.assignments.find((a: any) => a.role === 'lead')
    assert.equal(lead().deadlines.handle.dueAt, '2026-11-30T17:30:00.000+08:00') // 5 working days

    at('2026-11-24T10:00:00')
    const suspended = await api.act(tokens.supervisor, id, 'suspend', {
      reason: '等待诉求人提供现场照片',
    })
    suspended.assertStatus(200)
    assert.equal(suspended.body().data.status, 'suspended')
    assert.isNull(suspended.body().data.nextDueAt)

    at('2026-11-25T10:00:00')
    const resumed = await api.act(tokens.supervisor, id, 'resume')
    resumed.assertStatus(200)
    assert.equal(resumed.body().data.status, 'handling')
    detail = await api.detail(tokens.operator, id)
    // Paused: Tue 10:00–12:00 and 13:30–17:30, Wed 09:00–10:00 = 7 working hours,
    // so the deadline moves from Mon 30 Nov 17:30 to Tue 1 Dec 17:30.
    assert.equal(lead().deadlines.handle.dueAt, '2026-12-01T17:30:00.000+08:00')
    assert.deepEqual(eventActions(detail).slice(-2), ['suspend', 'resume'])
  })

  test('merge: a repeat report joins the open ticket and both logs say so', async ({
    client,
    assert,
  }) => {
    const api = ticketApi(client)
    const first = (
      await api.intake(tokens.operator, 'hotline', {
        kind: 'complaint',
        content: '呈贡区龙城街道夜间施工噪音扰民。',
      })
    ).body().data
    const repeat = (
      await api.intake(tokens.operator, 'online', {
        kind: 'complaint',
        source: 'web',
        content: '龙城街道工地晚上还在施工，太吵了。',
      })
    ).body().data
    const merged = await api.act(tokens.operator, repeat.id, 'merge', { targetTicketId: first.id })
    merged.assertStatus(200)
    assert.equal(merged.body().data.status, 'merged')
    const source = await api.detail(tokens.operator, repeat.id)
    assert.equal(source.mergedIntoId, first.id)
    const target = await api.detail(tokens.operator, first.id)
    assert.deepEqual(eventActions(target), ['register', 'merged_from'])

    const again = await api.act(tokens.operator, repeat.id, 'merge', { targetTicketId: first.id })
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'E_INVALID_TRANSITION')
    assert.equal(again.body().errors[0].status, 'merged')
  })
})
