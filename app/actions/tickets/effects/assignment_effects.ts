import TicketAssignment from '#models/ticket_assignment'
import { stampNew } from '#services/model_write'
import { describeDeadline } from '#actions/tickets/step_deadlines'
import {
  actorAssignment,
  leadAssignment,
  type TransitionContext,
  boundRow,
} from '#actions/tickets/transition_context'
import type { Effect } from '#domain/lifecycle/index'

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>

/**
 * 派单 / 重新派单 / 重办: the round's departments become exactly the chosen
 * ones. Each new assignment gets its sign and return deadlines, counted in
 * its own department's calendar, and its department gets a mail.
 */
export async function assignDepartments(
  context: TransitionContext,
  effect: Of<'assign_departments'>
) {
  const { ticket, now } = context
  ticket.round = effect.round
  const assists = await routableAssists(context, effect)
  const wanted = [
    { departmentId: effect.leadDepartmentId, role: 'lead' as const },
    ...assists.map((departmentId) => ({ departmentId, role: 'assist' as const })),
  ]
  const isWanted = (a: { departmentId: number; role: string }) =>
    wanted.some((w) => w.departmentId === a.departmentId && w.role === a.role)
  const current = context.assignments.filter((a) => a.round === effect.round && a.active)
  for (const stale of current.filter((a) => !isWanted(a))) {
    boundRow(context, stale)
    stale.active = false
    await stale.save()
  }
  const created: TicketAssignment[] = []
  const missing = wanted.filter(
    (w) => !current.some((a) => a.departmentId === w.departmentId && a.role === w.role)
  )
  for (const want of missing) {
    const sign = await context.deadlines.forDepartment(want.departmentId, 'sign', now)
    const returnWindow = await context.deadlines.forDepartment(
      want.departmentId,
      'return_window',
      now
    )
    // written with the transition's closing statement (transition_write.ts)
    const assignment = stampNew(
      new TicketAssignment().merge({
        ticketId: ticket.id,
        round: effect.round,
        departmentId: want.departmentId,
        role: want.role,
        active: true,
        dispatchedAt: now,
        signDueAt: sign.dueAt,
        signWarnAt: sign.warnAt,
        returnDueAt: returnWindow.dueAt,
        deadlineNotes: {
          sign: describeDeadline(sign),
          return_window: describeDeadline(returnWindow),
        },
      }),
      now
    )
    created.push(assignment)
    context.assignments.push(assignment)
    context.newAssignments.push(assignment)
  }
  ticket.redispatchDueAt = null
  ticket.callbackDueAt = null
  context.payload.assigned = created.map((a) => ({
    departmentId: a.departmentId,
    role: a.role,
    sign: a.deadlineNotes.sign,
  }))
  await mailDepartments(context, created, 'dispatch')
}

/**
 * The departments a round goes to must be active (checked at write time, in
 * this transaction). One the caller named answers 422 on its own field; a
 * redo round's inherited lead too (the caller names a new one); an
 * inherited assisting department that has been deactivated leaves the round.
 */
async function routableAssists(
  context: TransitionContext,
  effect: Of<'assign_departments'>
): Promise<number[]> {
  const { lookups, input } = context
  await lookups.departments([effect.leadDepartmentId, ...effect.assistDepartmentIds])
  await lookups.activeDepartment(effect.leadDepartmentId, 'leadDepartmentId')
  const named = input.assistDepartmentIds ?? []
  const routable: number[] = []
  for (const departmentId of effect.assistDepartmentIds) {
    const index = named.indexOf(departmentId)
    if (index >= 0) {
      await lookups.activeDepartment(departmentId, `assistDepartmentIds.${index}`)
      routable.push(departmentId)
      continue
    }
    const inherited = await lookups.department(departmentId)
    if (inherited.isActive) routable.push(departmentId)
  }
  return routable
}

/** 签收: the lead's handling clock starts now. */
export async function recordSign(context: TransitionContext, effect: Of<'record_sign'>) {
  const assignment = actorAssignment(context)!
  boundRow(context, assignment)
  assignment.signedAt = context.now
  assignment.signedBy = context.actor.id
  if (effect.lead) {
    const handle = await context.deadlines.forDepartment(
      assignment.departmentId,
      'handle',
      context.now
    )
    assignment.handleDueAt = handle.dueAt
    assignment.handleWarnAt = handle.warnAt
    assignment.deadlineNotes = { ...assignment.deadlineNotes, handle: describeDeadline(handle) }
    context.payload.handle = describeDeadline(handle)
  }
  await assignment.save()
}

/** 退单: the department leaves the round; a lead's return puts the ticket back to the center. */
export async function returnAssignment(
  context: TransitionContext,
  effect: Of<'return_to_center' | 'drop_assist'>
) {
  const assignment = actorAssignment(context)!
  boundRow(context, assignment)
  assignment.active = false
  assignment.returnedAt = context.now
  assignment.returnReason = context.input.reason ?? null
  await assignment.save()
  context.payload.reason = context.input.reason
  if (effect.type === 'return_to_center') {
    const redispatch = await context.deadlines.forCenter('redispatch', context.now)
    context.ticket.redispatchDueAt = redispatch.dueAt
    context.ticket.redispatchBreachedAt = null // a new re-dispatch step: its timer is armed again
    context.ticket.deadlineNotes = {
      ...context.ticket.deadlineNotes,
      redispatch: describeDeadline(redispatch),
    }
    context.payload.redispatch = describeDeadline(redispatch)
  }
}

/** 答复: the lead's result goes to the center for review. */
export async function recordReply(context: TransitionContext, effect: Of<'record_reply'>) {
  const lead = leadAssignment(context)!
  boundRow(context, lead)
  lead.repliedAt = context.now
  lead.replyOutcome = effect.outcome
  lead.replyContent = context.input.content ?? null
  await lead.save()
  const review = await context.deadlines.forCenter('review', context.now)
  context.ticket.reviewDueAt = review.dueAt
  context.ticket.reviewBreachedAt = null // a new review step: its timer is armed again
  context.ticket.deadlineNotes = {
    ...context.ticket.deadlineNotes,
    review: describeDeadline(review),
  }
  Object.assign(context.payload, {
    outcome: effect.outcome,
    content: context.input.content,
    reason: context.input.reason,
    review: describeDeadline(review),
  })
}

/** 审核退回: the reply goes back to the lead, same round; the reply stays in the log. */
export async function sendBackReply(context: TransitionContext) {
  const lead = leadAssignment(context)!
  boundRow(context, lead)
  lead.repliedAt = null
  await lead.save()
  context.ticket.reviewDueAt = null
  context.payload.reason = context.input.reason
}

/** Queues one mail per department to its contact addresses. */
export async function mailDepartments(
  context: TransitionContext,
  assignments: { departmentId: number }[],
  kind: string
) {
  if (assignments.length === 0) return
  const departments = await context.lookups.departments(assignments.map((a) => a.departmentId))
  for (const department of departments.filter((d) => d.contactEmails.length > 0)) {
    context.outbox.push({
      topic: 'mail',
      dedupeKey: `${kind}:${context.ticket.id}:${context.ticket.version}:${department.id}`,
      payload: {
        kind,
        to: department.contactEmails,
        ticketId: context.ticket.id,
        code: context.ticket.code,
        departmentId: department.id,
      },
    })
  }
}
