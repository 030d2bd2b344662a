import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import TicketAssignment from '#models/ticket_assignment'
import clock from '#services/clock_service'
import deadlineConfig from '#config/deadlines'
import queues from '#services/queues'
import { openPoints, timerJobId, type TimerPhase, type TimerStep } from '#timers/timer_points'
import type { PointRequest } from '#timers/timer_points'
import { buildOrg, type OrgFixture } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { MONDAY_10, TicketDesk } from '#tests/support/ticket_world'

/** Freezes "now" at a Shanghai wall-clock time, e.g. `at('2026-11-23T11:30')`. */
export const at = (iso: string) => clock.freeze(iso)

/**
 * The timers specs' common ground: reference data once; for each test a
 * rolled-back transaction, the clock at Monday 23 November 2026 10:00, a
 * fresh org and its ticket desk (read them as `world.org`, `world.desk`),
 * then `prepare` if given.
 */
export function timerWorld(group: Group, prepare?: () => Promise<unknown>) {
  const world = {} as { org: OrgFixture; desk: TicketDesk }
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    at(MONDAY_10)
    world.org = await buildOrg()
    world.desk = new TicketDesk(world.org)
    await prepare?.()
    return () => clock.unfreeze()
  })
  return world
}

/** The ticket's active assignment of a role (the lead unless told). */
export function assignmentOf(ticketId: number, role: 'lead' | 'assist' = 'lead') {
  return TicketAssignment.query().where({ ticketId, role, active: true }).firstOrFail()
}

/** The open point of a step and phase, as the timers see it now. */
export function pointOf(assignment: TicketAssignment, step: TimerStep, phase: TimerPhase) {
  const point = openPoints(assignment, deadlineConfig.escalate.afterMinutes).find(
    (p) => p.step === step && p.phase === phase
  )
  if (!point) throw new Error(`no open ${step} ${phase} point on assignment ${assignment.id}`)
  return point
}

/** What a delayed job for the point carries (and what the sweep passes). */
export function jobData(point: ReturnType<typeof pointOf>): PointRequest {
  return {
    assignmentId: point.assignmentId,
    step: point.step,
    phase: point.phase,
    dueAt: point.dueAt.toISO()!,
    at: point.at.toISO()!,
  }
}

/** The deadline job of a point in Redis, if any. */
export function timerJob(point: ReturnType<typeof pointOf>) {
  return queues.get('deadlines').getJob(timerJobId(point))
}

/**
 * Everything the timers write about a ticket, to prove what one firing wrote
 * and that a repeat wrote nothing.
 */
export async function timerTrace(ticketId: number) {
  // One after another: inside a test's global transaction they share one connection.
  const notifications = await db
    .from('notifications')
    .where('ticket_id', ticketId)
    .orderBy('id')
    .select('user_id', 'kind', 'dedupe_key')
  const mails = await db
    .from('outbox_messages')
    .where('topic', 'mail')
    .whereRaw(`payload->>'ticketId' = ?`, [String(ticketId)])
    .whereRaw(`payload->>'kind' <> 'dispatch'`)
    .orderBy('id')
    .select('dedupe_key', 'payload')
  const urges = await db.from('supervision_orders').where('ticket_id', ticketId).orderBy('id')
  const events = await db
    .from('ticket_events')
    .where('ticket_id', ticketId)
    .orderBy('id')
    .select('action', 'actor_role', 'payload')
  const assignments = await db.from('ticket_assignments').where('ticket_id', ticketId).orderBy('id')
  return { notifications, mails, urges, events, assignments }
}

/** Notified users of a kind on a ticket, as sorted ids. */
export async function notified(ticketId: number, kind: string): Promise<number[]> {
  const rows = await db.from('notifications').where({ ticket_id: ticketId, kind }).select('user_id')
  return rows.map((row) => row.user_id).sort((a, b) => a - b)
}

/** Addresses of the queued timer mails of a kind on a ticket, sorted. */
export async function mailedTo(ticketId: number, kind: string): Promise<string[]> {
  const rows = await db
    .from('outbox_messages')
    .whereRaw(`payload->>'ticketId' = ?`, [String(ticketId)])
    .whereRaw(`payload->>'kind' = ?`, [kind])
    .select('payload')
  return rows.flatMap((row) => row.payload.to as string[]).sort()
}
