import type { DateTime } from 'luxon'
import { addWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from '#clock/index'
import TicketEvent from '#models/ticket_event'
import type { SlaStep } from '#domain/sla/steps'
import type { TransitionContext } from '#actions/tickets/transition_context'
import { boundRow } from '#actions/tickets/transition_context'
import type { DeadlineNote } from '#actions/tickets/step_deadlines'
import { ZONE } from '#services/clock_service'

/**
 * Moves a deadline later by a pause, in the deadline's own unit system: a
 * working-time limit moves by the working time the pause covered (a weekend
 * suspension moves nothing), a natural-time limit by the pause's length.
 */
export function shiftByPause(
  due: DateTime,
  pause: { from: DateTime; to: DateTime },
  natural: boolean,
  calendar: WorkingCalendar
): DateTime {
  if (natural) return due.plus(pause.to.diff(pause.from))
  const minutes = workingMinutesBetween(pause.from, pause.to, calendar)
  return minutes > 0 ? addWorkingMinutes(due, minutes, calendar) : due
}

/**
 * 恢复 after 挂起: every deadline still running moves by the suspension. The
 * pause is read from the event log (the last suspend), so nothing besides the
 * log has to remember when it began.
 */
export async function resumeDeadlines(context: TransitionContext): Promise<void> {
  const { trx, ticket, policy, now } = context
  const suspended = await TicketEvent.query({ client: trx })
    .where({ ticketId: ticket.id, action: 'suspend' })
    .orderBy('id', 'desc')
    .firstOrFail()
  const pause = { from: suspended.createdAt, to: now }
  const natural = (step: SlaStep) => policy.limits[step].unit.startsWith('natural_')
  const shifted: Record<string, string | null> = {}

  const center = await context.lookups.calendar(null)
  for (const [column, step] of [
    ['redispatchDueAt', 'redispatch'],
    ['reviewDueAt', 'review'],
    ['callbackDueAt', 'callback'],
  ] as const) {
    const due = ticket[column]
    if (due) {
      ticket[column] = shiftByPause(due, pause, natural(step), center)
      shifted[column] = ticket[column]!.toISO()
    }
  }

  for (const assignment of context.assignments.filter((a) => a.active)) {
    const calendar = await context.lookups.departmentCalendar(assignment.departmentId)
    boundRow(context, assignment)
    if (!assignment.signedAt && assignment.signDueAt) {
      assignment.signDueAt = shiftByPause(assignment.signDueAt, pause, natural('sign'), calendar)
      assignment.signWarnAt =
        assignment.signWarnAt &&
        shiftByPause(assignment.signWarnAt, pause, natural('sign'), calendar)
      assignment.deadlineNotes = movedNote(assignment.deadlineNotes, 'sign', assignment.signDueAt)
    }
    if (assignment.signedAt && !assignment.repliedAt && assignment.handleDueAt) {
      assignment.handleDueAt = shiftByPause(
        assignment.handleDueAt,
        pause,
        natural('handle'),
        calendar
      )
      assignment.handleWarnAt =
        assignment.handleWarnAt &&
        shiftByPause(assignment.handleWarnAt, pause, natural('handle'), calendar)
      assignment.deadlineNotes = movedNote(
        assignment.deadlineNotes,
        'handle',
        assignment.handleDueAt
      )
      shifted[`handleDueAt:${assignment.departmentId}`] = assignment.handleDueAt.toISO()
    }
    await assignment.save()
  }
  context.payload.pause = { from: pause.from.toISO(), to: pause.to.toISO() }
  context.payload.shifted = shifted
}

/** The note keeps its reason and says where the suspension moved the deadline. */
function movedNote(
  notes: Record<string, DeadlineNote>,
  step: string,
  due: DateTime
): Record<string, DeadlineNote> {
  const note = notes[step]
  if (!note) return notes
  const local = due.setZone(ZONE)
  return {
    ...notes,
    [step]: {
      ...note,
      dueAt: local.toISO()!,
      text: {
        'zh-CN': `${note.text['zh-CN']}；挂起期间不计时，顺延至${local.toFormat('M月d日HH:mm')}`,
        'en': `${note.text.en}; suspended time not counted, now due ${local.toFormat('d LLL HH:mm')}`,
      },
    },
  }
}
