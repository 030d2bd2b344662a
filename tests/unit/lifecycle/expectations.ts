import type { Action, GuardCode, Status } from '#domain/lifecycle/index'

/**
 * The rules of domain.md written out by hand, independently of the module's
 * transition table, for the typical ticket of each status (support.ts) and
 * input that satisfies every input guard.
 *
 * A cell string has eight outcome letters in three groups:
 *
 *     'adm opr sup  aud sys  lead assist other'
 *
 * center roles (admin, operator, supervisor), then auditor and system, then a
 * department user (staff or leader alike) whose department is the lead, an
 * assist, or unrelated. o = ok, f = forbidden (403), i = invalid_transition
 * (409), g = guard (code in GUARDED below).
 */
export type OutcomeLetter = 'o' | 'f' | 'i' | 'g'
export const COLUMNS = [
  'admin',
  'operator',
  'supervisor',
  'auditor',
  'system',
  'lead',
  'assist',
  'other',
] as const
export type Column = (typeof COLUMNS)[number]

type Cells = Partial<Record<Status, string>>
const LIVE: Status[] = [
  'registered',
  'dispatched',
  'handling',
  'replied',
  'callback',
  'returned',
  'suspended',
]

/** `otherwise` for every status not named in `cells`. */
function rule(otherwise: string, cells: Cells = {}): Record<Status, string> {
  const all: Status[] = [...LIVE, 'closed', 'merged']
  return Object.fromEntries(all.map((s) => [s, cells[s] ?? otherwise])) as Record<Status, string>
}
const onLive = (cell: string): Cells => Object.fromEntries(LIVE.map((s) => [s, cell]))

// prettier-ignore
export const EXPECTED: Record<Action, Record<Status, string>> = {
  // register only ever happens without a ticket (decideRegistration)
  register:           rule('iif fi fff'),
  direct_answer:      rule('iii ff fff', { registered: 'ooo ff fff' }),
  dispatch:           rule('iii ff fff', { registered: 'ooo ff fff' }),
  // handling: lead and assist have both signed
  sign:               rule('fff ff iii', { dispatched: 'fff ff ooi', handling: 'fff ff ggi' }),
  return:             rule('fff ff iii', { dispatched: 'fff ff ooi', handling: 'fff ff ggi' }),
  redispatch:         rule('iii ff fff', { returned: 'ooo ff fff' }),
  assist_input:       rule('fff ff iii', { dispatched: 'fff ff igi', handling: 'fff ff ioi' }),
  reply:              rule('fff ff iii', { handling: 'fff ff oii' }),
  review_accept:      rule('iii ff fff', { replied: 'ooo ff fff' }),
  review_reject:      rule('iii ff fff', { replied: 'ooo ff fff' }),
  callback_record:    rule('iii ff fff', { callback: 'ooo ff fff' }),
  // the lead has not signed while dispatched
  suspend:            rule('ifi ff iii', { dispatched: 'ofo ff gii', handling: 'ofo ff oii' }),
  resume:             rule('ifi ff iii', { suspended: 'ofo ff oii' }),
  request_extension:  rule('fff ff iii', { handling: 'fff ff oii' }),
  // no extension is pending in the typical handling ticket
  approve_extension:  rule('ifi ff fff', { handling: 'gfg ff fff' }),
  reject_extension:   rule('ifi ff fff', { handling: 'gfg ff fff' }),
  urge:               rule('iii ff fff', onLive('ooo ff fff')),
  supervise:          rule('ifi ff fff', onLive('ofo ff fff')),
  answer_supervision: rule('fff ff iii', onLive('fff ff ooo')),
  merge:              rule('iii ff fff', { registered: 'ooo ff fff', dispatched: 'ooo ff fff', returned: 'ooo ff fff', handling: 'ooo ff fff' }),
  close:              rule('ifi ff fff', { replied: 'ofo ff fff', callback: 'ofo ff fff' }),
}

/** The code behind each g in EXPECTED. */
export const GUARDED: Partial<Record<Action, Partial<Record<Status, GuardCode>>>> = {
  sign: { handling: 'E_ALREADY_SIGNED' },
  return: { handling: 'E_ALREADY_SIGNED' },
  assist_input: { dispatched: 'E_NOT_SIGNED' },
  suspend: { dispatched: 'E_NOT_SIGNED' },
  approve_extension: { handling: 'E_NO_PENDING_EXTENSION' },
  reject_extension: { handling: 'E_NO_PENDING_EXTENSION' },
}

export function expectedLetter(action: Action, status: Status, column: Column): OutcomeLetter {
  const letters = EXPECTED[action][status].replaceAll(' ', '')
  if (letters.length !== COLUMNS.length) throw new Error(`bad cell ${action}/${status}`)
  return letters[COLUMNS.indexOf(column)] as OutcomeLetter
}
