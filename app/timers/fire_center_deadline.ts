import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import SupervisionOrder from '#models/supervision_order'
import Ticket from '#models/ticket'
import deadlineConfig from '#config/deadlines'
import clock, { toIso } from '#services/clock_service'
import { CLOSED_STATUSES, OPEN_STATUSES } from '#domain/lifecycle/index'
import { appendEvents } from '#actions/tickets/event_log'
import { SYSTEM_ACTOR } from '#actions/tickets/ticket_actor'
import {
  CENTER_MARKER,
  centerJobId,
  decideCenterPoint,
  openAnswerPoint,
  openCenterPoints,
  type CenterRequest,
} from '#timers/center_points'
import type { FireOutcome } from '#timers/timer_points'
import { alertPeople } from '#timers/alerts'
import { loadRecipients } from '#timers/recipients'

/**
 * Acts on the due point of a center step or of a supervision order's answer,
 * exactly once: under the ticket's lock (and the order's), only while the
 * ticket's clock runs and the point is still open for the same deadline.
 * The step is marked breached, the ticket logs `deadline_breached`, and the
 * people of the ladder (config/deadlines.ts `center` / `answer`) get a
 * notification and a mail, all in one transaction. These points are few (a
 * handful per ticket), so each is its own transaction.
 */
export default class FireCenterDeadline {
  async handle(jobData: CenterRequest, now: DateTime = clock.now()): Promise<FireOutcome> {
    // Ids arrive as JSON from Redis: a bigint id may have been written as a string.
    const request = { ...jobData, id: Number(jobData.id) }
    const ticketId = await this.#ticketOf(request)
    if (!ticketId) return 'stale'
    return db.transaction(async (trx) => {
      // Lock order ticket → order, as transitions do.
      const ticket = await Ticket.query({ client: trx }).where('id', ticketId).forUpdate().first()
      if (!ticket) return 'stale'
      const order =
        request.subject === 'order'
          ? await SupervisionOrder.query({ client: trx })
              .where('id', request.id)
              .forUpdate()
              .first()
          : null
      const open = order
        ? [openAnswerPoint(order)].filter((p) => p !== null)
        : openCenterPoints(ticket)
      const { outcome, point } = decideCenterPoint(
        request,
        open,
        // A center step pauses with the ticket; an order's answer is owed by
        // the department whatever the ticket waits for, until it is closed.
        order ? !CLOSED_STATUSES.includes(ticket.status) : OPEN_STATUSES.includes(ticket.status),
        now
      )
      if (outcome !== 'fired' || !point) return outcome

      await trx
        .from(order ? 'supervision_orders' : 'tickets')
        .where('id', point.id)
        .update({ [CENTER_MARKER[point.step]]: now.toJSDate() })
      const note = ticket.deadlineNotes[point.step]
      const explained = note && DateTime.fromISO(note.dueAt).toMillis() === point.dueAt.toMillis()
      const departmentId = order?.departmentId ?? null
      const payload = {
        step: point.step,
        dueAt: toIso(point.dueAt),
        explanation: !order && explained ? note.text : null,
        ...(order ? { orderId: order.id, orderKind: order.kind, departmentId } : {}),
      }
      await appendEvents(trx, [
        {
          ticketId: ticket.id,
          actor: { id: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role },
          action: 'deadline_breached',
          fromStatus: ticket.status,
          toStatus: ticket.status,
          payload,
        },
      ])
      const book = await loadRecipients(trx, departmentId === null ? [] : [departmentId])
      const audiences = order ? deadlineConfig.answer.notify : deadlineConfig.center.notify
      await alertPeople(
        trx,
        [
          {
            // An order to nobody in particular (督办 of the center's own work): supervisors.
            people:
              order && departmentId === null
                ? book.for(deadlineConfig.center.notify, null)
                : book.for(audiences, departmentId),
            ticket,
            kind: 'deadline_breached',
            causeKey: centerJobId(point),
            payload,
          },
        ],
        now
      )
      return 'fired'
    })
  }

  async #ticketOf(request: CenterRequest): Promise<number | undefined> {
    if (request.subject === 'ticket') return request.id
    const order = await db.from('supervision_orders').where('id', request.id).first()
    return order?.ticket_id
  }
}
