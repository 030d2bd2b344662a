import { test } from '@japa/runner'
import {
  decide,
  decideRegistration,
  type Action,
  type ActionInput,
  type Effect,
  type LifecycleTicket,
  type Status,
} from '#domain/lifecycle/index'
import {
  actors,
  ASSIST,
  assignment,
  LEAD,
  OTHER,
  ticket,
  typical,
  type ActorName,
} from './support.js'

const assistUnsignedInHandling = ticket({
  status: 'handling',
  assignments: [assignment(LEAD, 'lead', { signed: true }), assignment(ASSIST, 'assist')],
})
const pending = ticket({ ...typical.handling, pendingExtension: true })
const suspendedFromDispatched = ticket({
  status: 'suspended',
  statusBeforeSuspend: 'dispatched',
  assignments: typical.dispatched.assignments,
})
const assign = (lead: number, assists: number[], round = 1): Effect => ({
  type: 'assign_departments',
  round,
  leadDepartmentId: lead,
  assistDepartmentIds: assists,
})

test.group('every transition row: target status and effects', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; ticket: LifecycleTicket; action: Action; actor: ActorName; input?: ActionInput; to: Status; effects: Effect[] }[]>([
      { title: 'direct answer waits for the callback', ticket: typical.registered, action: 'direct_answer', actor: 'operator', to: 'callback', effects: [{ type: 'start_callback' }] },
      { title: 'direct answer without a callback closes', ticket: typical.registered, action: 'direct_answer', actor: 'operator', input: { callbackRequired: false }, to: 'closed', effects: [{ type: 'close', reason: 'direct_answer' }] },
      { title: 'dispatch assigns the lead and the assists', ticket: typical.registered, action: 'dispatch', actor: 'operator', input: { leadDepartmentId: LEAD, assistDepartmentIds: [ASSIST, OTHER] }, to: 'dispatched', effects: [assign(LEAD, [ASSIST, OTHER])] },
      { title: 'dispatch drops the lead and repeats from the assists', ticket: typical.registered, action: 'dispatch', actor: 'supervisor', input: { leadDepartmentId: LEAD, assistDepartmentIds: [LEAD, ASSIST, ASSIST] }, to: 'dispatched', effects: [assign(LEAD, [ASSIST])] },
      { title: 'dispatch with no assists', ticket: typical.registered, action: 'dispatch', actor: 'admin', input: { leadDepartmentId: LEAD }, to: 'dispatched', effects: [assign(LEAD, [])] },
      { title: 'redispatch stays in the same round', ticket: ticket({ ...typical.returned, round: 2 }), action: 'redispatch', actor: 'operator', input: { leadDepartmentId: OTHER }, to: 'dispatched', effects: [assign(OTHER, [], 2)] },
      { title: 'the lead signing starts handling', ticket: typical.dispatched, action: 'sign', actor: 'staffLead', to: 'handling', effects: [{ type: 'record_sign', lead: true }] },
      { title: 'an assist signing first keeps dispatched', ticket: typical.dispatched, action: 'sign', actor: 'leaderAssist', to: 'dispatched', effects: [{ type: 'record_sign', lead: false }] },
      { title: 'an assist signing after the lead keeps handling', ticket: assistUnsignedInHandling, action: 'sign', actor: 'staffAssist', to: 'handling', effects: [{ type: 'record_sign', lead: false }] },
      { title: 'the lead returning sends it to the center', ticket: typical.dispatched, action: 'return', actor: 'staffLead', input: { reason: '非本单位职责' }, to: 'returned', effects: [{ type: 'return_to_center' }] },
      { title: 'an assist returning is dropped', ticket: typical.dispatched, action: 'return', actor: 'staffAssist', input: { reason: '非本单位职责' }, to: 'dispatched', effects: [{ type: 'drop_assist' }] },
      { title: 'an unsigned assist may still return in handling', ticket: assistUnsignedInHandling, action: 'return', actor: 'leaderAssist', input: { reason: '非本单位职责' }, to: 'handling', effects: [{ type: 'drop_assist' }] },
      { title: 'a signed assist sends input to the lead', ticket: typical.handling, action: 'assist_input', actor: 'staffAssist', to: 'handling', effects: [] },
      { title: 'the lead replies', ticket: typical.handling, action: 'reply', actor: 'leaderLead', input: { outcome: 'explained' }, to: 'replied', effects: [{ type: 'record_reply', outcome: 'explained' }] },
      { title: 'an unresolvable reply with a reason', ticket: typical.handling, action: 'reply', actor: 'staffLead', input: { outcome: 'unresolvable', reason: '涉及历史遗留问题' }, to: 'replied', effects: [{ type: 'record_reply', outcome: 'unresolvable' }] },
      { title: 'review accepts the reply', ticket: typical.replied, action: 'review_accept', actor: 'operator', to: 'callback', effects: [{ type: 'start_callback' }] },
      { title: 'review sends the reply back', ticket: typical.replied, action: 'review_reject', actor: 'supervisor', input: { reason: '答复不完整' }, to: 'handling', effects: [{ type: 'send_back_reply' }] },
      { title: 'the lead suspends a signed ticket', ticket: typical.handling, action: 'suspend', actor: 'staffLead', input: { reason: '等待诉求人补充材料' }, to: 'suspended', effects: [{ type: 'pause_clock', statusBeforeSuspend: 'handling' }] },
      { title: 'a supervisor suspends before any sign', ticket: typical.dispatched, action: 'suspend', actor: 'supervisor', input: { reason: '等待诉求人补充材料' }, to: 'suspended', effects: [{ type: 'pause_clock', statusBeforeSuspend: 'dispatched' }] },
      { title: 'resume returns to handling', ticket: typical.suspended, action: 'resume', actor: 'leaderLead', to: 'handling', effects: [{ type: 'resume_clock' }] },
      { title: 'resume returns to dispatched', ticket: suspendedFromDispatched, action: 'resume', actor: 'admin', to: 'dispatched', effects: [{ type: 'resume_clock' }] },
      { title: 'the lead asks for more time', ticket: typical.handling, action: 'request_extension', actor: 'staffLead', input: { reason: '需现场勘查' }, to: 'handling', effects: [{ type: 'open_extension_request' }] },
      { title: 'an approved extension moves the deadline', ticket: pending, action: 'approve_extension', actor: 'supervisor', to: 'handling', effects: [{ type: 'extend_handle_deadline' }] },
      { title: 'a rejected extension keeps the deadline', ticket: pending, action: 'reject_extension', actor: 'admin', to: 'handling', effects: [{ type: 'reject_extension_request' }] },
      { title: 'urge changes nothing but the log', ticket: typical.suspended, action: 'urge', actor: 'operator', to: 'suspended', effects: [] },
      { title: 'supervise opens an order', ticket: typical.returned, action: 'supervise', actor: 'supervisor', to: 'returned', effects: [{ type: 'open_supervision_order' }] },
      { title: 'a department answers its order', ticket: typical.callback, action: 'answer_supervision', actor: 'staffLead', to: 'callback', effects: [{ type: 'answer_supervision_order' }] },
      { title: 'merge into another ticket', ticket: typical.handling, action: 'merge', actor: 'operator', to: 'merged', effects: [{ type: 'merge_into_target' }] },
      { title: 'close without a callback', ticket: typical.replied, action: 'close', actor: 'supervisor', to: 'closed', effects: [{ type: 'close', reason: 'no_callback' }] },
    ])
    .run(({ assert }, row) => {
      const decision = decide(row.ticket, row.action, actors[row.actor], row.input)
      assert.deepEqual(decision, { ok: true, from: row.ticket.status, to: row.to, effects: row.effects })
    })
})

test.group('register (no ticket yet)', () => {
  test('{actor} → {expected}')
    .with<{ actor: ActorName; expected: 'ok' | 'forbidden' }[]>([
      { actor: 'operator', expected: 'ok' },
      { actor: 'admin', expected: 'ok' },
      { actor: 'system', expected: 'ok' },
      { actor: 'supervisor', expected: 'forbidden' },
      { actor: 'auditor', expected: 'forbidden' },
      { actor: 'staffLead', expected: 'forbidden' },
      { actor: 'leaderOther', expected: 'forbidden' },
    ])
    .run(({ assert }, row) => {
      const expected =
        row.expected === 'ok'
          ? { ok: true, from: null, to: 'registered', effects: [] }
          : { ok: false, reason: 'forbidden' }
      assert.deepEqual(decideRegistration(actors[row.actor]), expected)
    })
})
