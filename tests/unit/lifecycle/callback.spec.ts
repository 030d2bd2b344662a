import { test } from '@japa/runner'
import {
  decide,
  DEFAULT_POLICY_LIMITS,
  type ActionInput,
  type Decision,
  type Effect,
  type PolicyLimits,
} from '#domain/lifecycle/index'
import { actors, ASSIST, assignment, LEAD, OTHER, ticket } from './support.js'

/** A ticket waiting for its callback in `round`, with that round's lead and assist. */
function waiting(round: number, callbackAttempts = 0) {
  return ticket({
    status: 'callback',
    round,
    callbackAttempts,
    assignments: [
      // an earlier round's lead must not be taken for the current one
      assignment(OTHER, 'lead', { round: round - 1, signed: true, replied: true }),
      assignment(LEAD, 'lead', { round, signed: true, replied: true }),
      assignment(ASSIST, 'assist', { round, signed: true }),
    ],
  })
}

const record = (result: Effect & { type: 'record_callback' }): Effect => result
const ok = (to: 'closed' | 'callback' | 'dispatched', effects: Effect[]): Decision => ({
  ok: true,
  from: 'callback',
  to,
  effects,
})
const redo = (round: number, lead = LEAD, assists = [ASSIST]): Effect[] => [
  record({ type: 'record_callback', result: 'dissatisfied' }),
  { type: 'open_redo_round', round },
  { type: 'assign_departments', round, leadDepartmentId: lead, assistDepartmentIds: assists },
]
const escalate = ok('callback', [
  record({ type: 'record_callback', result: 'dissatisfied' }),
  { type: 'escalate' },
])
const unreachable = record({ type: 'record_callback', result: 'unreachable' })

test.group('callback_record', () => {
  // Default limits: 3 callback attempts, 2 redo rounds (so rounds 1..3).
  // prettier-ignore
  test('{title}')
    .with<{ title: string; round: number; attempts?: number; input: ActionInput; limits?: Partial<PolicyLimits>; expected: Decision }[]>([
      { title: 'satisfied closes', round: 1, input: { result: 'satisfied' }, expected: ok('closed', [record({ type: 'record_callback', result: 'satisfied' }), { type: 'close', reason: 'satisfied' }]) },
      { title: 'basically satisfied closes', round: 3, input: { result: 'basically_satisfied' }, expected: ok('closed', [record({ type: 'record_callback', result: 'basically_satisfied' }), { type: 'close', reason: 'basically_satisfied' }]) },
      { title: 'first unreachable attempt waits', round: 1, attempts: 0, input: { result: 'unreachable' }, expected: ok('callback', [unreachable]) },
      { title: 'second unreachable attempt waits', round: 1, attempts: 1, input: { result: 'unreachable' }, expected: ok('callback', [unreachable]) },
      { title: 'third unreachable attempt closes', round: 1, attempts: 2, input: { result: 'unreachable' }, expected: ok('closed', [unreachable, { type: 'close', reason: 'unreachable' }]) },
      { title: 'a single allowed attempt closes at once', round: 1, attempts: 0, limits: { maxCallbackAttempts: 1 }, input: { result: 'unreachable' }, expected: ok('closed', [unreachable, { type: 'close', reason: 'unreachable' }]) },
      { title: 'five allowed attempts: the fourth still waits', round: 1, attempts: 3, limits: { maxCallbackAttempts: 5 }, input: { result: 'unreachable' }, expected: ok('callback', [unreachable]) },
      { title: 'dissatisfied in round 1 opens round 2 for the same departments', round: 1, input: { result: 'dissatisfied' }, expected: ok('dispatched', redo(2)) },
      { title: 'dissatisfied in round 2 opens round 3', round: 2, input: { result: 'dissatisfied' }, expected: ok('dispatched', redo(3)) },
      { title: 'dissatisfied in round 3 escalates (2 redo rounds used)', round: 3, input: { result: 'dissatisfied' }, expected: escalate },
      { title: 'no redo rounds allowed: escalates in round 1', round: 1, limits: { maxRedoRounds: 0 }, input: { result: 'dissatisfied' }, expected: escalate },
      { title: 'three redo rounds allowed: round 3 still redoes', round: 3, limits: { maxRedoRounds: 3 }, input: { result: 'dissatisfied' }, expected: ok('dispatched', redo(4)) },
      { title: 'the center picks another lead for the redo', round: 1, input: { result: 'dissatisfied', leadDepartmentId: OTHER }, expected: ok('dispatched', redo(2, OTHER, [])) },
      { title: 'another lead with the old lead as an assist', round: 1, input: { result: 'dissatisfied', leadDepartmentId: ASSIST, assistDepartmentIds: [LEAD, ASSIST] }, expected: ok('dispatched', redo(2, ASSIST, [LEAD])) },
      { title: 'a chosen lead at the limit still escalates', round: 3, input: { result: 'dissatisfied', leadDepartmentId: OTHER }, expected: escalate },
      { title: 'no result', round: 1, input: {}, expected: { ok: false, reason: 'guard', code: 'E_RESULT_REQUIRED' } },
      { title: 'an unknown result', round: 1, input: { result: 'angry' as never }, expected: { ok: false, reason: 'guard', code: 'E_RESULT_REQUIRED' } },
    ])
    .run(({ assert }, row) => {
      const limits = { ...DEFAULT_POLICY_LIMITS, ...row.limits }
      const decision = decide(waiting(row.round, row.attempts), 'callback_record', actors.operator, row.input, limits)
      assert.deepEqual(decision, row.expected)
    })

  test('a redo with no live lead and none chosen needs one', ({ assert }) => {
    const leadless = ticket({
      ...waiting(1),
      assignments: [assignment(LEAD, 'lead', { returned: true })],
    })
    assert.deepEqual(
      decide(leadless, 'callback_record', actors.supervisor, { result: 'dissatisfied' }),
      {
        ok: false,
        reason: 'guard',
        code: 'E_LEAD_REQUIRED',
      }
    )
    const chosen = decide(leadless, 'callback_record', actors.supervisor, {
      result: 'dissatisfied',
      leadDepartmentId: OTHER,
    })
    assert.isTrue(chosen.ok)
  })
})
