import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Ticket from '#models/ticket'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import clock, { toIso } from '#services/clock_service'
import { OPEN_STATUSES } from '#domain/lifecycle/index'
import { appendEvent } from '#actions/tickets/event_log'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import { openPoints, timerJobId, type TimerPhase, type TimerStep } from '#timers/timer_points'
import { alertPeople } from '#timers/alerts'
import { issueAutomaticUrge } from '#timers/auto_urge'

export interface FireInput {
  assignmentId: number
  step: TimerStep
  phase: TimerPhase
  /** the deadline the job was scheduled for (ISO) */
  dueAt: string
}

export type FireOutcome = 'fired' | 'stale' | 'early'

const MARKER = {
  sign: { warn: 'signWarnedAt', due: 'signBreachedAt', escalate: 'signEscalatedAt' },
  handle: { warn: 'handleWarnedAt', due: 'handleBreachedAt', escalate: 'handleEscalatedAt' },
} as const

const EVENT = {
  warn: 'deadline_warned',
  due: 'deadline_breached',
  escalate: 'deadline_escalated',
} as const

/**
 * Acts on one timer point, exactly once however often it is called: it
 * re-reads the assignment under lock and acts only while the ticket's clock
 * runs and the point is still open, still for the same deadline, and reached.
 * Marking, the ticket event, notifications, mails (outbox) and the automatic
 * urge commit together.
 */
export default class FireDeadline {
  async handle(input: FireInput, now: DateTime = clock.now()): Promise<FireOutcome> {
    const row = await db
      .from('ticket_assignments')
      .where('id', input.assignmentId)
      .select('ticket_id')
      .first()
    if (!row) return 'stale'
    return db.transaction(async (trx) => {
      // Lock order ticket → assignment, as transitions do, so the two never deadlock.
      const ticket = await Ticket.query({ client: trx })
        .where('id', row.ticket_id)
        .forUpdate()
        .firstOrFail()
      const assignment = await TicketAssignment.query({ client: trx })
        .where('id', input.assignmentId)
        .forUpdate()
        .firstOrFail()
      // Suspended (挂起) or finished: the clock is stopped. A resume moves the
      // deadline and schedules new points; a closed ticket owes nothing.
      if (!OPEN_STATUSES.includes(ticket.status)) return 'stale'
      const point = openPoints(assignment, deadlineConfig.escalate.afterMinutes).find(
        (p) => p.step === input.step && p.phase === input.phase
      )
      if (!point || point.dueAt.toMillis() !== DateTime.fromISO(input.dueAt).toMillis())
        return 'stale'
      if (point.at > now) return 'early'

      assignment.useTransaction(trx)
      assignment[MARKER[input.step][input.phase]] = now
      await assignment.save()

      const key = timerJobId(point)
      // The note explains the deadline it was written for; after an extension
      // or a resume moved the deadline it no longer does, so say nothing.
      const note = assignment.deadlineNotes[input.step]
      const explained = note && DateTime.fromISO(note.dueAt).toMillis() === point.dueAt.toMillis()
      const payload = {
        step: input.step,
        assignmentId: assignment.id,
        departmentId: assignment.departmentId,
        dueAt: toIso(point.dueAt),
        explanation: explained ? note.text : null,
      }
      await appendEvent(trx, {
        ticketId: ticket.id,
        actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
        action: EVENT[input.phase],
        fromStatus: ticket.status,
        toStatus: ticket.status,
        payload,
      })
      await alertPeople(trx, {
        audiences: deadlineConfig[input.phase].notify,
        departmentId: assignment.departmentId,
        ticket,
        kind: EVENT[input.phase],
        causeKey: key,
        payload,
        now,
      })
      if (input.phase === 'escalate' && deadlineConfig.escalate.autoUrge)
        await issueAutomaticUrge(trx, ticket, assignment, input.step, key)
      return 'fired'
    })
  }
}
