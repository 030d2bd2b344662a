import { test } from '@japa/runner'
import {
  decide,
  DEFAULT_POLICY_LIMITS,
  type Action,
  type ActionInput,
  type Decision,
  type GuardCode,
  type LifecycleTicket,
  type PolicyLimits,
} from '#domain/lifecycle/index'
import { actors, ASSIST, assignment, LEAD, ticket, typical, type ActorName } from './support.js'

const reason = { reason: '非本单位职责' }
const guard = (code: GuardCode): Decision => ({ ok: false, reason: 'guard', code })
const invalid = { ok: false, reason: 'invalid_transition' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

const windowClosed = ticket({ ...typical.dispatched, returnWindowOpen: false })
const assistSignedEarly = ticket({
  ...typical.dispatched,
  assignments: [assignment(LEAD, 'lead'), assignment(ASSIST, 'assist', { signed: true })],
})
const assistDropped = ticket({
  ...typical.dispatched,
  assignments: [assignment(LEAD, 'lead'), assignment(ASSIST, 'assist', { returned: true })],
})
// Round 2 went to ASSIST as lead; LEAD only took part in round 1.
const secondRound = ticket({
  status: 'dispatched',
  round: 2,
  assignments: [
    assignment(LEAD, 'lead', { signed: true, replied: true }),
    assignment(ASSIST, 'lead', { round: 2 }),
  ],
})
const pending = ticket({ ...typical.handling, pendingExtension: true })
const extended = ticket({ ...typical.handling, approvedExtensionsThisRound: 1 })
const pendingAndExtended = ticket({ ...extended, pendingExtension: true })
const noOrder = ticket({ ...typical.handling, openSupervisionForActorDepartment: false })
const lostSuspension = ticket({ ...typical.suspended, statusBeforeSuspend: null })

test.group('guards', () => {
  // prettier-ignore
  test('{title}')
    .with<{ title: string; ticket: LifecycleTicket; action: Action; actor: ActorName; input?: ActionInput; limits?: Partial<PolicyLimits>; expected: Partial<Decision> }[]>([
      { title: 'return after the window (lead)', ticket: windowClosed, action: 'return', actor: 'staffLead', input: reason, expected: guard('E_RETURN_WINDOW_CLOSED') },
      { title: 'return after the window (assist)', ticket: windowClosed, action: 'return', actor: 'leaderAssist', input: reason, expected: guard('E_RETURN_WINDOW_CLOSED') },
      { title: 'return after signing, window still open', ticket: assistSignedEarly, action: 'return', actor: 'staffAssist', input: reason, expected: guard('E_ALREADY_SIGNED') },
      { title: 'return after signing and after the window: signing wins', ticket: ticket({ ...typical.handling, returnWindowOpen: false }), action: 'return', actor: 'staffLead', input: reason, expected: guard('E_ALREADY_SIGNED') },
      { title: 'return without a reason', ticket: typical.dispatched, action: 'return', actor: 'staffLead', expected: guard('E_REASON_REQUIRED') },
      { title: 'return with a blank reason', ticket: typical.dispatched, action: 'return', actor: 'staffLead', input: { reason: '  ' }, expected: guard('E_REASON_REQUIRED') },
      { title: 'window closed and no reason: the window wins', ticket: windowClosed, action: 'return', actor: 'staffLead', input: { reason: null }, expected: guard('E_RETURN_WINDOW_CLOSED') },
      { title: 'sign twice (assist)', ticket: assistSignedEarly, action: 'sign', actor: 'staffAssist', expected: guard('E_ALREADY_SIGNED') },
      { title: 'sign after returning: no longer in the round', ticket: assistDropped, action: 'sign', actor: 'staffAssist', expected: invalid },
      { title: 'sign by last round\'s lead', ticket: secondRound, action: 'sign', actor: 'staffLead', expected: invalid },
      { title: 'sign by this round\'s new lead', ticket: secondRound, action: 'sign', actor: 'staffAssist', expected: { ok: true, to: 'handling' } },
      { title: 'sign by a department user without a department', ticket: typical.dispatched, action: 'sign', actor: 'staffNoDepartment', expected: invalid },
      { title: 'reply without an outcome', ticket: typical.handling, action: 'reply', actor: 'staffLead', expected: guard('E_OUTCOME_REQUIRED') },
      { title: 'reply with an unknown outcome', ticket: typical.handling, action: 'reply', actor: 'staffLead', input: { outcome: 'done' as never }, expected: guard('E_OUTCOME_REQUIRED') },
      { title: 'unresolvable reply without a reason', ticket: typical.handling, action: 'reply', actor: 'staffLead', input: { outcome: 'unresolvable' }, expected: guard('E_REASON_REQUIRED') },
      { title: 'review sends back without a reason', ticket: typical.replied, action: 'review_reject', actor: 'operator', expected: guard('E_REASON_REQUIRED') },
      { title: 'dispatch without a lead', ticket: typical.registered, action: 'dispatch', actor: 'operator', input: { assistDepartmentIds: [ASSIST] }, expected: guard('E_LEAD_REQUIRED') },
      { title: 'redispatch without a lead', ticket: typical.returned, action: 'redispatch', actor: 'operator', expected: guard('E_LEAD_REQUIRED') },
      { title: 'suspend without a reason', ticket: typical.handling, action: 'suspend', actor: 'supervisor', expected: guard('E_REASON_REQUIRED') },
      { title: 'suspend by an unsigned lead', ticket: typical.dispatched, action: 'suspend', actor: 'leaderLead', input: reason, expected: guard('E_NOT_SIGNED') },
      { title: 'resume with no remembered status', ticket: lostSuspension, action: 'resume', actor: 'supervisor', expected: guard('E_NO_STATUS_BEFORE_SUSPEND') },
      { title: 'assist input before signing', ticket: typical.dispatched, action: 'assist_input', actor: 'staffAssist', expected: guard('E_NOT_SIGNED') },
      { title: 'extension while one is pending', ticket: pending, action: 'request_extension', actor: 'staffLead', input: reason, expected: guard('E_EXTENSION_PENDING') },
      { title: 'extension over the limit of one', ticket: extended, action: 'request_extension', actor: 'staffLead', input: reason, expected: guard('E_EXTENSION_LIMIT') },
      { title: 'pending and over the limit: pending wins', ticket: pendingAndExtended, action: 'request_extension', actor: 'staffLead', input: reason, expected: guard('E_EXTENSION_PENDING') },
      { title: 'a second extension under a limit of two', ticket: extended, action: 'request_extension', actor: 'staffLead', input: reason, limits: { maxExtensionsPerRound: 2 }, expected: { ok: true, to: 'handling' } },
      { title: 'extension without a reason', ticket: typical.handling, action: 'request_extension', actor: 'staffLead', expected: guard('E_REASON_REQUIRED') },
      { title: 'approve with nothing pending', ticket: typical.handling, action: 'approve_extension', actor: 'supervisor', expected: guard('E_NO_PENDING_EXTENSION') },
      { title: 'the operator may not approve', ticket: pending, action: 'approve_extension', actor: 'operator', expected: forbidden },
      { title: 'answer with no open order', ticket: noOrder, action: 'answer_supervision', actor: 'staffLead', expected: guard('E_NO_OPEN_SUPERVISION') },
      { title: 'a department that returned still answers its order', ticket: typical.returned, action: 'answer_supervision', actor: 'staffLead', expected: { ok: true, to: 'returned' } },
      { title: 'forbidden comes before the status check', ticket: typical.closed, action: 'supervise', actor: 'operator', expected: forbidden },
      { title: 'the auditor never acts, even in turn', ticket: typical.replied, action: 'review_accept', actor: 'auditor', expected: forbidden },
    ])
    .run(({ assert }, row) => {
      const limits = { ...DEFAULT_POLICY_LIMITS, ...row.limits }
      const decision = decide(row.ticket, row.action, actors[row.actor], row.input, limits)
      assert.containSubset(decision, row.expected)
    })
})

test.group('suspend and resume', () => {
  test('{status} → suspended → {status}')
    .with<{ status: 'dispatched' | 'handling'; actor: ActorName }[]>([
      { status: 'dispatched', actor: 'supervisor' },
      { status: 'handling', actor: 'staffLead' },
      { status: 'handling', actor: 'admin' },
    ])
    .run(({ assert }, row) => {
      const before = typical[row.status]
      const suspend = decide(before, 'suspend', actors[row.actor], { reason: '等待鉴定结果' })
      assert.isTrue(suspend.ok)
      if (!suspend.ok) return
      assert.equal(suspend.to, 'suspended')
      // What the transition use case would write from the decision.
      const pause = suspend.effects.find((e) => e.type === 'pause_clock')
      const after = ticket({
        ...before,
        status: suspend.to,
        statusBeforeSuspend: pause?.statusBeforeSuspend ?? null,
      })
      assert.deepEqual(decide(after, 'resume', actors[row.actor]), {
        ok: true,
        from: 'suspended',
        to: row.status,
        effects: [{ type: 'resume_clock' }],
      })
    })

  test('a suspended ticket refuses department work until resumed', ({ assert }) => {
    for (const action of ['reply', 'request_extension', 'assist_input', 'suspend'] as const) {
      assert.containSubset(decide(typical.suspended, action, actors.staffLead, reason), invalid)
    }
  })
})
