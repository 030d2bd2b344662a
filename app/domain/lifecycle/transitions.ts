import type { ActorKind } from './actors.js'
import * as g from './guards.js'
import * as o from './outcomes.js'
import { OPEN_STATUSES, PAUSED_STATUSES, type Action, type Status } from './statuses.js'

/**
 * One row of the lifecycle: who may take `action` from which statuses, what
 * must hold, and where it leads. The whole rule set is this one table; decide()
 * only reads it, so a rule change is a row change and the tests follow.
 */
export interface Transition {
  action: Action
  /** null stands for "no ticket yet" (register) */
  from: readonly (Status | null)[]
  actors: readonly ActorKind[]
  /** checks on the ticket; allowedActions() runs them too */
  guards?: readonly g.Guard[]
  /** checks on the caller's input; run after the ticket guards */
  inputGuards?: readonly g.Guard[]
  then: o.Resolve
}

const CENTER: readonly ActorKind[] = ['operator', 'supervisor', 'admin']
const SUPERVISORS: readonly ActorKind[] = ['supervisor', 'admin']
const INTAKE: readonly ActorKind[] = ['operator', 'admin', 'system']
const LIVE: readonly Status[] = [...OPEN_STATUSES, ...PAUSED_STATUSES]
// A department works the ticket only between dispatch and the lead's reply.
const AT_DEPARTMENTS: readonly Status[] = ['dispatched', 'handling']

export const TRANSITIONS: readonly Transition[] = [
  { action: 'register', from: [null], actors: INTAKE, then: o.goTo('registered') },
  {
    action: 'direct_answer',
    from: ['registered'],
    actors: CENTER,
    then: o.directAnswer,
  },
  {
    action: 'dispatch',
    from: ['registered'],
    actors: CENTER,
    inputGuards: [g.leadChosen],
    then: o.goTo('dispatched', o.assignChosen),
  },
  {
    action: 'redispatch',
    from: ['returned'],
    actors: CENTER,
    inputGuards: [g.leadChosen],
    then: o.goTo('dispatched', o.assignChosen),
  },
  // Signing is per department: the lead's sign starts handling, an assist's
  // sign is only recorded, whether or not the lead has signed yet.
  {
    action: 'sign',
    from: AT_DEPARTMENTS,
    actors: ['lead'],
    guards: [g.notSigned],
    then: o.goTo('handling', { type: 'record_sign', lead: true }),
  },
  {
    action: 'sign',
    from: AT_DEPARTMENTS,
    actors: ['assist'],
    guards: [g.notSigned],
    then: o.stay({ type: 'record_sign', lead: false }),
  },
  // 退单: only before signing and inside the return window. A lead in
  // handling has signed by definition, so it meets E_ALREADY_SIGNED.
  {
    action: 'return',
    from: AT_DEPARTMENTS,
    actors: ['lead'],
    guards: [g.notSigned, g.returnWindowOpen],
    inputGuards: [g.reasonGiven],
    then: o.goTo('returned', { type: 'return_to_center' }),
  },
  {
    action: 'return',
    from: AT_DEPARTMENTS,
    actors: ['assist'],
    guards: [g.notSigned, g.returnWindowOpen],
    inputGuards: [g.reasonGiven],
    then: o.stay({ type: 'drop_assist' }),
  },
  {
    action: 'assist_input',
    from: AT_DEPARTMENTS,
    actors: ['assist'],
    guards: [g.signed],
    then: o.stay(),
  },
  {
    action: 'reply',
    from: ['handling'],
    actors: ['lead'],
    guards: [g.signed],
    inputGuards: [g.outcomeGiven],
    then: o.goTo('replied', o.recordReply),
  },
  {
    action: 'review_accept',
    from: ['replied'],
    actors: CENTER,
    then: o.goTo('callback', { type: 'start_callback' }),
  },
  {
    action: 'review_reject',
    from: ['replied'],
    actors: CENTER,
    inputGuards: [g.reasonGiven],
    then: o.goTo('handling', { type: 'send_back_reply' }),
  },
  {
    action: 'callback_record',
    from: ['callback'],
    actors: CENTER,
    inputGuards: [g.resultGiven, g.redoLeadKnown],
    then: o.callbackOutcome,
  },
  // The center may pause any ticket at the departments; the lead only one it
  // has signed, so a department cannot stop its own sign clock.
  {
    action: 'suspend',
    from: AT_DEPARTMENTS,
    actors: SUPERVISORS,
    inputGuards: [g.reasonGiven],
    then: o.goTo('suspended', o.pauseClock),
  },
  {
    action: 'suspend',
    from: AT_DEPARTMENTS,
    actors: ['lead'],
    guards: [g.signed],
    inputGuards: [g.reasonGiven],
    then: o.goTo('suspended', o.pauseClock),
  },
  {
    action: 'resume',
    from: ['suspended'],
    actors: [...SUPERVISORS, 'lead'],
    guards: [g.rememberedStatus],
    then: o.resumePrevious,
  },
  {
    action: 'request_extension',
    from: ['handling'],
    actors: ['lead'],
    guards: [g.noPendingExtension, g.extensionsLeft],
    inputGuards: [g.reasonGiven],
    then: o.stay({ type: 'open_extension_request' }),
  },
  {
    action: 'approve_extension',
    from: ['handling'],
    actors: SUPERVISORS,
    guards: [g.pendingExtension],
    then: o.stay({ type: 'extend_handle_deadline' }),
  },
  {
    action: 'reject_extension',
    from: ['handling'],
    actors: SUPERVISORS,
    guards: [g.pendingExtension],
    then: o.stay({ type: 'reject_extension_request' }),
  },
  { action: 'urge', from: LIVE, actors: CENTER, then: o.stay() },
  {
    action: 'supervise',
    from: LIVE,
    actors: SUPERVISORS,
    then: o.stay({ type: 'open_supervision_order' }),
  },
  // An order names a department, which must answer it even if it has since
  // left the round (returned, or another lead took the redo).
  {
    action: 'answer_supervision',
    from: LIVE,
    actors: ['department'],
    guards: [g.openSupervision],
    then: o.stay({ type: 'answer_supervision_order' }),
  },
  {
    action: 'merge',
    from: ['registered', 'dispatched', 'returned', 'handling'],
    actors: CENTER,
    then: o.goTo('merged', { type: 'merge_into_target' }),
  },
  {
    action: 'close',
    from: ['replied', 'callback'],
    actors: SUPERVISORS,
    then: o.goTo('closed', { type: 'close', reason: 'no_callback' }),
  },
]
