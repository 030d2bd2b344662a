import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import clock, { toIso } from '#services/clock_service'
import { OPEN_STATUSES, type Status as TicketStatus } from '#domain/lifecycle/index'
import { appendEvents, type EventEntry } from '#actions/tickets/event_log'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import {
  decidePoint,
  MARKER,
  TIMER_PHASES,
  TIMER_STEPS,
  timerJobId,
  type FireOutcome,
  type PointRequest,
  type TimerPoint,
} from '#timers/timer_points'
import { alertPeople, type Alert } from '#timers/alerts'
import { issueAutomaticUrges, type AutoUrge } from '#timers/auto_urge'
import { loadRecipients } from '#timers/recipients'

const EVENT = {
  warn: 'deadline_warned',
  due: 'deadline_breached',
  escalate: 'deadline_escalated',
} as const

interface LockedTicket {
  id: number
  status: TicketStatus
  code: string
  title: string
}

interface Fired {
  point: TimerPoint
  ticket: LockedTicket
  assignment: TicketAssignment
}

const columnOf = (attribute: string) => attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Acts on timer points, each exactly once however often it is asked: it
 * re-reads the assignments under lock and acts only on points still due
 * (timer_points.ts `decidePoint`). Marking, the ticket events, notifications,
 * mails (outbox) and the automatic urges of a whole batch commit together, in
 * a fixed number of statements, so a burst of deadlines costs a few round
 * trips per batch rather than per point.
 */
export default class FireDeadline {
  async handle(request: PointRequest, now: DateTime = clock.now()): Promise<FireOutcome> {
    const [outcome] = await this.handleMany([request], now)
    return outcome
  }

  async handleMany(
    jobData: readonly PointRequest[],
    now: DateTime = clock.now()
  ): Promise<FireOutcome[]> {
    if (jobData.length === 0) return []
    // Ids arrive as JSON from Redis: a bigint id may have been written as a string.
    const requests = jobData.map((r) => ({ ...r, assignmentId: Number(r.assignmentId) }))
    const assignmentIds = [...new Set(requests.map((request) => request.assignmentId))]
    return db.transaction(async (trx) => {
      // Lock order ticket → assignment, as transitions do, each by id, as every
      // batch does: two batches, or a batch and a transition, never deadlock.
      const tickets: LockedTicket[] = await trx
        .from('tickets')
        .whereIn(
          'id',
          trx.from('ticket_assignments').whereIn('id', assignmentIds).select('ticket_id')
        )
        .orderBy('id')
        .forUpdate()
        .select('id', 'status', 'code', 'title')
      const assignments = await TicketAssignment.query({ client: trx })
        .whereIn('id', assignmentIds)
        .orderBy('id')
        .forUpdate()
      const ticketById = new Map(tickets.map((t) => [Number(t.id), t]))
      const assignmentById = new Map(assignments.map((a) => [a.id, a]))

      const fired: Fired[] = []
      const outcomes = requests.map((request) => {
        const assignment = assignmentById.get(request.assignmentId)
        const ticket = assignment && ticketById.get(Number(assignment.ticketId))
        // Suspended (挂起) or finished: the clock is stopped. A resume moves the
        // deadline and schedules new points; a closed ticket owes nothing.
        const clockRuns = !!ticket && OPEN_STATUSES.includes(ticket.status)
        const { outcome, point } = decidePoint(
          request,
          assignment,
          clockRuns,
          now,
          deadlineConfig.escalate.afterMinutes
        )
        if (outcome === 'fired' && point && assignment && ticket) {
          // Marked in memory too: a later request in this batch for the same
          // point finds it handled.
          assignment[MARKER[point.step][point.phase]] = now
          fired.push({ point, ticket, assignment })
        }
        return outcome
      })
      // Ladder order whatever order the jobs came in: warned before breached
      // before escalated, step by step, so every timeline reads the same.
      fired.sort(
        (a, b) =>
          a.assignment.id - b.assignment.id ||
          TIMER_STEPS.indexOf(a.point.step) - TIMER_STEPS.indexOf(b.point.step) ||
          TIMER_PHASES.indexOf(a.point.phase) - TIMER_PHASES.indexOf(b.point.phase)
      )
      if (fired.length > 0) await this.#act(trx, fired, now)
      return outcomes
    })
  }

  async #act(trx: TransactionClientContract, fired: Fired[], now: DateTime) {
    await this.#mark(trx, fired, now)
    const book = await loadRecipients(
      trx,
      fired.map((f) => f.assignment.departmentId)
    )
    const alerts: Alert[] = []
    const events: EventEntry[] = []
    const urges: AutoUrge[] = []
    for (const { point, ticket, assignment } of fired) {
      const key = timerJobId(point)
      // The note explains the deadline it was written for; after an extension
      // or a resume moved the deadline it no longer does, so say nothing.
      const note = assignment.deadlineNotes[point.step]
      const explained = note && DateTime.fromISO(note.dueAt).toMillis() === point.dueAt.toMillis()
      const payload = {
        step: point.step,
        assignmentId: assignment.id,
        departmentId: assignment.departmentId,
        dueAt: toIso(point.dueAt),
        explanation: explained ? note.text : null,
      }
      events.push({
        ticketId: ticket.id,
        actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
        action: EVENT[point.phase],
        fromStatus: ticket.status,
        toStatus: ticket.status,
        payload,
      })
      alerts.push({
        people: book.for(deadlineConfig[point.phase].notify, assignment.departmentId),
        ticket,
        kind: EVENT[point.phase],
        causeKey: key,
        payload,
      })
      if (point.phase === 'escalate' && deadlineConfig.escalate.autoUrge)
        urges.push({
          ticket,
          departmentId: assignment.departmentId,
          step: point.step,
          causeKey: key,
        })
    }
    const urgeEvents = await issueAutomaticUrges(trx, urges, now)
    // Each urge follows its escalation in the timeline.
    const timeline = events.flatMap((event) =>
      event.action === EVENT.escalate && deadlineConfig.escalate.autoUrge
        ? [event, urgeEvents.shift()!]
        : [event]
    )
    await appendEvents(trx, timeline)
    await alertPeople(trx, alerts, now)
  }

  /** One UPDATE per marker column, however many points. */
  async #mark(trx: TransactionClientContract, fired: Fired[], now: DateTime) {
    const idsByColumn = new Map<string, number[]>()
    for (const { point, assignment } of fired) {
      const column = columnOf(MARKER[point.step][point.phase])
      idsByColumn.set(column, [...(idsByColumn.get(column) ?? []), assignment.id])
    }
    for (const [column, ids] of idsByColumn) {
      await trx
        .from('ticket_assignments')
        .whereIn('id', ids)
        .update({ [column]: now.toJSDate(), updated_at: now.toJSDate() })
    }
  }
}
