import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock_service'
import { onlineAdapter } from '#domain/intake/adapters/online'
import { windowAdapter } from '#domain/intake/adapters/window'
import { buildOrg, type OrgFixture, type UserKey } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { fieldMessages } from '#tests/support/api'
import { MONDAY_10, TicketDesk, endpoints, idsOf, mintTokens } from '#tests/support/ticket_world'

/*
 * GET /api/v1/tickets: Chinese full-text search through the jieba tsvector
 * (two-character words included), every filter, sorting by the next deadline,
 * pagination, and 422 on a bad filter. Lists stay within the caller's reach.
 */

type Query = Record<string, string | number | boolean | (string | number)[]>

interface World {
  org: OrgFixture
  tokens: Record<UserKey, string>
  desk: TicketDesk
}

function worldGroup(name: string, body: (world: () => World) => void) {
  test.group(name, (group) => {
    let world: World
    group.setup(() => seedReferenceData())
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    group.each.setup(async () => {
      clock.freeze(MONDAY_10)
      const org = await buildOrg()
      world = { org, tokens: await mintTokens(org), desk: new TicketDesk(org) }
      return () => clock.unfreeze()
    })
    body(() => world)
  })
}

/** Ids in the order the list gave them. */
const orderOf = (body: { data: { id: number }[] }) => body.data.map((row) => row.id)

/* ------------------------------------------------------------------ search */

type Topic = 'lamp' | 'lampB' | 'noise' | 'wages' | 'lift' | 'lighting'

const CONTENT: Record<Topic, { text: string; lead: 'bureauA' | 'bureauB' }> = {
  lamp: { text: '小区路灯不亮已经一周，晚上出行很不方便。', lead: 'bureauA' },
  noise: { text: '楼下KTV夜间噪音扰民，严重影响休息。', lead: 'bureauA' },
  wages: { text: '工地老板拖欠工资，农民工欠薪三个月讨薪无门。', lead: 'bureauA' },
  // 道路 … 灯光: both characters of 路灯 occur, never side by side.
  lighting: { text: '道路两旁的灯光太暗，建议增加照明。', lead: 'bureauA' },
  lift: { text: '华山街道某小区电梯停运半个月，老人上下楼困难。', lead: 'bureauB' },
  lampB: { text: '华山街道的路灯晚上不亮，请尽快维修。', lead: 'bureauB' },
}

async function searchWorld(world: World): Promise<Record<Topic, number>> {
  const ids = {} as Record<Topic, number>
  for (const topic of Object.keys(CONTENT) as Topic[]) {
    const { text, lead } = CONTENT[topic]
    ids[topic] = await world.desk.dispatched(lead, [], { kind: 'complaint', content: text })
  }
  return ids
}

