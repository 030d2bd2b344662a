import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import queueConfig from '#config/queue'
import clock from '#services/clock_service'
import { OPEN_STATUSES } from '#domain/lifecycle/index'
import FireDeadline from '#timers/fire_deadline'
import { openPoints } from '#timers/timer_points'
import { schedulePoint } from '#timers/schedule_timers'

const BATCH = 500

export interface SweepResult {
  fired: number
  scheduled: number
}

/**
 * Assignments with a running step whose warning or due instant is at or
 * before `until`. The warning is asked separately because it can lie more
 * than a horizon before the due instant (a 10-working-day limit warns about
 * three days ahead): filtering on the due instant alone would warn late.
 * Each condition matches a partial index (migrations 0011 and 0012).
 */
function openStepsUntil(until: Date, afterId: number) {
  return (
    TicketAssignment.query()
      .where('ticket_assignments.id', '>', afterId)
      .where((q) =>
        q
          .where((s) =>
            s
              .where('active', true)
              .whereNull('signed_at')
              .whereNull('sign_escalated_at')
              .where((at) =>
                at.where('sign_due_at', '<=', until).orWhere('sign_warn_at', '<=', until)
              )
          )
          .orWhere((h) =>
            h
              .where('active', true)
              .where('role', 'lead')
              .whereNotNull('signed_at')
              .whereNull('replied_at')
              .whereNull('handle_escalated_at')
              .where((at) =>
                at.where('handle_due_at', '<=', until).orWhere('handle_warn_at', '<=', until)
              )
          )
      )
      // A suspended or finished ticket's clock is stopped (FireDeadline would say 'stale').
      .whereIn(
        'ticket_id',
        db
          .from('tickets')
          .select('id')
          .whereIn('status', [...OPEN_STATUSES])
      )
      .orderBy('ticket_assignments.id')
      .limit(BATCH)
  )
}

/**
 * The safety net under the delayed jobs (architecture.md, "Deadlines"): every
 * minute, fire what is due but not marked (a lost Redis, a stopped worker, a
 * clock change) and schedule what has come inside the horizon.
 */
export async function sweep(now: DateTime = clock.now()): Promise<SweepResult> {
  const until = now.plus({ minutes: queueConfig.horizonMinutes })
  const result: SweepResult = { fired: 0, scheduled: 0 }
  let lastId = 0
  for (;;) {
    const assignments = await openStepsUntil(until.toJSDate(), lastId)
    if (assignments.length === 0) return result
    lastId = assignments.at(-1)!.id
    const points = assignments.flatMap((a) => openPoints(a, deadlineConfig.escalate.afterMinutes))
    for (const point of points) {
      if (point.at <= now) {
        const outcome = await new FireDeadline().handle(
          {
            assignmentId: point.assignmentId,
            step: point.step,
            phase: point.phase,
            dueAt: point.dueAt.toISO()!,
          },
          now
        )
        if (outcome === 'fired') result.fired++
      } else if (point.at <= until) {
        if (await schedulePoint(point, now)) result.scheduled++
      }
    }
  }
}
