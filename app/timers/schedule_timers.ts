import type { JobsOptions } from 'bullmq'
import type { DateTime } from 'luxon'
import SupervisionOrder from '#models/supervision_order'
import Ticket from '#models/ticket'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import queueConfig from '#config/queue'
import queues from '#services/queues'
import clock from '#services/clock_service'
import { openPoints, timerJobId, type TimerPoint } from '#timers/timer_points'
import {
  centerJobId,
  openAnswerPoint,
  openCenterPoints,
  type CenterPoint,
} from '#timers/center_points'

/**
 * Adds a delayed job for each point of these assignments that falls inside
 * the horizon. Points further out are left to the horizon sweep, so Redis
 * holds about a day of timers however many tickets are open.
 */
export function scheduleAssignments(assignments: TicketAssignment[], now: DateTime = clock.now()) {
  return addJobs(departmentJobs(assignments, now))
}

function horizonOf(now: DateTime) {
  return now.plus({ minutes: queueConfig.horizonMinutes })
}

function departmentJobs(assignments: TicketAssignment[], now: DateTime) {
  const horizon = horizonOf(now)
  return assignments
    .flatMap((assignment) => openPoints(assignment, deadlineConfig.escalate.afterMinutes))
    .filter((point) => point.at <= horizon)
    .map((point) => pointJob(point, now))
}

/** The due points of a ticket's center steps and open orders inside the horizon. */
function centerJobs(ticket: Ticket, orders: SupervisionOrder[], now: DateTime) {
  const horizon = horizonOf(now)
  return [...openCenterPoints(ticket), ...orders.map(openAnswerPoint).filter((p) => p !== null)]
    .filter((point) => point.dueAt <= horizon)
    .map((point) => centerPointJob(point, now))
}

/** One round trip to Redis however many jobs; answers how many were queued. */
async function addJobs(jobs: { name: string; data: Record<string, unknown>; opts: JobsOptions }[]) {
  if (jobs.length > 0) await queues.addBulk('deadlines', jobs)
  return jobs.length
}

/** The delayed job of a point, as `Queue.add`/`addBulk` take it. */
export function pointJob(point: TimerPoint, now: DateTime) {
  return {
    name: 'fire',
    data: {
      assignmentId: point.assignmentId,
      step: point.step,
      phase: point.phase,
      dueAt: point.dueAt.toISO()!,
      at: point.at.toISO()!,
    },
    opts: timerJobOptions(timerJobId(point), point.at, now),
  }
}

/** The delayed job of a center step's or an order answer's due point. */
export function centerPointJob(point: CenterPoint, now: DateTime) {
  return {
    name: 'fire-center',
    data: {
      subject: point.subject,
      id: point.id,
      step: point.step,
      dueAt: point.dueAt.toISO()!,
      at: point.dueAt.toISO()!,
    },
    opts: timerJobOptions(centerJobId(point), point.dueAt, now),
  }
}

function timerJobOptions(jobId: string, at: DateTime, now: DateTime) {
  return {
    jobId,
    delay: Math.max(0, at.toMillis() - now.toMillis()),
    // The id dedupes while the job waits; once it has run, the markers in
    // PostgreSQL guard the point. Keeping the finished job would block the
    // same point from being scheduled again after it found the clock
    // stopped (a suspension that did not move the deadline) or ran early.
    removeOnComplete: true,
    // A batch that failed (the database away) is tried again soon; the
    // catch-up sweep is the last resort.
    attempts: 3,
    backoff: { type: 'exponential' as const, delay: 1000 },
  }
}

/**
 * After a transition commits: (re)schedule the ticket's current timers. Takes
 * the ticket the caller already holds (or its id), so the hot path does not
 * read it again; a caller that has just written all of the ticket's
 * assignments and orders (an intake) passes them too.
 */
export async function scheduleTicket(
  ticketOrId: Ticket | number,
  now: DateTime = clock.now(),
  known?: { assignments: TicketAssignment[]; orders: SupervisionOrder[] }
) {
  const ticket = typeof ticketOrId === 'number' ? await Ticket.findOrFail(ticketOrId) : ticketOrId
  const assignments =
    known?.assignments.filter((a) => a.active) ??
    (await TicketAssignment.query().where({ ticketId: ticket.id, active: true }))
  const orders =
    known?.orders ??
    (await SupervisionOrder.query()
      .where('ticket_id', ticket.id)
      .whereNotNull('answer_due_at')
      .whereNull('answered_at')
      .whereNull('answer_breached_at'))
  return addJobs([...departmentJobs(assignments, now), ...centerJobs(ticket, orders, now)])
}