worldGroup('Ticket lists: Chinese full-text search', (world) => {
  test('q={q} finds {expected}')
    .with<{ q: string; expected: Topic[] }[]>([
      // Two-character words inside a sentence.
      { q: '路灯', expected: ['lamp', 'lampB'] },
      { q: '噪音', expected: ['noise'] },
      { q: '欠薪', expected: ['wages'] },
      { q: '电梯', expected: ['lift'] },
      { q: '灯光', expected: ['lighting'] },
      // Several words: every one must be there.
      { q: '路灯不亮', expected: ['lamp'] },
      { q: '路灯 不亮', expected: ['lamp', 'lampB'] },
      { q: '噪音扰民', expected: ['noise'] },
      { q: '农民工欠薪', expected: ['wages'] },
      { q: '华山街道 电梯', expected: ['lift'] },
      { q: '路灯 噪音', expected: [] },
      // Latin words match whatever their case.
      { q: 'ktv', expected: ['noise'] },
      // Unrelated words find nothing.
      { q: '地铁', expected: [] },
      { q: '灯路', expected: [] },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens } = world()
      const ids = await searchWorld(world())

      const res = await endpoints(client).list(tokens.operator, { q: row.q })

      res.assertStatus(200)
      assert.deepEqual(
        idsOf(res.body()),
        row.expected.map((topic) => ids[topic]).sort((a, b) => a - b)
      )
      assert.equal(res.body().meta.total, row.expected.length)
    })

  test('{user} searching {q} finds only what is in reach: {expected}')
    .with<{ user: UserKey; q: string; expected: Topic[] }[]>([
      { user: 'department_staff', q: '路灯', expected: ['lamp'] },
      { user: 'department_staff', q: '电梯', expected: [] },
      { user: 'department_leader', q: '路灯', expected: ['lamp'] },
      { user: 'department_leader', q: '电梯', expected: [] },
      { user: 'outsider', q: '路灯', expected: ['lampB'] },
      { user: 'outsider', q: '噪音', expected: [] },
      { user: 'auditor', q: '路灯', expected: ['lamp', 'lampB'] },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens } = world()
      const ids = await searchWorld(world())

      const res = await endpoints(client).list(tokens[row.user], { q: row.q })

      res.assertStatus(200)
      assert.deepEqual(
        idsOf(res.body()),
        row.expected.map((topic) => ids[topic]).sort((a, b) => a - b)
      )
    })

  test('a ticket is found by its title too', async ({ client, assert }) => {
    const { desk, tokens } = world()
    const ticket = await desk.register('operator', {
      title: '井盖缺失',
      content: '人行道上有一个洞，很危险。',
    })
    const res = await endpoints(client).list(tokens.operator, { q: '井盖' })
    res.assertStatus(200)
    assert.deepEqual(idsOf(res.body()), [ticket.id])
  })
})

/* ----------------------------------------------------------------- filters */

type Sample = 'hotlineHelp' | 'onlineUrgent' | 'windowReport' | 'closed' | 'suspended' | 'merged'

/**
 * Six tickets at Monday 10:00:
 * hotlineHelp   hotline, help, normal, leaf category, dispatched to bureau A
 * onlineUrgent  online, complaint, urgent, bureau B signed it (handling)
 * windowReport  window, report, registered
 * closed        hotline, consultation, answered directly, callback satisfied
 * suspended     hotline, help, bureau A, suspended by the supervisor
 * merged        hotline, suggestion, merged into hotlineHelp
 */
async function sampleWorld({ desk, org }: World): Promise<Record<Sample, number>> {
  const ids = {} as Record<Sample, number>
  ids.hotlineHelp = (
    await desk.register('operator', { kind: 'help', categoryId: org.categories.leaf.id })
  ).id
  await desk.dispatch(ids.hotlineHelp, 'bureauA')

  ids.onlineUrgent = (
    await desk.intake(onlineAdapter, {
      kind: 'complaint',
      urgency: 'urgent',
      source: 'wechat',
      content: '燃气管道漏气，闻到很重的气味。',
    })
  ).id
  await desk.dispatch(ids.onlineUrgent, 'bureauB')
  await desk.act('outsider', ids.onlineUrgent, 'sign')

  ids.windowReport = (
    await desk.intake(windowAdapter, {
      kind: 'report',
      content: '窗口工作人员办事时索要好处费。',
      serviceName: '营业执照办理',
      hall: '五华区政务服务中心',
      missing: '无',
    })
  ).id

  ids.closed = await desk.closed({ kind: 'consultation' })

  ids.suspended = await desk.dispatched('bureauA')
  await desk.act('supervisor', ids.suspended, 'suspend', { reason: '等待诉求人补充材料' })

  ids.merged = (await desk.register('operator', { kind: 'suggestion' })).id
  await desk.act('operator', ids.merged, 'merge', { targetTicketId: ids.hotlineHelp })
  return ids
}

interface FilterCase {
  label: string
  query: (org: OrgFixture) => Query
  expected: Sample[]
}

