import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Ticket from '#models/ticket'
import TicketAssignment from '#models/ticket_assignment'
import SupervisionOrder from '#models/supervision_order'
import Notification from '#models/notification'
import deadlineConfig from '#config/deadlines'
import clock, { toIso } from '#services/clock_service'
import { appendEvent } from '#actions/tickets/event_log'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import { openPoints, timerJobId, type TimerPhase, type TimerStep } from '#timers/timer_points'
import { recipientsFor } from '#timers/recipients'

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
 * re-reads the assignment under lock and acts only while the point is still
 * open, still for the same deadline, and reached. Marking, the ticket event,
 * notifications, mails (outbox) and the automatic urge commit together.
 */
export default class FireDeadline {
  async handle(input: FireInput, now: DateTime = clock.now()): Promise<FireOutcome> {
    const ticketId = await db
      .from('ticket_assignments')
      .where('id', input.assignmentId)
      .select('ticket_id')
      .first()
    if (!ticketId) return 'stale'
    return db.transaction(async (trx) => {
      // Lock order ticket → assignment, as transitions do, so the two never deadlock.
      const ticket = await Ticket.query({ client: trx })
        .where('id', ticketId.ticket_id)
        .forUpdate()
        .firstOrFail()
      const assignment = await TicketAssignment.query({ client: trx })
        .where('id', input.assignmentId)
        .forUpdate()
        .firstOrFail()
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
      const payload = {
        step: input.step,
        assignmentId: assignment.id,
        departmentId: assignment.departmentId,
        dueAt: toIso(point.dueAt),
        explanation: assignment.deadlineNotes[input.step]?.text ?? null,
      }
      await appendEvent(trx, {
        ticketId: ticket.id,
        actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
        action: EVENT[input.phase],
        fromStatus: ticket.status,
        toStatus: ticket.status,
        payload,
      })
      const audiences = deadlineConfig[input.phase].notify
      const people = await recipientsFor(trx, audiences, assignment.departmentId)
      if (people.length > 0) {
        await trx
          .insertQuery()
          .table(Notification.table)
          .insert(
            people.map((user) => ({
              user_id: user.id,
              ticket_id: ticket.id,
              kind: EVENT[input.phase],
              dedupe_key: key,
              data: JSON.stringify({ ...payload, code: ticket.code, title: ticket.title }),
              created_at: now.toJSDate(),
            }))
          )
          .knexQuery.onConflict(['user_id', 'dedupe_key'])
          .ignore()
      }
      await enqueueOutbox(
        trx,
        people.map((user) => ({
          topic: 'mail' as const,
          dedupeKey: `${key}:${user.id}`,
          payload: {
            kind: EVENT[input.phase],
            to: [user.email],
            userId: user.id,
            ticketId: ticket.id,
            code: ticket.code,
            ...payload,
          },
        }))
      )
      if (input.phase === 'escalate' && deadlineConfig.escalate.autoUrge) {
        const order = await SupervisionOrder.create(
          {
            ticketId: ticket.id,
            kind: 'urge',
            departmentId: assignment.departmentId,
            issuedBy: null,
            content:
              input.step === 'sign'
                ? '工单超时未签收，请立即签收'
                : '工单已超过办理时限，请尽快办结并答复',
          },
          { client: trx }
        )
        await appendEvent(trx, {
          ticketId: ticket.id,
          actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
          action: 'urge',
          fromStatus: ticket.status,
          toStatus: ticket.status,
          payload: {
            orderId: order.id,
            departmentId: assignment.departmentId,
            automatic: true,
            content: order.content,
          },
        })
      }
      return 'fired'
    })
  }
}
