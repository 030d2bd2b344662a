import { test } from '@japa/runner'
import {
  decidePoint,
  type FireOutcome,
  type PointRequest,
  type TimedAssignment,
} from '#timers/timer_points'
import { mondayAt, timedAssignment } from '#tests/support/timed_assignment'

/*
 * Whether a timer job (or the sweep) acts on the point it asks for. The
 * worker decides this per point inside a batch, under the row locks.
 */
const at = mondayAt

/** Lead dispatched Monday 10:00: sign warns 11:30, due 12:00, escalates 16:00. */
const base = timedAssignment()

const request = (overrides: Partial<PointRequest> = {}): PointRequest => ({
  assignmentId: 7,
  step: 'sign',
  phase: 'due',
  dueAt: at('12:00').toISO()!,
  ...overrides,
})

const cases: {
  name: string
  request?: Partial<PointRequest>
  assignment?: Partial<TimedAssignment> | null
  clockRuns?: boolean
  now: string
  outcome: FireOutcome
  fires?: string
}[] = [
  { name: 'due point reached: fired', now: '12:00', outcome: 'fired', fires: '12:00' },
  {
    name: 'due point long past (a late worker): fired',
    now: '15:00',
    outcome: 'fired',
    fires: '12:00',
  },
  { name: 'due point not reached yet (a clock skew): early', now: '11:59', outcome: 'early' },
  {
    name: 'warning reached',
    request: { phase: 'warn' },
    now: '11:30',
    outcome: 'fired',
    fires: '11:30',
  },
  {
    name: 'escalation waits 240 min past due',
    request: { phase: 'escalate' },
    now: '15:59',
    outcome: 'early',
  },
  {
    name: 'escalation reached',
    request: { phase: 'escalate' },
    now: '16:00',
    outcome: 'fired',
    fires: '16:00',
  },
  {
    name: 'already marked (a second firing): stale',
    assignment: { signBreachedAt: at('12:00') },
    now: '12:01',
    outcome: 'stale',
  },
  {
    name: 'signed since: the sign step owes nothing',
    assignment: { signedAt: at('11:45') },
    now: '12:01',
    outcome: 'stale',
  },
  {
    name: 'the deadline moved (an extension, a resume): the old job is stale',
    request: { dueAt: at('11:00').toISO()! },
    now: '12:01',
    outcome: 'stale',
  },
  {
    name: 'same deadline written in UTC: still the same point',
    request: { dueAt: at('12:00').toUTC().toISO()! },
    now: '12:01',
    outcome: 'fired',
    fires: '12:00',
  },
  {
    name: 'ticket suspended or closed (clock stopped): stale',
    clockRuns: false,
    now: '12:01',
    outcome: 'stale',
  },
  { name: 'assignment gone: stale', assignment: null, now: '12:01', outcome: 'stale' },
  {
    name: 'assignment no longer active (re-dispatched): stale',
    assignment: { active: false },
    now: '12:01',
    outcome: 'stale',
  },
  {
    name: 'handle step asked while the sign step runs: stale',
    request: { step: 'handle' },
    now: '12:01',
    outcome: 'stale',
  },
]

test.group('decidePoint: does a timer act now', () => {
  test('{name}')
    .with(cases)
    .run(({ assert }, row) => {
      const assignment = row.assignment === null ? undefined : { ...base, ...row.assignment }
      const { outcome, point } = decidePoint(
        request(row.request),
        assignment,
        row.clockRuns ?? true,
        at(row.now),
        240
      )
      assert.equal(outcome, row.outcome)
      if (row.fires) assert.equal(point!.at.toMillis(), at(row.fires).toMillis())
      else assert.isUndefined(point)
    })
})
