import { computeDeadline } from '#clock/index'
import ExtensionRequest from '#models/extension_request'
import SupervisionOrder from '#models/supervision_order'
import Ticket from '#models/ticket'
import TicketCallback from '#models/ticket_callback'
import { describeDeadline } from '#actions/tickets/step_deadlines'
import { resumeDeadlines } from '#actions/tickets/suspension'
import { appendEvent } from '#actions/tickets/event_log'
import { mailDepartments } from '#actions/tickets/effects/assignment_effects'
import {
  actorAssignment,
  leadAssignment,
  type TransitionContext,
  boundRow,
} from '#actions/tickets/transition_context'
import { CLOSED_STATUSES, type Effect } from '#domain/lifecycle/index'
import { DomainError } from '#exceptions/domain_error'

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>

/** 回访 starts: the callback deadline runs from the accepted reply (or direct answer). */
export async function startCallback(context: TransitionContext) {
  const callback = await context.deadlines.forCenter('callback', context.now)
  context.ticket.reviewDueAt = null
  context.ticket.callbackDueAt = callback.dueAt
  context.ticket.callbackBreachedAt = null // a new callback step: its timer is armed again
  context.ticket.deadlineNotes = {
    ...context.ticket.deadlineNotes,
    callback: describeDeadline(callback),
  }
  Object.assign(context.payload, {
    callback: describeDeadline(callback),
    content: context.input.content,
  })
}

export async function recordCallback(context: TransitionContext, effect: Of<'record_callback'>) {
  const previous = await TicketCallback.query({ client: context.trx }).where({
    ticketId: context.ticket.id,
    round: context.ticket.round,
  })
  await TicketCallback.create(
    {
      ticketId: context.ticket.id,
      round: context.ticket.round,
      attempt: previous.length + 1,
      result: effect.result,
      comment: context.input.comment ?? null,
      calledBy: context.actor.id,
      calledAt: context.now,
    },
    { client: context.trx }
  )
  Object.assign(context.payload, {
    result: effect.result,
    attempt: previous.length + 1,
    comment: context.input.comment,
  })
}

/** 重办: a fresh round; its assignments come with the next effect. */
export function openRedoRound(context: TransitionContext, effect: Of<'open_redo_round'>) {
  context.ticket.callbackDueAt = null
  context.payload.round = effect.round
}

/** Past the redo limit: a supervisor decides, and the matter is proposed for the ledger. */
export function escalate(context: TransitionContext) {
  context.ticket.escalatedAt = context.now
  context.payload.escalated = true
  context.outbox.push({
    topic: 'mail',
    dedupeKey: `escalate:${context.ticket.id}:${context.ticket.round}`,
    payload: {
      kind: 'escalate',
      role: 'supervisor',
      ticketId: context.ticket.id,
      code: context.ticket.code,
    },
  })
}

export function close(context: TransitionContext, effect: Of<'close'>) {
  Object.assign(context.ticket, {
    closedAt: context.now,
    closeReason: effect.reason,
    redispatchDueAt: null,
    reviewDueAt: null,
    callbackDueAt: null,
  })
  context.payload.closeReason = effect.reason
}

export function pauseClock(context: TransitionContext, effect: Of<'pause_clock'>) {
  context.ticket.statusBeforeSuspend = effect.statusBeforeSuspend
  context.payload.reason = context.input.reason
}

export async function resumeClock(context: TransitionContext) {
  await resumeDeadlines(context)
  context.ticket.statusBeforeSuspend = null
}

/** 延期申请: the lead asks for N working days more, up to the policy's maximum. */
export async function openExtensionRequest(context: TransitionContext) {
  const days = context.input.requestedWorkingDays ?? 0
  const limit = context.policy.limits.extension
  const maxDays = limit.unit === 'working_days' || limit.unit === 'natural_days' ? limit.amount : 1
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new DomainError('E_EXTENSION_TOO_LONG', 422, {
      field: 'requestedWorkingDays',
      data: { max: maxDays },
    })
  }
  const lead = leadAssignment(context)!
  const request = await ExtensionRequest.create(
    {
      ticketId: context.ticket.id,
      assignmentId: lead.id,
      round: context.ticket.round,
      requestedBy: context.actor.id,
      reason: context.input.reason ?? '',
      requestedWorkingDays: days,
      status: 'pending',
    },
    { client: context.trx }
  )
  Object.assign(context.payload, {
    extensionRequestId: request.id,
    requestedWorkingDays: days,
    reason: context.input.reason,
  })
}

