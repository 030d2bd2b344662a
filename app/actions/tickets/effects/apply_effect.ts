import type { Effect } from '#domain/lifecycle/index'
import type { TransitionContext } from '#actions/tickets/transition_context'
import * as assignment from '#actions/tickets/effects/assignment_effects'
import * as center from '#actions/tickets/effects/center_effects'

/** Writes one effect the lifecycle decided. Exhaustive: a new effect type fails to compile here. */
export async function applyEffect(
  context: TransitionContext,
  effect: Effect,
  orderKind: 'urge' | 'supervise' = 'supervise'
): Promise<void> {
  switch (effect.type) {
    case 'assign_departments':
      return assignment.assignDepartments(context, effect)
    case 'record_sign':
      return assignment.recordSign(context, effect)
    case 'return_to_center':
    case 'drop_assist':
      return assignment.returnAssignment(context, effect)
    case 'record_reply':
      return assignment.recordReply(context, effect)
    case 'send_back_reply':
      return assignment.sendBackReply(context)
    case 'start_callback':
      return center.startCallback(context)
    case 'record_callback':
      return center.recordCallback(context, effect)
    case 'open_redo_round':
      return center.openRedoRound(context, effect)
    case 'escalate':
      return center.escalate(context)
    case 'close':
      return center.close(context, effect)
    case 'pause_clock':
      return center.pauseClock(context, effect)
    case 'resume_clock':
      return center.resumeClock(context)
    case 'open_extension_request':
      return center.openExtensionRequest(context)
    case 'extend_handle_deadline':
      return center.decideExtension(context, true)
    case 'reject_extension_request':
      return center.decideExtension(context, false)
    case 'open_supervision_order':
      return center.openSupervisionOrder(context, orderKind)
    case 'answer_supervision_order':
      return center.answerSupervisionOrder(context)
    case 'merge_into_target':
      return center.mergeIntoTarget(context)
  }
}
