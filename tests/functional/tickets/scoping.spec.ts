import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import { buildOrg, type OrgFixture, type UserKey } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { countRows, errorsOf } from '#tests/support/api'
import {
  ALL_USERS,
  MONDAY_10,
  TicketDesk,
  assignmentTuples,
  endpoints,
  eventRows,
  idsOf,
  mintTokens,
  ticketRow,
} from '#tests/support/ticket_world'

/*
 * Department scoping on every ticket endpoint (architecture.md, "Who may see
 * what"): a department user reaches the tickets that are or were assigned to a
 * department in their reach, as lead or assist, in any round, returned or not;
 * the center reaches all. Outside the reach a ticket does not exist (404, the
 * very answer a missing id gets), so the scope cannot be probed.
 */

/** One ticket per way a department can take part in it (or not). */
type Place =
  | 'unassigned'
  | 'bureauALead'
  | 'bureauAAssist'
  | 'bureauAReturned'
  | 'bureauAAssistReturned'
  | 'bureauAEarlierRound'
  | 'districtALead'
  | 'streetALead'
  | 'bureauBLead'

const PLACES: readonly Place[] = [
  'unassigned',
  'bureauALead',
  'bureauAAssist',
  'bureauAReturned',
  'bureauAAssistReturned',
  'bureauAEarlierRound',
  'districtALead',
  'streetALead',
  'bureauBLead',
]

/** Every ticket bureau A took part in, whichever way. */
const BUREAU_A: readonly Place[] = [
  'bureauALead',
  'bureauAAssist',
  'bureauAReturned',
  'bureauAAssistReturned',
  'bureauAEarlierRound',
]

/** Which tickets each account reaches, written out by hand. */
const REACH: Record<UserKey, readonly Place[]> = {
  admin: PLACES,
  operator: PLACES,
  supervisor: PLACES,
  auditor: PLACES,
  // bureau A's staff: everything bureau A ever touched, nothing else
  department_staff: BUREAU_A,
  // district A's leader: district A itself, bureau A and street A below it
  department_leader: [...BUREAU_A, 'districtALead', 'streetALead'],
  // bureau B's staff: where bureau B took over or led, and its own
  outsider: [
    'bureauAAssist',
    'bureauAReturned',
    'bureauAAssistReturned',
    'bureauAEarlierRound',
    'bureauBLead',
  ],
}

/**
 * Builds the nine tickets at Monday 10:00. Afterwards:
 * bureauAReturned has bureau A's returned lead and bureau B's live one;
 * bureauAAssistReturned has bureau A's dropped assist; bureauAEarlierRound
 * is in round 2 with bureau B as lead, bureau A having led round 1.
 */
async function buildPlaces(org: OrgFixture): Promise<Record<Place, number>> {
  const desk = new TicketDesk(org)
  const bureauB = org.departments.bureauB.id
  const places = {} as Record<Place, number>
  places.unassigned = (await desk.register()).id
  places.bureauALead = await desk.dispatched('bureauA')
  places.bureauAAssist = await desk.dispatched('bureauB', ['bureauA'])

  places.bureauAReturned = await desk.dispatched('bureauA')
  await desk.act('department_staff', places.bureauAReturned, 'return', {
    reason: '不属于本单位职责',
  })
  await desk.act('operator', places.bureauAReturned, 'redispatch', { leadDepartmentId: bureauB })

  places.bureauAAssistReturned = await desk.dispatched('bureauB', ['bureauA'])
  await desk.act('department_staff', places.bureauAAssistReturned, 'return', {
    reason: '无需本单位协办',
  })

  places.bureauAEarlierRound = await desk.dispatched('bureauA')
  await desk.act('department_staff', places.bureauAEarlierRound, 'sign')
  await desk.act('department_staff', places.bureauAEarlierRound, 'reply', {
    outcome: 'resolved',
    content: '已处理。',
  })
  await desk.act('supervisor', places.bureauAEarlierRound, 'review_accept')
  await desk.act('operator', places.bureauAEarlierRound, 'callback_record', {
    result: 'dissatisfied',
    leadDepartmentId: bureauB,
  })

  places.districtALead = await desk.dispatched('districtA')
  places.streetALead = await desk.dispatched('streetA')
  places.bureauBLead = await desk.dispatched('bureauB')
  return places
}