/** Approval moves the handling deadline N working days past the old one (次日起). */
export async function decideExtension(context: TransitionContext, approve: boolean) {
  const request = await ExtensionRequest.query({ client: context.trx })
    .where({ ticketId: context.ticket.id, round: context.ticket.round, status: 'pending' })
    .forUpdate()
    .firstOrFail()
  request.merge({
    status: approve ? 'approved' : 'rejected',
    decidedBy: context.actor.id,
    decidedAt: context.now,
    decisionComment: context.input.comment ?? context.input.reason ?? null,
  })
  if (approve) {
    const lead = leadAssignment(context)!
    const calendar = await context.lookups.departmentCalendar(lead.departmentId)
    const extended = computeDeadline({
      start: lead.handleDueAt!,
      amount: request.requestedWorkingDays,
      unit: 'working_days',
      calendar,
      warningRatio: context.policy.warningRatio,
    })
    boundRow(context, lead)
    lead.handleDueAt = extended.dueAt
    lead.handleWarnAt = extended.warnAt
    // A new deadline gets its own warning, breach and escalation.
    lead.handleWarnedAt = null
    lead.handleBreachedAt = null
    lead.handleEscalatedAt = null
    lead.deadlineNotes = {
      ...lead.deadlineNotes,
      handle: describeDeadline({
        ...extended,
        step: 'handle',
        limit: { amount: request.requestedWorkingDays, unit: 'working_days' },
        policy: context.policy,
      }),
    }
    await lead.save()
    request.newHandleDueAt = extended.dueAt
  }
  await request.save()
  Object.assign(context.payload, {
    extensionRequestId: request.id,
    decision: request.status,
    newHandleDueAt: request.newHandleDueAt?.toISO() ?? null,
  })
}

/** 催办 (urge, no answer due) or 督办 (supervise, with its answer deadline). */
export async function openSupervisionOrder(context: TransitionContext, kind: 'urge' | 'supervise') {
  if (context.input.departmentId)
    await context.lookups.activeDepartment(context.input.departmentId, 'departmentId')
  const departmentId = context.input.departmentId ?? leadAssignment(context)?.departmentId ?? null
  const answer =
    kind === 'supervise' && departmentId
      ? await context.deadlines.forDepartment(departmentId, 'supervision_answer', context.now)
      : null
  const order = await SupervisionOrder.create(
    {
      ticketId: context.ticket.id,
      kind,
      departmentId,
      issuedBy: context.actor.id,
      content: context.input.content ?? '',
      answerDueAt: answer?.dueAt ?? null,
    },
    { client: context.trx }
  )
  Object.assign(context.payload, {
    orderId: order.id,
    departmentId,
    content: context.input.content,
    answer: answer ? describeDeadline(answer) : null,
  })
  if (departmentId) await mailDepartments(context, [{ departmentId }], kind)
}

export async function answerSupervisionOrder(context: TransitionContext) {
  const departmentId =
    actorAssignment(context)?.departmentId ??
    ('departmentId' in context.actor ? context.actor.departmentId : null)
  const order = await SupervisionOrder.query({ client: context.trx })
    .where({ ticketId: context.ticket.id, kind: 'supervise', departmentId })
    .whereNull('answered_at')
    .forUpdate()
    .firstOrFail()
  boundRow(context, order)
  order.merge({
    answeredAt: context.now,
    answer: context.input.content ?? '',
    answeredBy: context.actor.id,
  })
  await order.save()
  Object.assign(context.payload, { orderId: order.id, answer: context.input.content })
}

/** 合并: this ticket joins an open one; the target's log records it too. */
export async function mergeIntoTarget(context: TransitionContext) {
  const targetId = context.input.targetTicketId
  const target = targetId
    ? await Ticket.query({ client: context.trx }).where('id', targetId).forUpdate().first()
    : null
  if (!target || target.id === context.ticket.id || CLOSED_STATUSES.includes(target.status)) {
    throw new DomainError('E_MERGE_TARGET', 422, { field: 'targetTicketId' })
  }
  Object.assign(context.ticket, {
    mergedIntoId: target.id,
    redispatchDueAt: null,
    reviewDueAt: null,
    callbackDueAt: null,
  })
  for (const assignment of context.assignments.filter((a) => a.active)) {
    boundRow(context, assignment)
    assignment.active = false
    await assignment.save()
  }
  context.payload.targetTicketId = target.id
  context.payload.targetCode = target.code
  await appendEvent(context.trx, {
    ticketId: target.id,
    actor: { id: context.actor.id, role: context.actor.role },
    action: 'merged_from',
    fromStatus: target.status,
    toStatus: target.status,
    payload: { sourceTicketId: context.ticket.id, sourceCode: context.ticket.code },
  })
}
