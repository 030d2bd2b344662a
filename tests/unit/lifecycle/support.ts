import type {
  ActionInput,
  Actor,
  LifecycleAssignment,
  LifecycleTicket,
  Status,
} from '#domain/lifecycle/index'

/** Department ids: the lead, an assist, and one with no part in the ticket. */
export const LEAD = 10
export const ASSIST = 20
export const OTHER = 30

export const actors = {
  admin: { role: 'admin', departmentId: null },
  operator: { role: 'operator', departmentId: null },
  supervisor: { role: 'supervisor', departmentId: null },
  auditor: { role: 'auditor', departmentId: null },
  system: { role: 'system' },
  staffLead: { role: 'department_staff', departmentId: LEAD },
  staffAssist: { role: 'department_staff', departmentId: ASSIST },
  staffOther: { role: 'department_staff', departmentId: OTHER },
  leaderLead: { role: 'department_leader', departmentId: LEAD },
  leaderAssist: { role: 'department_leader', departmentId: ASSIST },
  leaderOther: { role: 'department_leader', departmentId: OTHER },
  // A department user whose account has no department yet.
  staffNoDepartment: { role: 'department_staff', departmentId: null },
} satisfies Record<string, Actor>
export type ActorName = keyof typeof actors

export function assignment(
  departmentId: number,
  role: 'lead' | 'assist',
  flags: Partial<LifecycleAssignment> = {}
): LifecycleAssignment {
  return { departmentId, role, round: 1, signed: false, returned: false, replied: false, ...flags }
}

export function ticket(overrides: Partial<LifecycleTicket> = {}): LifecycleTicket {
  return {
    status: 'registered',
    round: 1,
    statusBeforeSuspend: null,
    assignments: [],
    returnWindowOpen: true,
    pendingExtension: false,
    approvedExtensionsThisRound: 0,
    openSupervisionForActorDepartment: false,
    callbackAttempts: 0,
    ...overrides,
  }
}

const unsigned = [assignment(LEAD, 'lead'), assignment(ASSIST, 'assist')]
const bothSigned = [
  assignment(LEAD, 'lead', { signed: true }),
  assignment(ASSIST, 'assist', { signed: true }),
]
const leadReplied = [
  assignment(LEAD, 'lead', { signed: true, replied: true }),
  assignment(ASSIST, 'assist', { signed: true }),
]

// Every typical ticket has an open supervision order for whoever asks, so
// answer_supervision can succeed in the matrix; the guard tests cover the rest.
const live = (overrides: Partial<LifecycleTicket>) =>
  ticket({ openSupervisionForActorDepartment: true, ...overrides })

/** The typical ticket in each status, as the matrix test sees it. */
export const typical: Record<Status, LifecycleTicket> = {
  registered: live({ status: 'registered' }),
  dispatched: live({ status: 'dispatched', assignments: unsigned }),
  handling: live({ status: 'handling', assignments: bothSigned }),
  replied: live({ status: 'replied', assignments: leadReplied }),
  callback: live({ status: 'callback', assignments: leadReplied }),
  closed: live({ status: 'closed', assignments: leadReplied }),
  // The lead returned; the assist has not signed yet and waits with the center.
  returned: live({
    status: 'returned',
    assignments: [assignment(LEAD, 'lead', { returned: true }), assignment(ASSIST, 'assist')],
  }),
  suspended: live({
    status: 'suspended',
    statusBeforeSuspend: 'handling',
    assignments: bothSigned,
  }),
  merged: live({ status: 'merged', assignments: unsigned }),
}

/** Input that satisfies every input guard, so the matrix sees only status and actor. */
export const completeInput: ActionInput = {
  reason: '诉求人要求暂缓',
  outcome: 'resolved',
  result: 'satisfied',
  leadDepartmentId: LEAD,
  assistDepartmentIds: [ASSIST],
}