/** What a refused request must leave alone: the ticket, its assignments and its log. */
async function footprint(ticketId: number) {
  const row = await ticketRow(ticketId)
  return {
    status: row.status,
    version: row.version,
    round: row.round,
    assignments: await assignmentTuples(ticketId),
    events: (await eventRows(ticketId)).length,
    reveals: await countRows('phone_reveals'),
    outbox: await countRows('outbox_messages'),
  }
}

const NOT_FOUND = [{ code: 'E_TICKET_NOT_FOUND', message: '工单不存在或无权查看' }]
const MISSING_ID = 2_000_000_000

function scopedGroup(name: string, body: (context: () => Context) => void) {
  test.group(name, (group) => {
    let context: Context
    group.setup(() => seedReferenceData())
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    group.each.setup(async () => {
      clock.freeze(MONDAY_10)
      const org = await buildOrg()
      context = { org, tokens: await mintTokens(org), places: await buildPlaces(org) }
      return () => clock.unfreeze()
    })
    body(() => context)
  })
}

interface Context {
  org: OrgFixture
  tokens: Record<UserKey, string>
  places: Record<Place, number>
}

scopedGroup('Ticket scoping: GET /api/v1/tickets', (ctx) => {
  test('the arranged assignments are what the reach table assumes', async ({ assert }) => {
    const { org, places } = ctx()
    const { bureauA, bureauB } = org.departments
    assert.deepEqual(await assignmentTuples(places.bureauAReturned), [
      [1, 'lead', bureauA.id, false, false],
      [1, 'lead', bureauB.id, true, false],
    ])
    assert.deepEqual(await assignmentTuples(places.bureauAAssistReturned), [
      [1, 'lead', bureauB.id, true, false],
      [1, 'assist', bureauA.id, false, false],
    ])
    assert.deepEqual(await assignmentTuples(places.bureauAEarlierRound), [
      [1, 'lead', bureauA.id, true, true],
      [2, 'lead', bureauB.id, true, false],
    ])
    assert.equal((await ticketRow(places.bureauAEarlierRound)).round, 2)
  })

  test('{$self} lists exactly the tickets in reach')
    .with(ALL_USERS)
    .run(async ({ client, assert }, user) => {
      const { tokens, places } = ctx()
      const res = await endpoints(client).list(tokens[user], { perPage: 100 })

      res.assertStatus(200)
      const expected = REACH[user].map((place) => places[place]).sort((a, b) => a - b)
      assert.deepEqual(idsOf(res.body()), expected)
      assert.equal(res.body().meta.total, expected.length)
    })

  test('{$self}: a departmentId filter cannot widen the reach')
    .with(['department_staff', 'department_leader', 'outsider'] as UserKey[])
    .run(async ({ client, assert }, user) => {
      const { tokens, places, org } = ctx()
      const foreign = user === 'outsider' ? org.departments.bureauA : org.departments.bureauB
      const res = await endpoints(client).list(tokens[user], {
        departmentId: foreign.id,
        perPage: 100,
      })

      res.assertStatus(200)
      // Only the shared tickets, the ones both bureaus took part in.
      const shared: Place[] = [
        'bureauAAssist',
        'bureauAReturned',
        'bureauAAssistReturned',
        'bureauAEarlierRound',
      ]
      assert.deepEqual(
        idsOf(res.body()),
        shared.map((place) => places[place]).sort((a, b) => a - b)
      )
    })
})

