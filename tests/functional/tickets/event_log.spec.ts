import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock_service'
import { buildOrg, type OrgFixture, type UserKey } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { countRows, errorsOf } from '#tests/support/api'
import {
  MONDAY_10,
  TicketDesk,
  endpoints,
  eventRows,
  mintTokens,
  ticketRow,
} from '#tests/support/ticket_world'

/*
 * The ticket event log (architecture.md, "The ticket core is plain code";
 * domain.md: "Every action is recorded in the ticket's event log, which is
 * never edited"). The database itself refuses UPDATE, DELETE and TRUNCATE,
 * and every transition through the API appends exactly one line saying who
 * (id and role), what, and from which status to which.
 */

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

/** The columns the log promises, in a comparable shape. */
const logLine = (row: Record<string, any>) => ({
  actorId: row.actor_id,
  actorRole: row.actor_role,
  action: row.action,
  from: row.from_status,
  to: row.to_status,
})

/* ------------------------------------------------------------ append-only */

interface Tamper {
  label: string
  operation: 'UPDATE' | 'DELETE' | 'TRUNCATE'
  run: (trx: TransactionClientContract, ticketId: number) => Promise<unknown>
}

const TAMPERING: Tamper[] = [
  {
    label: 'rewrite the status of one line',
    operation: 'UPDATE',
    run: (trx, id) =>
      trx.from('ticket_events').where('ticket_id', id).update({ to_status: 'closed' }),
  },
  {
    label: 'rewrite the payload and actor',
    operation: 'UPDATE',
    run: (trx, id) =>
      trx
        .from('ticket_events')
        .where('ticket_id', id)
        .where('action', 'dispatch')
        .update({ payload: JSON.stringify({ forged: true }), actor_id: null }),
  },
  {
    label: 'update in raw SQL',
    operation: 'UPDATE',
    run: (trx, id) =>
      trx.rawQuery(`UPDATE ticket_events SET action = 'close' WHERE ticket_id = ?`, [id]),
  },
  {
    label: 'delete one line',
    operation: 'DELETE',
    run: (trx, id) =>
      trx.from('ticket_events').where('ticket_id', id).where('action', 'register').delete(),
  },
  {
    label: 'delete the whole log of the ticket',
    operation: 'DELETE',
    run: (trx, id) => trx.from('ticket_events').where('ticket_id', id).delete(),
  },
  {
    // The foreign key cascades to the log, so the log keeps the ticket alive.
    label: 'delete the ticket (cascading to its log)',
    operation: 'DELETE',
    run: (trx, id) => trx.from('tickets').where('id', id).delete(),
  },
  {
    label: 'truncate the table',
    operation: 'TRUNCATE',
    run: async (trx) => {
      // Never wait on another session's lock: fail fast instead.
      await trx.rawQuery(`SET LOCAL lock_timeout = '5s'`)
      return trx.rawQuery('TRUNCATE ticket_events')
    },
  },
]

worldGroup('Event log: the database refuses to change it', (world) => {
  test('{label}: refused ({operation}), the log intact, the test transaction usable')
    .with(TAMPERING)
    .run(async ({ client, assert }, row) => {
      const { desk, tokens } = world()
      const id = await desk.dispatched('bureauA')
      const before = await eventRows(id)
      assert.lengthOf(before, 2)

      // A savepoint inside the test's transaction: its failure rolls back to
      // the savepoint only, so the checks below still run in the outer one.
      let refusal: any = null
      try {
        await db.transaction(async (trx) => {
          await row.run(trx, id)
        })
      } catch (error) {
        refusal = error
      }

      assert.isNotNull(refusal, `${row.operation} went through`)
      assert.include(refusal.message, `ticket_events is append-only (${row.operation} refused)`)
      assert.equal(refusal.code, '42501') // insufficient_privilege
      assert.deepEqual(await eventRows(id), before)
      assert.equal((await ticketRow(id)).status, 'dispatched')

      // Still a working transaction: a transition appends the next line.
      const signed = await endpoints(client).act(tokens.department_staff, id, 'sign')
      signed.assertStatus(200)
      const after = await eventRows(id)
      assert.deepEqual(after.slice(0, 2), before)
      assert.deepEqual(
        after.slice(2).map((e) => e.action),
        ['sign']
      )
    })

  test('appending stays possible: INSERT is the one thing allowed', async ({ assert }) => {
    const { desk } = world()
    const ticket = await desk.register()
    await db.transaction(async (trx) => {
      await trx.table('ticket_events').insert({
        ticket_id: ticket.id,
        actor_id: null,
        actor_role: 'system',
        action: 'note',
        from_status: 'registered',
        to_status: 'registered',
        payload: JSON.stringify({}),
        created_at: new Date(),
      })
    })
    assert.deepEqual(
      (await eventRows(ticket.id)).map((e) => e.action),
      ['register', 'note']
    )
  })
})