const FILTERS: FilterCase[] = [
  {
    label: 'no filter',
    query: () => ({}),
    expected: ['hotlineHelp', 'onlineUrgent', 'windowReport', 'closed', 'suspended', 'merged'],
  },
  {
    label: 'status=dispatched',
    query: () => ({ status: 'dispatched' }),
    expected: ['hotlineHelp'],
  },
  {
    label: 'status[]=dispatched&status[]=handling',
    query: () => ({ status: ['dispatched', 'handling'] }),
    expected: ['hotlineHelp', 'onlineUrgent'],
  },
  { label: 'status=merged', query: () => ({ status: 'merged' }), expected: ['merged'] },
  {
    label: 'group=open',
    query: () => ({ group: 'open' }),
    expected: ['hotlineHelp', 'onlineUrgent', 'windowReport'],
  },
  { label: 'group=paused', query: () => ({ group: 'paused' }), expected: ['suspended'] },
  { label: 'group=closed', query: () => ({ group: 'closed' }), expected: ['closed', 'merged'] },
  { label: 'channel=online', query: () => ({ channel: 'online' }), expected: ['onlineUrgent'] },
  { label: 'channel=window', query: () => ({ channel: 'window' }), expected: ['windowReport'] },
  {
    label: 'channel=hotline',
    query: () => ({ channel: 'hotline' }),
    expected: ['hotlineHelp', 'closed', 'suspended', 'merged'],
  },
  { label: 'kind=report', query: () => ({ kind: 'report' }), expected: ['windowReport'] },
  { label: 'kind=help', query: () => ({ kind: 'help' }), expected: ['hotlineHelp', 'suspended'] },
  { label: 'urgency=urgent', query: () => ({ urgency: 'urgent' }), expected: ['onlineUrgent'] },
  {
    label: 'categoryId=leaf',
    query: (org) => ({ categoryId: org.categories.leaf.id }),
    expected: ['hotlineHelp'],
  },
  {
    label: 'departmentId=bureauA',
    query: (org) => ({ departmentId: org.departments.bureauA.id }),
    expected: ['hotlineHelp', 'suspended'],
  },
  {
    label: 'departmentId=bureauB',
    query: (org) => ({ departmentId: org.departments.bureauB.id }),
    expected: ['onlineUrgent'],
  },
  {
    label: 'departmentId=streetA',
    query: (org) => ({ departmentId: org.departments.streetA.id }),
    expected: [],
  },
  {
    label: 'group=open&channel=hotline',
    query: () => ({ group: 'open', channel: 'hotline' }),
    expected: ['hotlineHelp'],
  },
  {
    label: 'kind=help&status=suspended',
    query: () => ({ kind: 'help', status: 'suspended' }),
    expected: ['suspended'],
  },
]

worldGroup('Ticket lists: filters', (world) => {
  test('{label}')
    .with(FILTERS)
    .run(async ({ client, assert }, row) => {
      const { org, tokens } = world()
      const ids = await sampleWorld(world())

      const res = await endpoints(client).list(tokens.supervisor, row.query(org))

      res.assertStatus(200)
      assert.deepEqual(
        idsOf(res.body()),
        row.expected.map((sample) => ids[sample]).sort((a, b) => a - b)
      )
      for (const summary of res.body().data) {
        const stored = await db.from('tickets').where('id', summary.id).firstOrFail()
        assert.equal(summary.status, stored.status)
      }
    })

  test('filters narrow within the reach: bureau A staff, group=open', async ({
    client,
    assert,
  }) => {
    const { tokens } = world()
    const ids = await sampleWorld(world())
    const res = await endpoints(client).list(tokens.department_staff, { group: 'open' })
    res.assertStatus(200)
    assert.deepEqual(idsOf(res.body()), [ids.hotlineHelp])
  })
})

/* ------------------------------------------------------- creation date */