scopedGroup('Ticket scoping: GET /api/v1/tickets/:id', (ctx) => {
  test('{$self}: 200 inside the reach, 404 outside, as for a missing id')
    .with(ALL_USERS)
    .run(async ({ client, assert }, user) => {
      const { tokens, places } = ctx()
      const api = endpoints(client)
      const seen: Record<string, number> = {}
      const expected: Record<string, number> = {}
      for (const place of PLACES) {
        const res = await api.show(tokens[user], places[place])
        seen[place] = res.status()
        expected[place] = REACH[user].includes(place) ? 200 : 404
        if (res.status() === 200) assert.equal(res.body().data.id, places[place])
        else assert.deepEqual(errorsOf(res), NOT_FOUND)
      }
      assert.deepEqual(seen, expected)

      const missing = await api.show(tokens[user], MISSING_ID)
      missing.assertStatus(404)
      assert.deepEqual(errorsOf(missing), NOT_FOUND)
    })
})

interface ActCase {
  user: UserKey
  place: Place
  action: string
  body?: (org: OrgFixture) => Record<string, unknown>
  status: number
  /** For a 403 or 409: the error entry expected, besides the message. */
  error?: Record<string, unknown>
}

scopedGroup('Ticket scoping: POST /api/v1/tickets/:id/actions/:action', (ctx) => {
  test('{user} {action} on {place}: {status}, and nothing changes')
    .with<ActCase[]>([
      // Out of reach: the action is one the role takes on its own tickets in
      // this very state (sign, return a dispatched ticket), yet 404.
      { user: 'department_staff', place: 'bureauBLead', action: 'sign', status: 404 },
      {
        user: 'department_staff',
        place: 'streetALead',
        action: 'return',
        body: () => ({ reason: '不属于本单位职责' }),
        status: 404,
      },
      { user: 'department_staff', place: 'unassigned', action: 'sign', status: 404 },
      { user: 'department_leader', place: 'bureauBLead', action: 'sign', status: 404 },
      { user: 'department_leader', place: 'unassigned', action: 'sign', status: 404 },
      { user: 'outsider', place: 'bureauALead', action: 'sign', status: 404 },
      {
        user: 'outsider',
        place: 'districtALead',
        action: 'return',
        body: () => ({ reason: '不属于本单位职责' }),
        status: 404,
      },
      // Auditors read everything and act on nothing.
      {
        user: 'auditor',
        place: 'unassigned',
        action: 'dispatch',
        body: (org) => ({ leadDepartmentId: org.departments.bureauA.id }),
        status: 403,
        error: { code: 'E_FORBIDDEN' },
      },
      {
        user: 'auditor',
        place: 'bureauALead',
        action: 'urge',
        status: 403,
        error: { code: 'E_FORBIDDEN' },
      },
      // In reach, but not what the state allows: 409 with what may be done now.
      {
        user: 'department_staff',
        place: 'bureauALead',
        action: 'reply',
        body: () => ({ outcome: 'resolved', content: '已处理' }),
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'dispatched',
          version: 2,
          allowedActions: ['sign', 'return'],
        },
      },
      {
        // In the leader's reach, but district A is not an assignee: nothing to do.
        user: 'department_leader',
        place: 'bureauALead',
        action: 'sign',
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'dispatched',
          version: 2,
          allowedActions: [],
        },
      },
      {
        user: 'outsider',
        place: 'bureauBLead',
        action: 'review_accept',
        status: 403,
        error: { code: 'E_FORBIDDEN' },
      },
      {
        user: 'outsider',
        place: 'bureauBLead',
        action: 'assist_input',
        body: () => ({ content: '协办意见' }),
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'dispatched',
          version: 2,
          allowedActions: ['sign', 'return'],
        },
      },
      {
        user: 'operator',
        place: 'unassigned',
        action: 'review_accept',
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'registered',
          version: 1,
          allowedActions: ['direct_answer', 'dispatch', 'urge', 'merge'],
        },
      },
      {
        user: 'supervisor',
        place: 'bureauALead',
        action: 'resume',
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'dispatched',
          version: 2,
          allowedActions: ['suspend', 'urge', 'supervise', 'merge'],
        },
      },
      {
        user: 'admin',
        place: 'bureauAEarlierRound',
        action: 'callback_record',
        body: () => ({ result: 'satisfied' }),
        status: 409,
        error: {
          code: 'E_INVALID_TRANSITION',
          status: 'dispatched',
          version: 6,
          allowedActions: ['suspend', 'urge', 'supervise', 'merge'],
        },
      },
    ])
    .run(async ({ client, assert }, row) => {
      const { org, tokens, places } = ctx()
      const id = places[row.place]
      const before = await footprint(id)

      const res = await endpoints(client).act(tokens[row.user], id, row.action, row.body?.(org))

      res.assertStatus(row.status)
      const [error] = errorsOf(res)
      if (row.status === 404) assert.deepEqual(errorsOf(res), NOT_FOUND)
      else assert.containsSubset(error, row.error!)
      assert.isString(error.message)
      assert.deepEqual(await footprint(id), before)
    })

  test('{user} {action} on {place} in reach: 200, one event, the new status')
    .with<{ user: UserKey; place: Place; action: string; to: string }[]>([
      { user: 'department_staff', place: 'bureauALead', action: 'sign', to: 'handling' },
      { user: 'department_staff', place: 'bureauAAssist', action: 'sign', to: 'dispatched' },
      { user: 'department_leader', place: 'districtALead', action: 'sign', to: 'handling' },
      { user: 'outsider', place: 'bureauAReturned', action: 'sign', to: 'handling' },
      { user: 'supervisor', place: 'streetALead', action: 'urge', to: 'dispatched' },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens, places } = ctx()
      const id = places[row.place]
      const before = await footprint(id)

      const res = await endpoints(client).act(tokens[row.user], id, row.action)

      res.assertStatus(200)
      assert.equal(res.body().data.status, row.to)
      const after = await footprint(id)
      assert.equal(after.status, row.to)
      assert.equal(after.version, before.version + 1)
      assert.equal(after.events, before.events + 1)
    })

  test('{locale}: the refusals are translated, the 409 naming the status in words')
    .with<{ locale: 'zh-CN' | 'en'; notFound: string; invalid: string }[]>([
      {
        locale: 'zh-CN',
        notFound: '工单不存在或无权查看',
        invalid: '工单当前状态为“已派单”，不能执行该操作',
      },
      {
        locale: 'en',
        notFound: 'Not found, or not yours to see',
        invalid: 'The ticket is "Dispatched"; this action is not allowed now',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens, places } = ctx()
      const api = endpoints(client)

      const outside = await api.act(tokens.outsider, places.bureauALead, 'sign', {}, row.locale)
      const invalid = await api.act(
        tokens.department_staff,
        places.bureauALead,
        'reply',
        { outcome: 'resolved', content: '已处理' },
        row.locale
      )

      outside.assertStatus(404)
      assert.equal(errorsOf(outside)[0].message, row.notFound)
      invalid.assertStatus(409)
      assert.equal(errorsOf(invalid)[0].code, 'E_INVALID_TRANSITION')
      assert.equal(errorsOf(invalid)[0].message, row.invalid)
    })

  test('a missing ticket answers 404 to the center too', async ({ client, assert }) => {
    const { tokens } = ctx()
    const res = await endpoints(client).act(tokens.admin, MISSING_ID, 'urge')
    res.assertStatus(404)
    assert.deepEqual(errorsOf(res), NOT_FOUND)
  })
})

