import { test } from '@japa/runner'
import { ACTIONS, STATUSES, decide, type Action, type Status } from '#domain/lifecycle/index'
import { expectedLetter, GUARDED, type Column, type OutcomeLetter } from './expectations.js'
import { actors, completeInput, typical, type ActorName } from './support.js'

// Staff and leaders of a department have the same rights: both are checked
// against the same column.
const ACTOR_COLUMNS: [ActorName, Column][] = [
  ['admin', 'admin'],
  ['operator', 'operator'],
  ['supervisor', 'supervisor'],
  ['auditor', 'auditor'],
  ['system', 'system'],
  ['staffLead', 'lead'],
  ['staffAssist', 'assist'],
  ['staffOther', 'other'],
  ['leaderLead', 'lead'],
  ['leaderAssist', 'assist'],
  ['leaderOther', 'other'],
]

const LETTER_OF = { forbidden: 'f', invalid_transition: 'i', guard: 'g' } as const
const NAME_OF: Record<OutcomeLetter, string> = {
  o: 'ok',
  f: 'forbidden',
  i: 'invalid_transition',
  g: 'guard',
}

interface Case {
  status: Status
  action: Action
  actor: ActorName
  expected: string
  letter: OutcomeLetter
}

const cases: Case[] = STATUSES.flatMap((status) =>
  ACTIONS.flatMap((action) =>
    ACTOR_COLUMNS.map(([actor, column]) => {
      const letter = expectedLetter(action, status, column)
      return { status, action, actor, letter, expected: NAME_OF[letter] }
    })
  )
)

test.group('lifecycle matrix: every status × action × actor', () => {
  test('{status} · {action} · {actor} → {expected}')
    .with(cases)
    .run(({ assert }, row) => {
      const decision = decide(typical[row.status], row.action, actors[row.actor], completeInput)
      const letter = decision.ok ? 'o' : LETTER_OF[decision.reason]
      assert.equal(letter, row.letter, JSON.stringify(decision))
      if (!decision.ok && decision.reason === 'guard') {
        assert.equal(decision.code, GUARDED[row.action]?.[row.status])
      }
      if (!decision.ok && decision.reason === 'invalid_transition') {
        assert.notInclude(decision.allowed, row.action)
      }
      if (decision.ok) assert.equal(decision.from, row.status)
    })

  test('enumerates 9 statuses × 21 actions × 11 actors', ({ assert }) => {
    assert.lengthOf(cases, 9 * 21 * 11)
  })
})