worldGroup('Ticket lists: from/to (creation date)', (world) => {
  // 20 Nov 10:00, 23 Nov 07:30 (still 22 Nov in UTC) and 23 Nov 18:00, Shanghai time.
  const DATED = {
    friday: '2026-11-20T10:00:00+08:00',
    earlyMonday: '2026-11-23T07:30:00+08:00',
    mondayEvening: '2026-11-23T18:00:00+08:00',
  } as const
  type Dated = keyof typeof DATED

  /** Three tickets, dated in the row itself: tests the filter apart from intake's stamping. */
  async function datedWorld({ desk }: World): Promise<Record<Dated, number>> {
    const ids = {} as Record<Dated, number>
    for (const key of Object.keys(DATED) as Dated[]) {
      ids[key] = (await desk.register()).id
      await db
        .from('tickets')
        .where('id', ids[key])
        .update({ created_at: new Date(DATED[key]) })
    }
    return ids
  }

  test('{label}')
    .with<{ label: string; query: Query; expected: Dated[] }[]>([
      {
        label: 'from=2026-11-21',
        query: { from: '2026-11-21' },
        expected: ['earlyMonday', 'mondayEvening'],
      },
      // A date is a Shanghai day: 23 November starts at 00:00 +08:00.
      {
        label: 'from=2026-11-23',
        query: { from: '2026-11-23' },
        expected: ['earlyMonday', 'mondayEvening'],
      },
      { label: 'to=2026-11-23 (exclusive)', query: { to: '2026-11-23' }, expected: ['friday'] },
      {
        label: 'from=2026-11-21&to=2026-11-24',
        query: { from: '2026-11-21', to: '2026-11-24' },
        expected: ['earlyMonday', 'mondayEvening'],
      },
      {
        label: 'from and to with an offset',
        query: { from: '2026-11-23T00:00:00+08:00', to: '2026-11-23T12:00:00+08:00' },
        expected: ['earlyMonday'],
      },
      {
        label: 'from as epoch milliseconds',
        query: { from: String(Date.parse('2026-11-23T12:00:00+08:00')) },
        expected: ['mondayEvening'],
      },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens } = world()
      const ids = await datedWorld(world())

      const res = await endpoints(client).list(tokens.operator, row.query)

      res.assertStatus(200)
      assert.deepEqual(
        idsOf(res.body()),
        row.expected.map((key) => ids[key]).sort((a, b) => a - b)
      )
    })

  test('a ticket registered while the clock stands at Friday is listed under Friday', async ({
    client,
    assert,
  }) => {
    const { desk, tokens } = world()
    clock.freeze('2026-11-20T10:00:00')
    const friday = (await desk.register()).id
    clock.freeze(MONDAY_10)
    const monday = (await desk.register()).id
    const api = endpoints(client)

    // Epoch milliseconds: the one bound format read the same in any server time zone.
    const saturday = String(Date.parse('2026-11-21T00:00:00+08:00'))
    const before = await api.list(tokens.operator, { to: saturday })
    const after = await api.list(tokens.operator, { from: saturday })

    before.assertStatus(200)
    after.assertStatus(200)
    assert.deepEqual(idsOf(before.body()), [friday])
    assert.deepEqual(idsOf(after.body()), [monday])
  })
})

/* ----------------------------------------------------------- deadlines */

type Running = 'urgent' | 'normal' | 'later' | 'handling' | 'registered' | 'suspended' | 'closed'

/**
 * At Monday 10:00: `urgent` and `normal` are dispatched (sign due 10:30 and
 * 12:00), `handling` is signed (handle due Mon 30 Nov 17:30); at 11:00
 * `later` is dispatched (2 working hours: due 14:30). `registered`,
 * `suspended` and `closed` have no running deadline.
 */
async function deadlineWorld({ desk }: World): Promise<Record<Running, number>> {
  const ids = {} as Record<Running, number>
  ids.registered = (await desk.register()).id
  ids.later = (await desk.register()).id
  ids.urgent = await desk.dispatched('bureauA', [], { urgency: 'urgent' })
  ids.normal = await desk.dispatched('bureauA')
  ids.handling = await desk.dispatched('bureauB')
  await desk.act('outsider', ids.handling, 'sign')
  ids.suspended = await desk.dispatched('bureauA', [], { urgency: 'urgent' })
  await desk.act('supervisor', ids.suspended, 'suspend', { reason: '等待现场勘查' })
  ids.closed = await desk.closed()
  clock.freeze('2026-11-23T11:00:00')
  await desk.dispatch(ids.later, 'bureauA')
  return ids
}