scopedGroup('Ticket scoping: POST /api/v1/tickets/:id/phone', (ctx) => {
  test('{user} on {place}: {status}')
    .with<{ user: UserKey; place: Place; status: number }[]>([
      { user: 'department_staff', place: 'bureauBLead', status: 404 },
      { user: 'department_staff', place: 'streetALead', status: 404 },
      { user: 'department_staff', place: 'unassigned', status: 404 },
      { user: 'department_staff', place: 'bureauAReturned', status: 200 },
      { user: 'department_leader', place: 'bureauBLead', status: 404 },
      { user: 'department_leader', place: 'streetALead', status: 200 },
      { user: 'outsider', place: 'bureauALead', status: 404 },
      { user: 'outsider', place: 'bureauAEarlierRound', status: 200 },
      { user: 'auditor', place: 'bureauALead', status: 403 },
      { user: 'operator', place: 'unassigned', status: 200 },
    ])
    .run(async ({ client, assert }, row) => {
      const { org, tokens, places } = ctx()
      const id = places[row.place]
      const before = await countRows('phone_reveals')

      const res = await endpoints(client).revealPhone(tokens[row.user], id, {
        reason: '回访核实联系方式',
      })

      res.assertStatus(row.status)
      const reveals = await db.from('phone_reveals').where('ticket_id', id)
      if (row.status === 200) {
        assert.lengthOf(reveals, 1)
        assert.equal(reveals[0].user_id, org.users[row.user].id)
      } else {
        assert.lengthOf(reveals, 0)
        assert.equal(await countRows('phone_reveals'), before)
      }
      if (row.status === 404) assert.deepEqual(errorsOf(res), NOT_FOUND)
    })
})

