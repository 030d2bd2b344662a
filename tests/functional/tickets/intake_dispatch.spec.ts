import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import queues from '#services/queues'
import TransitionTicket from '#actions/tickets/transition_ticket'
import Ticket from '#models/ticket'
import SlaPolicy from '#models/sla_policy'
import type { EventEntry } from '#actions/tickets/event_log'
import { timerJobId } from '#timers/timer_points'
import { countRows, fieldMessages } from '#tests/support/api'
import {
  assignmentTuples,
  endpoints,
  eventRows,
  operatorOnMonday,
} from '#tests/support/ticket_world'

/*
 * 受理即转办: an operator routes the call while the caller is still on the
 * line. Intake and dispatch are written together, by the one transition
 * path's closing statement; bad routing writes nothing. Monday 23 November 2026 10:00: a
 * normal ticket's sign limit (2 working hours) ends at 12:00.
 */
test.group('Intake with dispatch in one write', (group) => {
  const state = operatorOnMonday(group)

  const body = (dispatch: unknown) => ({
    kind: 'help',
    content: '小区门口下水道堵塞，污水外溢。',
    requesterPhone: '13812345678',
    dispatch,
  })

  test('a call logged and routed at once: dispatched, sign deadline, both events, mails, timers', async ({
    client,
    assert,
  }) => {
    const { departments } = state.org
    const res = await endpoints(client).intake(
      state.token,
      'hotline',
      body({
        leadDepartmentId: departments.bureauA.id,
        assistDepartmentIds: [departments.streetA.id],
      })
    )
    res.assertStatus(201)
    const ticket = res.body().data
    assert.equal(ticket.status, 'dispatched')
    assert.equal(ticket.nextDueAt, '2026-11-23T12:00:00.000+08:00')
    assert.equal(ticket.requesterPhone, '138****5678')

    assert.deepEqual(
      (await eventRows(ticket.id)).map((e) => [e.action, e.from_status, e.to_status]),
      [
        ['register', null, 'registered'],
        ['dispatch', 'registered', 'dispatched'],
      ]
    )
    assert.deepEqual(await assignmentTuples(ticket.id), [
      [1, 'lead', departments.bureauA.id, true, false],
      [1, 'assist', departments.streetA.id, true, false],
    ])
    const mails = await db
      .from('outbox_messages')
      .whereRaw(`payload->>'ticketId' = ?`, [String(ticket.id)])
      .whereRaw(`payload->>'kind' = 'dispatch'`)
    assert.isAbove(mails.length, 0, 'the departments are mailed as on any dispatch')

    const lead = await db
      .from('ticket_assignments')
      .where({ ticket_id: ticket.id, role: 'lead' })
      .firstOrFail()
    const due = DateTime.fromJSDate(lead.sign_due_at)
    const job = await queues
      .get('deadlines')
      .getJob(timerJobId({ assignmentId: Number(lead.id), step: 'sign', phase: 'due', dueAt: due }))
    assert.exists(job, 'the sign timer is queued after commit')
  })

  test('a lead department that does not exist or is inactive: 422 naming it, nothing written', async ({
    client,
    assert,
  }) => {
    const { departments } = state.org
    await db.from('departments').where('id', departments.bureauB.id).update({ is_active: false })
    const before = await countRows('tickets')
    for (const leadDepartmentId of [departments.bureauA.id + 10_000, departments.bureauB.id]) {
      const res = await endpoints(client).intake(state.token, 'hotline', body({ leadDepartmentId }))
      res.assertStatus(422)
      assert.include(Object.keys(fieldMessages(res)), 'dispatch.leadDepartmentId')
    }
    const english = await endpoints(client).intake(
      state.token,
      'hotline',
      body({ assistDepartmentIds: [departments.streetA.id] }),
      'en'
    )
    english.assertStatus(422)
    assert.match(fieldMessages(english)['dispatch.leadDepartmentId'], /lead department/)
    assert.equal(await countRows('tickets'), before)
  })

  test('without dispatch the call stays registered, for the center to route later', async ({
    client,
    assert,
  }) => {
    const res = await endpoints(client).intake(state.token, 'hotline', body(undefined))
    res.assertStatus(201)
    assert.equal(res.body().data.status, 'registered')
    assert.deepEqual(await assignmentTuples(res.body().data.id), [])
  })
})

test.group('The transition path outside a transaction', () => {
  test('refuses a stored ticket: only a registration is written without one', async ({
    assert,
  }) => {
    const transition = new TransitionTicket()
    const outside = db.connection()
    await assert.rejects(
      // the overloads refuse this at compile time; the guard holds at run time too
      () =>
        transition.within(
          outside as never,
          1,
          'sign',
          { id: 1, role: 'operator', departmentId: null },
          {}
        ),
      'a stored ticket changes only inside a transaction'
    )
  })

  test('a ticket being registered can only be dispatched', async ({ assert }) => {
    const registered = {
      ticket: new Ticket(),
      policy: new SlaPolicy(),
      registration: { searchTokens: '', register: {} as EventEntry },
    }
    await assert.rejects(
      () =>
        new TransitionTicket().within(
          db.connection(),
          registered,
          'direct_answer',
          { id: 1, role: 'operator', departmentId: null },
          {}
        ),
      'a ticket being registered can only be dispatched, not "direct_answer"'
    )
  })
})
