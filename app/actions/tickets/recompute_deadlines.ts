import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import Ticket from '#models/ticket'
import TicketAssignment from '#models/ticket_assignment'
import TicketEvent from '#models/ticket_event'
import ExtensionRequest from '#models/extension_request'
import SlaPolicy from '#models/sla_policy'
import { computeDeadline, type Pause } from '#clock/index'
import clock, { toIso } from '#services/clock_service'
import { StepDeadlines, describeDeadline } from '#actions/tickets/step_deadlines'
import { TransactionLookups } from '#actions/tickets/transaction_lookups'
import { appendEvent } from '#actions/tickets/event_log'
import { nextDueAt } from '#actions/tickets/next_due'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import type { ScheduleChange } from '#actions/calendar/replace_year_schedule'
import { scheduleTicket } from '#timers/schedule_timers'

/** Completed suspensions, from the event log (a running one moves deadlines on resume). */
function pausesFrom(events: TicketEvent[]): Pause[] {
  const pauses: Pause[] = []
  let from: DateTime | null = null
  for (const event of events) {
    if (event.action === 'suspend') from = event.createdAt
    if (event.action === 'resume' && from) {
      pauses.push({ from, to: event.createdAt })
      from = null
    }
  }
  return pauses
}

const same = (a: DateTime | null, b: DateTime | null) =>
  (a?.toMillis() ?? null) === (b?.toMillis() ?? null)

/**
 * After a year's holidays are loaded or changed, counts every running
 * deadline of the open tickets again from its own start, with the suspensions
 * and approved extensions it had, and logs each ticket whose deadlines moved.
 *
 * NOTE: runs in the request that changed the calendar; with many thousands
 * of open tickets it belongs in a job (the worker arrives with timers).
 */
export default class RecomputeDeadlines {
  async handle(change: ScheduleChange): Promise<number> {
    if (change.changedDates.length === 0) return 0
    const from = change.changedDates[0]
    const candidates = await db
      .from('tickets')
      .select('tickets.id')
      .whereNotIn('status', ['closed', 'merged'])
      .where((q) =>
        q
          .where('next_due_at', '>=', from)
          .orWhere('redispatch_due_at', '>=', from)
          .orWhere('review_due_at', '>=', from)
          .orWhere('callback_due_at', '>=', from)
          .orWhereExists((sub) =>
            sub
              .from('ticket_assignments as a')
              .whereColumn('a.ticket_id', 'tickets.id')
              .where('a.active', true)
              .where((d) =>
                d.where('a.sign_due_at', '>=', from).orWhere('a.handle_due_at', '>=', from)
              )
          )
      )
    let touched = 0
    for (const { id } of candidates) {
      if (await this.recomputeTicket(id, change)) {
        touched++
        await scheduleTicket(id).catch(() => 0)
      }
    }
    return touched
  }

  private async recomputeTicket(ticketId: number, change: ScheduleChange): Promise<boolean> {
    return db.transaction(async (trx) => {
      const ticket = await Ticket.query({ client: trx })
        .where('id', ticketId)
        .forUpdate()
        .firstOrFail()
      const policy = await SlaPolicy.findOrFail(ticket.slaPolicyId, { client: trx })
      const events = await TicketEvent.query({ client: trx })
        .where('ticket_id', ticket.id)
        .orderBy('id')
      const pauses = pausesFrom(events)
      const lookups = new TransactionLookups(trx)
      const deadlines = new StepDeadlines(policy, lookups)
      const assignments = await TicketAssignment.query({ client: trx }).where({
        ticketId: ticket.id,
        round: ticket.round,
      })
      const moved: Record<string, { from: string | null; to: string | null }> = {}

      for (const assignment of assignments.filter((a) => a.active)) {
        assignment.useTransaction(trx)
        if (!assignment.signedAt) {
          const sign = await deadlines.forDepartment(
            assignment.departmentId,
            'sign',
            assignment.dispatchedAt,
            pauses
          )
          if (!same(sign.dueAt, assignment.signDueAt)) {
            moved[`sign:${assignment.departmentId}`] = {
              from: toIso(assignment.signDueAt),
              to: toIso(sign.dueAt),
            }
            assignment.merge({ signDueAt: sign.dueAt, signWarnAt: sign.warnAt })
            assignment.deadlineNotes = { ...assignment.deadlineNotes, sign: describeDeadline(sign) }
          }
        } else if (assignment.role === 'lead' && !assignment.repliedAt && assignment.handleDueAt) {
          const handle = await deadlines.forDepartment(
            assignment.departmentId,
            'handle',
            assignment.signedAt,
            pauses
          )
          let due = handle.dueAt
          let warn = handle.warnAt
          const extensions = await ExtensionRequest.query({ client: trx })
            .where({ assignmentId: assignment.id, status: 'approved' })
            .orderBy('id')
          if (extensions.length > 0) {
            const calendar = await lookups.departmentCalendar(assignment.departmentId)
            for (const extension of extensions) {
              const extended = computeDeadline({
                start: due,
                amount: extension.requestedWorkingDays,
                unit: 'working_days',
                calendar,
                warningRatio: policy.warningRatio,
              })
              due = extended.dueAt
              warn = extended.warnAt
            }
          }
          if (!same(due, assignment.handleDueAt)) {
            moved[`handle:${assignment.departmentId}`] = {
              from: toIso(assignment.handleDueAt),
              to: toIso(due),
            }
            assignment.merge({ handleDueAt: due, handleWarnAt: warn })
            assignment.deadlineNotes = {
              ...assignment.deadlineNotes,
              handle: describeDeadline(handle),
            }
          }
        }
        await assignment.save()
      }
      // Ticket-level steps count from the event that started them.
      const startedAt = (...actions: string[]) =>
        events.findLast((e) => actions.includes(e.action))?.createdAt
      for (const [column, step, start] of [
        ['redispatchDueAt', 'redispatch', startedAt('return')],
        ['reviewDueAt', 'review', startedAt('reply')],
        ['callbackDueAt', 'callback', startedAt('review_accept', 'direct_answer')],
      ] as const) {
        if (!ticket[column] || !start) continue
        const recomputed = await deadlines.forCenter(step, start, pauses)
        if (!same(recomputed.dueAt, ticket[column])) {
          moved[step] = { from: toIso(ticket[column]), to: toIso(recomputed.dueAt) }
          ticket[column] = recomputed.dueAt
          ticket.deadlineNotes = { ...ticket.deadlineNotes, [step]: describeDeadline(recomputed) }
        }
      }
      if (Object.keys(moved).length === 0) return false

      ticket.useTransaction(trx)
      ticket.version += 1
      ticket.nextDueAt = await nextDueAt(trx, ticket, assignments)
      await ticket.save()
      await appendEvent(trx, {
        ticketId: ticket.id,
        actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
        action: 'deadlines_recomputed',
        fromStatus: ticket.status,
        toStatus: ticket.status,
        payload: {
          calendarId: change.calendarId,
          year: change.year,
          changedDates: change.changedDates,
          moved,
          at: toIso(clock.now()),
        },
      })
      return true
    })
  }
}