interface IntakeCase {
  channel: 'hotline' | 'window' | 'online'
  body: Record<string, unknown>
}

const INTAKES: IntakeCase[] = [
  {
    channel: 'hotline',
    body: {
      kind: 'help',
      content: '小区路灯不亮已经一周，晚上出行不便。',
      requesterPhone: '13812345678',
    },
  },
  {
    channel: 'window',
    body: {
      content: '办理居住证时窗口要求提供已取消的证明。',
      serviceName: '居住证办理',
      hall: '呈贡区政务服务中心',
      missing: '索要已取消的证明',
    },
  },
  {
    channel: 'online',
    body: { kind: 'suggestion', source: 'web', content: '建议在地铁站口增设非机动车停放点。' },
  },
]

// 受理 is the operators' desk (and admins'); supervisors review, urge and
// supervise but do not log calls (app/domain/lifecycle/transitions.ts).
const INTAKE_STATUS: Record<UserKey, 201 | 403> = {
  admin: 201,
  operator: 201,
  supervisor: 403,
  auditor: 403,
  department_staff: 403,
  department_leader: 403,
  outsider: 403,
}

test.group('Ticket scoping: intake endpoints', (group) => {
  let org: OrgFixture
  let tokens: Record<UserKey, string>
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    org = await buildOrg()
    tokens = await mintTokens(org)
    return () => clock.unfreeze()
  })

  for (const intake of INTAKES) {
    test(`{$self}: POST /tickets/${intake.channel}`)
      .with(ALL_USERS)
      .run(async ({ client, assert }, user) => {
        const tickets = await countRows('tickets')
        const events = await countRows('ticket_events')

        const res = await endpoints(client).intake(tokens[user], intake.channel, intake.body)

        res.assertStatus(INTAKE_STATUS[user])
        if (INTAKE_STATUS[user] === 201) {
          const row = await ticketRow(res.body().data.id)
          assert.equal(row.registered_by, org.users[user].id)
          assert.equal(row.channel, intake.channel)
          assert.equal(row.status, 'registered')
          const log = await eventRows(row.id)
          assert.deepEqual(
            log.map((e) => [e.action, e.actor_id, e.actor_role, e.from_status, e.to_status]),
            [['register', org.users[user].id, org.users[user].role, null, 'registered']]
          )
        } else {
          assert.deepEqual(
            errorsOf(res).map((e) => e.message),
            ['无权执行此操作']
          )
          assert.equal(await countRows('tickets'), tickets)
          assert.equal(await countRows('ticket_events'), events)
        }
      })
  }
})

test.group('Ticket scoping: POST /api/v1/requesters/lookup', (group) => {
  let tokens: Record<UserKey, string>
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    const org = await buildOrg()
    tokens = await mintTokens(org)
    await new TicketDesk(org).dispatched('bureauA', [], { requesterPhone: '13812345678' })
    return () => clock.unfreeze()
  })

  test('{$self}: the repeat-requester lookup')
    .with(ALL_USERS)
    .run(async ({ client, assert }, user) => {
      const res = await endpoints(client).lookup(tokens[user], '13812345678')

      const allowed = ['admin', 'operator', 'supervisor'].includes(user)
      res.assertStatus(allowed ? 200 : 403)
      if (allowed) assert.lengthOf(res.body().data.open, 1)
      else assert.notProperty(res.body(), 'data')
    })
})