const DUE: Partial<Record<Running, string>> = {
  urgent: '2026-11-23T10:30:00.000+08:00',
  normal: '2026-11-23T12:00:00.000+08:00',
  later: '2026-11-23T14:30:00.000+08:00',
  handling: '2026-11-30T17:30:00.000+08:00',
}

worldGroup('Ticket lists: deadlines (overdue, dueWithinHours, sort=due)', (world) => {
  test('the arranged deadlines are the ones the cases assume', async ({ client, assert }) => {
    const { tokens } = world()
    const ids = await deadlineWorld(world())
    const res = await endpoints(client).list(tokens.operator, { perPage: 100 })
    res.assertStatus(200)
    const due = Object.fromEntries(
      (Object.keys(ids) as Running[]).map((key) => [
        key,
        res.body().data.find((row: { id: number }) => row.id === ids[key]).nextDueAt,
      ])
    )
    assert.deepEqual(due, {
      registered: null,
      later: DUE.later,
      urgent: DUE.urgent,
      normal: DUE.normal,
      handling: DUE.handling,
      suspended: null,
      closed: null,
    })
  })

  test('at {at}, {label}: {expected}')
    .with<{ at: string; label: string; query: Query; expected: Running[] }[]>([
      { at: '10:15', label: 'overdue', query: { overdue: true }, expected: [] },
      { at: '11:00', label: 'overdue', query: { overdue: true }, expected: ['urgent'] },
      { at: '12:45', label: 'overdue', query: { overdue: 'true' }, expected: ['urgent', 'normal'] },
      {
        at: '15:00',
        label: 'overdue',
        query: { overdue: 1 },
        expected: ['urgent', 'normal', 'later'],
      },
      {
        at: '10:15',
        label: 'due within 1 hour',
        query: { dueWithinHours: 1 },
        expected: ['urgent'],
      },
      {
        at: '11:00',
        label: 'due within 2 hours (overdue ones included)',
        query: { dueWithinHours: 2 },
        expected: ['urgent', 'normal'],
      },
      {
        at: '12:45',
        label: 'due within 2 hours',
        query: { dueWithinHours: 2 },
        expected: ['urgent', 'normal', 'later'],
      },
      {
        at: '12:45',
        label: 'due within 0.5 hours',
        query: { dueWithinHours: 0.5 },
        expected: ['urgent', 'normal'],
      },
      {
        at: '15:00',
        label: 'due within 200 hours',
        query: { dueWithinHours: 200 },
        expected: ['urgent', 'normal', 'later', 'handling'],
      },
      {
        at: '15:00',
        label: 'overdue at bureau A',
        query: { overdue: true, departmentId: 'bureauA' },
        expected: ['urgent', 'normal', 'later'],
      },
      {
        at: '15:00',
        label: 'overdue at bureau B',
        query: { overdue: true, departmentId: 'bureauB' },
        expected: [],
      },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens, org } = world()
      const ids = await deadlineWorld(world())
      clock.freeze(`2026-11-23T${row.at}:00`)
      const query = { ...row.query }
      if (query.departmentId === 'bureauA' || query.departmentId === 'bureauB') {
        query.departmentId = org.departments[query.departmentId].id
      }

      const res = await endpoints(client).list(tokens.operator, query)

      res.assertStatus(200)
      // Due soonest first.
      assert.deepEqual(
        orderOf(res.body()),
        row.expected.map((key) => ids[key])
      )
    })

  test('sort=due: soonest deadline first, tickets without one last', async ({ client, assert }) => {
    const { tokens } = world()
    const ids = await deadlineWorld(world())

    const res = await endpoints(client).list(tokens.operator, { sort: 'due' })

    res.assertStatus(200)
    const order = orderOf(res.body())
    assert.deepEqual(order.slice(0, 4), [ids.urgent, ids.normal, ids.later, ids.handling])
    assert.sameMembers(order.slice(4), [ids.registered, ids.suspended, ids.closed])
    const dues = res.body().data.map((row: { nextDueAt: string | null }) => row.nextDueAt)
    assert.deepEqual(dues, [DUE.urgent, DUE.normal, DUE.later, DUE.handling, null, null, null])
  })

  test('the default order is newest first', async ({ client, assert }) => {
    const { tokens } = world()
    const ids = await deadlineWorld(world())
    const res = await endpoints(client).list(tokens.operator, { sort: 'newest' })
    res.assertStatus(200)
    assert.deepEqual(
      orderOf(res.body()),
      Object.values(ids).sort((a, b) => b - a)
    )
  })

  test('department staff see only their own overdue tickets', async ({ client, assert }) => {
    const { tokens } = world()
    const ids = await deadlineWorld(world())
    clock.freeze('2026-11-30T18:00:00')
    const staff = await endpoints(client).list(tokens.department_staff, { overdue: true })
    const outsider = await endpoints(client).list(tokens.outsider, { overdue: true })
    staff.assertStatus(200)
    outsider.assertStatus(200)
    assert.deepEqual(orderOf(staff.body()), [ids.urgent, ids.normal, ids.later])
    assert.deepEqual(orderOf(outsider.body()), [ids.handling])
  })
})

