import { test } from '@japa/runner'
import {
  allowedActions,
  decide,
  DEFAULT_POLICY_LIMITS,
  type Action,
  type LifecycleTicket,
  type PolicyLimits,
} from '#domain/lifecycle/index'
import { actors, ticket, typical, type ActorName } from './support.js'

const quiet = (snapshot: LifecycleTicket) =>
  ticket({ ...snapshot, openSupervisionForActorDepartment: false })
const windowClosed = ticket({ ...typical.dispatched, returnWindowOpen: false })
const pending = quiet(ticket({ ...typical.handling, pendingExtension: true }))
const extended = quiet(ticket({ ...typical.handling, approvedExtensionsThisRound: 1 }))

test.group('allowedActions', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; ticket: LifecycleTicket; actor: ActorName; limits?: Partial<PolicyLimits>; expected: Action[] }[]>([
      { title: 'operator on a new ticket', ticket: typical.registered, actor: 'operator', expected: ['direct_answer', 'dispatch', 'urge', 'merge'] },
      { title: 'supervisor on a new ticket', ticket: typical.registered, actor: 'supervisor', expected: ['direct_answer', 'dispatch', 'urge', 'supervise', 'merge'] },
      { title: 'auditor anywhere', ticket: typical.handling, actor: 'auditor', expected: [] },
      { title: 'system on a ticket', ticket: typical.registered, actor: 'system', expected: [] },
      { title: 'lead on a dispatched ticket', ticket: quiet(typical.dispatched), actor: 'staffLead', expected: ['sign', 'return'] },
      { title: 'lead with an open order', ticket: typical.dispatched, actor: 'leaderLead', expected: ['sign', 'return', 'answer_supervision'] },
      { title: 'lead after the return window', ticket: quiet(windowClosed), actor: 'staffLead', expected: ['sign'] },
      { title: 'assist on a dispatched ticket', ticket: quiet(typical.dispatched), actor: 'staffAssist', expected: ['sign', 'return'] },
      { title: 'unrelated department', ticket: quiet(typical.dispatched), actor: 'staffOther', expected: [] },
      { title: 'center on a dispatched ticket', ticket: typical.dispatched, actor: 'operator', expected: ['urge', 'merge'] },
      { title: 'supervisor on a dispatched ticket', ticket: typical.dispatched, actor: 'supervisor', expected: ['suspend', 'urge', 'supervise', 'merge'] },
      { title: 'lead while handling', ticket: quiet(typical.handling), actor: 'staffLead', expected: ['reply', 'suspend', 'request_extension'] },
      { title: 'lead with an extension pending', ticket: pending, actor: 'staffLead', expected: ['reply', 'suspend'] },
      { title: 'lead after its one extension', ticket: extended, actor: 'staffLead', expected: ['reply', 'suspend'] },
      { title: 'lead after one extension under a limit of two', ticket: extended, actor: 'staffLead', limits: { maxExtensionsPerRound: 2 }, expected: ['reply', 'suspend', 'request_extension'] },
      { title: 'supervisor with an extension pending', ticket: pending, actor: 'admin', expected: ['suspend', 'approve_extension', 'reject_extension', 'urge', 'supervise', 'merge'] },
      { title: 'signed assist while handling', ticket: quiet(typical.handling), actor: 'leaderAssist', expected: ['assist_input'] },
      { title: 'operator on a reply', ticket: typical.replied, actor: 'operator', expected: ['review_accept', 'review_reject', 'urge'] },
      { title: 'supervisor on a reply', ticket: typical.replied, actor: 'supervisor', expected: ['review_accept', 'review_reject', 'urge', 'supervise', 'close'] },
      { title: 'lead after replying', ticket: quiet(typical.replied), actor: 'staffLead', expected: [] },
      { title: 'operator on a callback', ticket: typical.callback, actor: 'operator', expected: ['callback_record', 'urge'] },
      { title: 'operator on a returned ticket', ticket: typical.returned, actor: 'operator', expected: ['redispatch', 'urge', 'merge'] },
      { title: 'the department that returned it', ticket: quiet(typical.returned), actor: 'staffLead', expected: [] },
      { title: 'lead on a suspended ticket', ticket: quiet(typical.suspended), actor: 'leaderLead', expected: ['resume'] },
      { title: 'supervisor on a suspended ticket', ticket: typical.suspended, actor: 'supervisor', expected: ['resume', 'urge', 'supervise'] },
      { title: 'admin on a closed ticket', ticket: typical.closed, actor: 'admin', expected: [] },
      { title: 'lead on a merged ticket', ticket: typical.merged, actor: 'staffLead', expected: [] },
    ])
    .run(({ assert }, row) => {
      const limits = { ...DEFAULT_POLICY_LIMITS, ...row.limits }
      assert.deepEqual(allowedActions(row.ticket, actors[row.actor], limits), row.expected)
    })

  test('the 409 body lists what the actor may do instead', ({ assert }) => {
    assert.deepEqual(decide(typical.handling, 'sign', actors.operator), {
      ok: false,
      reason: 'forbidden',
    })
    assert.deepEqual(decide(typical.replied, 'callback_record', actors.operator), {
      ok: false,
      reason: 'invalid_transition',
      allowed: ['review_accept', 'review_reject', 'urge'],
    })
  })
})
