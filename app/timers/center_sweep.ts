import type { DateTime } from 'luxon'
import SupervisionOrder from '#models/supervision_order'
import Ticket from '#models/ticket'
import { CLOSED_STATUSES, OPEN_STATUSES } from '#domain/lifecycle/index'
import FireCenterDeadline from '#timers/fire_center_deadline'
import {
  CENTER_STEPS,
  openAnswerPoint,
  openCenterPoints,
  type CenterPoint,
} from '#timers/center_points'

const PAGE = 500
/** overdue answers handled per sweep at most; the next sweep takes the rest */
const ORDERS_PER_SWEEP = 2000

/**
 * Due points of center steps and order answers with a due instant in
 * (after, until]: running steps only (a finished step's due column is
 * cleared), through the partial indexes of migration 0014.
 */
export async function centerPointsBetween(
  after: DateTime | null,
  until: DateTime
): Promise<CenterPoint[]> {
  const points: CenterPoint[] = []
  for (let lastId = 0; ;) {
    const tickets = await Ticket.query()
      .where('id', '>', lastId)
      .whereIn('status', [...OPEN_STATUSES])
      .where((q) => {
        for (const step of CENTER_STEPS) {
          q.orWhere((s) => {
            s.where(`${step}_due_at`, '<=', until.toJSDate()).whereNull(`${step}_breached_at`)
            if (after) s.where(`${step}_due_at`, '>', after.toJSDate())
          })
        }
      })
      .orderBy('id')
      .limit(PAGE)
    if (tickets.length === 0) break
    lastId = tickets.at(-1)!.id
    points.push(...tickets.flatMap(openCenterPoints))
  }
  const orders = await SupervisionOrder.query()
    .whereNull('answered_at')
    .whereNull('answer_breached_at')
    .where('answer_due_at', '<=', until.toJSDate())
    .if(after, (q) => q.where('answer_due_at', '>', after!.toJSDate()))
    // An answer is owed while the ticket is not closed, suspended or not.
    .whereIn(
      'ticket_id',
      Ticket.query()
        .select('id')
        .whereNotIn('status', [...CLOSED_STATUSES])
    )
    .orderBy('id')
    .limit(ORDERS_PER_SWEEP)
  points.push(...orders.map(openAnswerPoint).filter((point) => point !== null))
  return points.filter((point) => point.dueAt <= until && (after === null || point.dueAt > after))
}

/** Fires every center point due but not marked (a lost Redis, a stopped worker). */
export async function centerCatchUp(now: DateTime): Promise<number> {
  let fired = 0
  for (const point of await centerPointsBetween(null, now)) {
    const outcome = await new FireCenterDeadline().handle(
      { subject: point.subject, id: point.id, step: point.step, dueAt: point.dueAt.toISO()! },
      now
    )
    if (outcome === 'fired') fired++
  }
  return fired
}