/* ---------------------------------------------------------- pagination */

worldGroup('Ticket lists: pagination', (world) => {
  test('page {page} of 7 tickets, {perPage} a page: {rows} rows')
    .with<{ page: number; perPage: number; rows: number; lastPage: number }[]>([
      { page: 1, perPage: 3, rows: 3, lastPage: 3 },
      { page: 2, perPage: 3, rows: 3, lastPage: 3 },
      { page: 3, perPage: 3, rows: 1, lastPage: 3 },
      { page: 4, perPage: 3, rows: 0, lastPage: 3 },
      { page: 1, perPage: 7, rows: 7, lastPage: 1 },
      { page: 1, perPage: 100, rows: 7, lastPage: 1 },
    ])
    .run(async ({ client, assert }, row) => {
      const { desk, tokens } = world()
      const ids: number[] = []
      for (let i = 0; i < 7; i++) ids.push((await desk.register()).id)

      const res = await endpoints(client).list(tokens.operator, {
        page: row.page,
        perPage: row.perPage,
      })

      res.assertStatus(200)
      assert.containsSubset(res.body().meta, {
        total: 7,
        perPage: row.perPage,
        currentPage: row.page,
        lastPage: row.lastPage,
      })
      const newestFirst = [...ids].reverse()
      const start = (row.page - 1) * row.perPage
      assert.deepEqual(orderOf(res.body()), newestFirst.slice(start, start + row.perPage))
    })

  test('20 a page unless asked', async ({ client, assert }) => {
    const { desk, tokens } = world()
    for (let i = 0; i < 21; i++) await desk.register()
    const res = await endpoints(client).list(tokens.operator)
    res.assertStatus(200)
    assert.lengthOf(res.body().data, 20)
    assert.containsSubset(res.body().meta, { total: 21, perPage: 20, lastPage: 2 })
  })

  test('the total counts only what is in reach', async ({ client, assert }) => {
    const { desk, tokens } = world()
    for (let i = 0; i < 3; i++) await desk.dispatched('bureauA')
    for (let i = 0; i < 4; i++) await desk.dispatched('bureauB')
    const res = await endpoints(client).list(tokens.department_staff, { perPage: 2 })
    res.assertStatus(200)
    assert.containsSubset(res.body().meta, { total: 3, perPage: 2, lastPage: 2 })
  })
})

/* ------------------------------------------------------------- refusals */

/**
 * `zh` and `en` are the exact messages where the field has a label already;
 * where it has none yet, a pattern for what any proper translation must look
 * like: Chinese without a raw parameter name, English in plain words.
 */
interface BadFilter {
  label: string
  query: Query
  field: string
  zh: string | RegExp
  en: string | RegExp
}

/** A Chinese label, no Latin letters or digits, then `rest`. */
const zhLabelled = (rest: string) => new RegExp(`^[\\u4e00-\\u9fff（）]+${rest}$`)
/** Lower-case English words (no camelCase key, no index), then `rest`. */
const enLabelled = (head: string, rest: string) => new RegExp(`^${head} [a-z][a-z ]*${rest}$`)

