import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  openPoints,
  timerJobId,
  type TimedAssignment,
  type TimerPhase,
  type TimerStep,
} from '#timers/timer_points'
import { mondayAt, timedAssignment } from '#tests/support/timed_assignment'

/*
 * Which timer points an assignment still owes, and the ids their jobs get.
 * Every instant is pinned in Asia/Shanghai; nothing reads today's date.
 */
const at = mondayAt
const day = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Asia/Shanghai' })

const assignment = timedAssignment

/** Signed at 11:00; handling due Monday 30 Nov 17:30, warning Thursday 26 Nov 15:00. */
const signed = {
  signedAt: at('11:00'),
  handleDueAt: day('2026-11-30', '17:30'),
  handleWarnAt: day('2026-11-26', '15:00'),
}

type Expected = [TimerStep, TimerPhase, string][]

const cases: { name: string; assignment: TimedAssignment; escalate?: number; points: Expected }[] =
  [
    {
      name: 'unsigned lead: the sign step warns, falls due, escalates 240 min later',
      assignment: assignment(),
      points: [
        ['sign', 'warn', '2026-11-23T11:30'],
        ['sign', 'due', '2026-11-23T12:00'],
        ['sign', 'escalate', '2026-11-23T16:00'],
      ],
    },
    {
      name: 'escalation offset comes from the argument (60 min)',
      assignment: assignment(),
      escalate: 60,
      points: [
        ['sign', 'warn', '2026-11-23T11:30'],
        ['sign', 'due', '2026-11-23T12:00'],
        ['sign', 'escalate', '2026-11-23T13:00'],
      ],
    },
    {
      name: 'escalation past midnight keeps natural minutes',
      assignment: assignment({ signDueAt: at('22:30'), signWarnAt: at('22:00') }),
      escalate: 240,
      points: [
        ['sign', 'warn', '2026-11-23T22:00'],
        ['sign', 'due', '2026-11-23T22:30'],
        ['sign', 'escalate', '2026-11-24T02:30'],
      ],
    },
    {
      name: 'warned sign step: the warning is not owed again',
      assignment: assignment({ signWarnedAt: at('11:30') }),
      points: [
        ['sign', 'due', '2026-11-23T12:00'],
        ['sign', 'escalate', '2026-11-23T16:00'],
      ],
    },
    {
      name: 'breached sign step: only the escalation is left',
      assignment: assignment({ signWarnedAt: at('11:30'), signBreachedAt: at('12:00') }),
      points: [['sign', 'escalate', '2026-11-23T16:00']],
    },
    {
      name: 'breach marked without a warning (a late sweep fired due first): warning still owed',
      assignment: assignment({ signBreachedAt: at('12:00') }),
      points: [
        ['sign', 'warn', '2026-11-23T11:30'],
        ['sign', 'escalate', '2026-11-23T16:00'],
      ],
    },
    {
      name: 'every sign point marked: nothing',
      assignment: assignment({
        signWarnedAt: at('11:30'),
        signBreachedAt: at('12:00'),
        signEscalatedAt: at('16:00'),
      }),
      points: [],
    },
    {
      name: 'no warning instant: due and escalation only',
      assignment: assignment({ signWarnAt: null }),
      points: [
        ['sign', 'due', '2026-11-23T12:00'],
        ['sign', 'escalate', '2026-11-23T16:00'],
      ],
    },
    {
      name: 'signed lead: the handle step takes over, sign points are gone',
      assignment: assignment(signed),
      points: [
        ['handle', 'warn', '2026-11-26T15:00'],
        ['handle', 'due', '2026-11-30T17:30'],
        ['handle', 'escalate', '2026-11-30T21:30'],
      ],
    },
    {
      name: 'signed lead with sign markers set earlier: still only handle points',
      assignment: assignment({ ...signed, signWarnedAt: at('11:30') }),
      points: [
        ['handle', 'warn', '2026-11-26T15:00'],
        ['handle', 'due', '2026-11-30T17:30'],
        ['handle', 'escalate', '2026-11-30T21:30'],
      ],
    },
    {
      name: 'handle step warned and breached: only its escalation',
      assignment: assignment({
        ...signed,
        handleWarnedAt: day('2026-11-26', '15:00'),
        handleBreachedAt: day('2026-11-30', '17:30'),
      }),
      points: [['handle', 'escalate', '2026-11-30T21:30']],
    },
    {
      name: 'lead replied: nothing',
      assignment: assignment({ ...signed, repliedAt: day('2026-11-27', '10:00') }),
      points: [],
    },
    {
      name: 'unsigned assist: sign points like a lead',
      assignment: assignment({ role: 'assist' }),
      points: [
        ['sign', 'warn', '2026-11-23T11:30'],
        ['sign', 'due', '2026-11-23T12:00'],
        ['sign', 'escalate', '2026-11-23T16:00'],
      ],
    },
    {
      name: 'signed assist: no handle points even with a handle deadline on the row',
      assignment: assignment({ ...signed, role: 'assist' }),
      points: [],
    },
    {
      name: 'inactive (returned or replaced): nothing',
      assignment: assignment({ active: false }),
      points: [],
    },
    {
      name: 'inactive signed lead: nothing',
      assignment: assignment({ ...signed, active: false }),
      points: [],
    },
    {
      name: 'no sign deadline (not dispatched with one): nothing',
      assignment: assignment({ signDueAt: null, signWarnAt: null }),
      points: [],
    },
  ]

test.group('openPoints', () => {
  test('{name}')
    .with(cases)
    .run(({ assert }, row) => {
      const points = openPoints(row.assignment, row.escalate ?? 240)
      assert.deepEqual(
        points.map((p) => [
          p.step,
          p.phase,
          p.at.setZone('Asia/Shanghai').toFormat("yyyy-MM-dd'T'HH:mm"),
        ]),
        row.points
      )
      for (const point of points) {
        assert.equal(point.assignmentId, 7)
        const due = point.step === 'sign' ? row.assignment.signDueAt : row.assignment.handleDueAt
        assert.equal(point.dueAt.toMillis(), due!.toMillis(), 'each point carries its deadline')
      }
    })
})

test.group('timerJobId', () => {
  const base = { assignmentId: 7, step: 'sign' as const, phase: 'due' as const, dueAt: at('12:00') }

  test('is the same for the same point, however its instant is written', ({ assert }) => {
    const utc = { ...base, dueAt: DateTime.fromISO('2026-11-23T04:00:00Z', { zone: 'utc' }) }
    assert.equal(timerJobId(base), timerJobId(utc))
    assert.equal(timerJobId(base), `deadline-7-sign-due-${at('12:00').toMillis()}`)
  })

  test('{name} gives another id')
    .with([
      { name: 'another assignment', change: { assignmentId: 8 } },
      { name: 'another step', change: { step: 'handle' as const } },
      { name: 'another phase', change: { phase: 'warn' as const } },
      { name: 'a moved deadline (suspension, extension)', change: { dueAt: at('13:30') } },
      { name: 'a deadline one millisecond later', change: { dueAt: at('12:00').plus(1) } },
    ])
    .run(({ assert }, row) => {
      assert.notEqual(timerJobId({ ...base, ...row.change }), timerJobId(base))
    })

  test('ids of the points of one assignment are all distinct', ({ assert }) => {
    const points = [...openPoints(assignment(), 240), ...openPoints(assignment(signed), 240)]
    const ids = points.map(timerJobId)
    assert.lengthOf(new Set(ids), ids.length)
    // BullMQ refuses custom ids that are plain integers or contain ':'
    for (const id of ids) assert.match(id, /^deadline-[\w-]+$/)
  })
})