/* ------------------------------------------------------- one per transition */

interface Step {
  by: UserKey
  action: string
  body?: (org: OrgFixture, ids: { ticket: number; other: number }) => Record<string, unknown>
  from: string
  to: string
}

interface Journey {
  title: string
  /** who registers it */
  steps: Step[]
}

const reply = () => ({ outcome: 'resolved', content: '已修复并回访确认。' })

const JOURNEYS: Journey[] = [
  {
    title: 'lead + assist, supervision, extension, suspension, review, redo round, close',
    steps: [
      {
        by: 'operator',
        action: 'dispatch',
        body: (org) => ({
          leadDepartmentId: org.departments.bureauA.id,
          assistDepartmentIds: [org.departments.bureauB.id],
        }),
        from: 'registered',
        to: 'dispatched',
      },
      { by: 'outsider', action: 'sign', from: 'dispatched', to: 'dispatched' },
      { by: 'department_staff', action: 'sign', from: 'dispatched', to: 'handling' },
      {
        by: 'outsider',
        action: 'assist_input',
        body: () => ({ content: '协办单位已到现场核实。' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'operator',
        action: 'urge',
        body: () => ({ content: '请加快办理。' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'supervisor',
        action: 'supervise',
        body: () => ({ content: '群众反映强烈，请限期办理。' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'department_staff',
        action: 'answer_supervision',
        body: () => ({ content: '已组织维修。' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'department_staff',
        action: 'request_extension',
        body: () => ({ requestedWorkingDays: 2, reason: '需等待配件到货' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'supervisor',
        action: 'approve_extension',
        body: () => ({ comment: '同意' }),
        from: 'handling',
        to: 'handling',
      },
      {
        by: 'department_staff',
        action: 'suspend',
        body: () => ({ reason: '等待诉求人提供现场照片' }),
        from: 'handling',
        to: 'suspended',
      },
      { by: 'department_staff', action: 'resume', from: 'suspended', to: 'handling' },
      { by: 'department_staff', action: 'reply', body: reply, from: 'handling', to: 'replied' },
      {
        by: 'supervisor',
        action: 'review_reject',
        body: () => ({ reason: '答复未说明整改时间' }),
        from: 'replied',
        to: 'handling',
      },
      { by: 'department_staff', action: 'reply', body: reply, from: 'handling', to: 'replied' },
      { by: 'operator', action: 'review_accept', from: 'replied', to: 'callback' },
      {
        by: 'operator',
        action: 'callback_record',
        body: () => ({ result: 'unreachable' }),
        from: 'callback',
        to: 'callback',
      },
      {
        by: 'operator',
        action: 'callback_record',
        body: () => ({ result: 'dissatisfied', comment: '问题反复出现' }),
        from: 'callback',
        to: 'dispatched',
      },
      { by: 'department_staff', action: 'sign', from: 'dispatched', to: 'handling' },
      { by: 'department_staff', action: 'reply', body: reply, from: 'handling', to: 'replied' },
      { by: 'supervisor', action: 'close', from: 'replied', to: 'closed' },
    ],
  },
  {
    title: 'a leader returns, the admin re-dispatches and merges',
    steps: [
      {
        by: 'admin',
        action: 'dispatch',
        body: (org) => ({ leadDepartmentId: org.departments.districtA.id }),
        from: 'registered',
        to: 'dispatched',
      },
      {
        by: 'department_leader',
        action: 'return',
        body: () => ({ reason: '属住建部门职责' }),
        from: 'dispatched',
        to: 'returned',
      },
      {
        by: 'admin',
        action: 'redispatch',
        body: (org) => ({ leadDepartmentId: org.departments.bureauA.id }),
        from: 'returned',
        to: 'dispatched',
      },
      {
        by: 'admin',
        action: 'merge',
        body: (_org, ids) => ({ targetTicketId: ids.other }),
        from: 'dispatched',
        to: 'merged',
      },
    ],
  },
  {
    title: 'a direct answer without a callback',
    steps: [
      {
        by: 'operator',
        action: 'direct_answer',
        body: () => ({ content: '可在政务服务网在线办理。', callbackRequired: false }),
        from: 'registered',
        to: 'closed',
      },
    ],
  },
]

worldGroup('Event log: one line per transition', (world) => {
  test('intake writes the register line', async ({ client, assert }) => {
    const { org, tokens } = world()
    const res = await endpoints(client).intake(tokens.operator, 'hotline', {
      kind: 'help',
      content: '小区门口下水道堵塞，污水外溢。',
    })
    res.assertStatus(201)
    const rows = await eventRows(res.body().data.id)
    assert.deepEqual(rows.map(logLine), [
      {
        actorId: org.users.operator.id,
        actorRole: 'operator',
        action: 'register',
        from: null,
        to: 'registered',
      },
    ])
    assert.equal(new Date(rows[0].created_at).toISOString(), '2026-11-23T02:00:00.000Z')
  })

  test('{title}')
    .with(JOURNEYS)
    .run(async ({ client, assert }, journey) => {
      const { org, tokens, desk } = world()
      const api = endpoints(client)
      const ticket = (
        await desk.register('operator', { content: '小区电梯经常停运，维修不及时。' })
      ).id
      const other = (await desk.register('operator', { content: '小区电梯停运，老人出行困难。' }))
        .id
      const otherBefore = await eventRows(other)

      for (const [index, step] of journey.steps.entries()) {
        const label = `step ${index + 1}: ${step.by} ${step.action}`
        const before = await eventRows(ticket)
        const { version } = await ticketRow(ticket)

        const res = await api.act(
          tokens[step.by],
          ticket,
          step.action,
          step.body?.(org, { ticket, other })
        )

        assert.equal(res.status(), 200, `${label}: ${JSON.stringify(res.body())}`)
        const after = await eventRows(ticket)
        assert.lengthOf(after, before.length + 1, label)
        assert.deepEqual(after.slice(0, -1), before, `${label}: earlier lines untouched`)
        const line = after.at(-1)!
        assert.deepEqual(
          logLine(line),
          {
            actorId: org.users[step.by].id,
            actorRole: org.users[step.by].role,
            action: step.action,
            from: step.from,
            to: step.to,
          },
          label
        )
        assert.equal(res.body().event.id, line.id, label)
        assert.equal(res.body().event.action, step.action, label)
        const row = await ticketRow(ticket)
        assert.equal(row.status, step.to, label)
        assert.equal(row.version, version + 1, label)
        assert.equal(res.body().version, version + 1, label)
      }

      // The timeline the API shows is the log, line for line.
      const detail = await api.show(tokens.supervisor, ticket)
      detail.assertStatus(200)
      const rows = await eventRows(ticket)
      assert.deepEqual(
        detail
          .body()
          .data.events.map((e: any) => [e.id, e.action, e.actorId, e.fromStatus, e.toStatus]),
        rows.map((e) => [e.id, e.action, e.actor_id, e.from_status, e.to_status])
      )
      assert.lengthOf(rows, journey.steps.length + 1)

      // A merge also notes itself in the target's log; nothing else touches it.
      const otherAfter = await eventRows(other)
      const merged = journey.steps.some((step) => step.action === 'merge')
      assert.deepEqual(otherAfter.slice(0, otherBefore.length), otherBefore)
      assert.deepEqual(
        otherAfter.slice(otherBefore.length).map(logLine),
        merged
          ? [
              {
                actorId: org.users.admin.id,
                actorRole: 'admin',
                action: 'merged_from',
                from: 'registered',
                to: 'registered',
              },
            ]
          : []
      )
    })

  test('{label}: refused ({status}), no line written')
    .with<
      {
        label: string
        by: UserKey
        action: string
        body?: Record<string, unknown>
        status: number
      }[]
    >([
      { label: 'an auditor dispatching', by: 'auditor', action: 'dispatch', status: 403 },
      {
        label: 'a review before any reply',
        by: 'supervisor',
        action: 'review_accept',
        status: 409,
      },
      {
        label: 'a dispatch without a lead',
        by: 'operator',
        action: 'dispatch',
        body: {},
        status: 422,
      },
      {
        label: 'staff signing a ticket not theirs',
        by: 'department_staff',
        action: 'sign',
        status: 404,
      },
      {
        label: 'a merge into itself',
        by: 'operator',
        action: 'merge',
        body: { targetTicketId: -1 },
        status: 422,
      },
    ])
    .run(async ({ client, assert }, row) => {
      const { tokens, desk } = world()
      const ticket = await desk.register()
      const body = row.body?.targetTicketId === -1 ? { targetTicketId: ticket.id } : row.body
      const events = await countRows('ticket_events')
      const { version, status } = await ticketRow(ticket.id)

      const res = await endpoints(client).act(tokens[row.by], ticket.id, row.action, body)

      res.assertStatus(row.status)
      assert.isNotEmpty(errorsOf(res))
      assert.equal(await countRows('ticket_events'), events)
      assert.containsSubset(await ticketRow(ticket.id), { version, status })
    })
})