const BAD_FILTERS: BadFilter[] = [
  {
    label: 'status=open',
    query: { status: 'open' },
    field: 'status.0',
    zh: zhLabelled('的取值无效'),
    en: enLabelled('The selected', ' is invalid'),
  },
  {
    label: 'group=all',
    query: { group: 'all' },
    field: 'group',
    zh: zhLabelled('的取值无效'),
    en: enLabelled('The selected', ' is invalid'),
  },
  {
    label: 'channel=fax',
    query: { channel: 'fax' },
    field: 'channel',
    zh: '来源渠道的取值无效',
    en: 'The selected channel is invalid',
  },
  {
    label: 'kind=chat',
    query: { kind: 'chat' },
    field: 'kind',
    zh: '诉求类型的取值无效',
    en: 'The selected kind is invalid',
  },
  {
    label: 'urgency=high',
    query: { urgency: 'high' },
    field: 'urgency',
    zh: '紧急程度的取值无效',
    en: 'The selected urgency is invalid',
  },
  {
    label: 'categoryId=abc',
    query: { categoryId: 'abc' },
    field: 'categoryId',
    zh: '事项分类必须是数字',
    en: 'The category field must be a number',
  },
  {
    label: 'departmentId=0',
    query: { departmentId: 0 },
    field: 'departmentId',
    zh: '所属单位必须大于0',
    en: 'The department field must be positive',
  },
  {
    label: 'dueWithinHours=0',
    query: { dueWithinHours: 0 },
    field: 'dueWithinHours',
    zh: zhLabelled('必须大于0'),
    en: enLabelled('The', ' field must be positive'),
  },
  {
    label: 'dueWithinHours=2000',
    query: { dueWithinHours: 2000 },
    field: 'dueWithinHours',
    zh: zhLabelled('不能大于1440'),
    en: enLabelled('The', ' field must not be greater than 1440'),
  },
  {
    label: 'overdue=maybe',
    query: { overdue: 'maybe' },
    field: 'overdue',
    zh: zhLabelled('必须是是/否'),
    en: enLabelled('The', ' field must be true or false'),
  },
  {
    label: 'sort=oldest',
    query: { sort: 'oldest' },
    field: 'sort',
    zh: zhLabelled('的取值无效'),
    en: enLabelled('The selected', ' is invalid'),
  },
  {
    label: 'page=0',
    query: { page: 0 },
    field: 'page',
    zh: '页码不能小于1',
    en: 'The page field must be at least 1',
  },
  {
    label: 'perPage=101',
    query: { perPage: 101 },
    field: 'perPage',
    zh: '每页条数必须在1到100之间',
    en: 'The page size field must be between 1 and 100',
  },
  {
    label: 'q=(101 characters)',
    query: { q: '路'.repeat(101) },
    field: 'q',
    zh: '关键词不能超过100个字符',
    en: 'The search text field must not be longer than 100 characters',
  },
  {
    label: 'from=yesterday',
    query: { from: 'yesterday' },
    field: 'from',
    zh: /^[^A-Za-z]+$/,
    en: enLabelled('The', ' must be a (valid )?date(time)?( value)?'),
  },
  {
    label: 'to=2026-13-45',
    query: { to: '2026-13-45' },
    field: 'to',
    zh: /^[^A-Za-z]+$/,
    en: enLabelled('The', ' must be a (valid )?date(time)?( value)?'),
  },
]

worldGroup('Ticket lists: bad filters', (world) => {
  for (const locale of ['zh-CN', 'en'] as const) {
    test(`${locale}: {label}`)
      .with(BAD_FILTERS)
      .run(async ({ client, assert }, row) => {
        const { tokens } = world()
        const res = await endpoints(client).list(tokens.operator, row.query, locale)

        res.assertStatus(422)
        const messages = fieldMessages(res)
        assert.deepEqual(Object.keys(messages), [row.field])
        const expected = locale === 'en' ? row.en : row.zh
        if (typeof expected === 'string') assert.equal(messages[row.field], expected)
        else assert.match(messages[row.field], expected)
      })
  }
})
