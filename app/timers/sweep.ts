import type { DateTime } from 'luxon'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import queueConfig from '#config/queue'
import clock from '#services/clock_service'
import FireDeadline from '#timers/fire_deadline'
import { openPoints } from '#timers/timer_points'
import { schedulePoint } from '#timers/schedule_timers'

const BATCH = 500

export interface SweepResult {
  fired: number
  scheduled: number
}

/**
 * The safety net under the delayed jobs (architecture.md, "Deadlines"): every
 * minute, fire what is due but not marked (a lost Redis, a stopped worker, a
 * clock change) and schedule what has come inside the horizon. It reads the
 * partial indexes on open steps, so finished work costs nothing.
 */
export async function sweep(now: DateTime = clock.now()): Promise<SweepResult> {
  const until = now.plus({ minutes: queueConfig.horizonMinutes }).toJSDate()
  const result: SweepResult = { fired: 0, scheduled: 0 }
  let lastId = 0
  for (;;) {
    const assignments = await TicketAssignment.query()
      .where('id', '>', lastId)
      .where((q) =>
        q
          .where((s) =>
            s
              .where('active', true)
              .whereNull('signed_at')
              .whereNull('sign_escalated_at')
              .where('sign_due_at', '<=', until)
          )
          .orWhere((h) =>
            h
              .where('active', true)
              .where('role', 'lead')
              .whereNotNull('signed_at')
              .whereNull('replied_at')
              .whereNull('handle_escalated_at')
              .where('handle_due_at', '<=', until)
          )
      )
      .orderBy('id')
      .limit(BATCH)
    if (assignments.length === 0) return result
    lastId = assignments.at(-1)!.id
    for (const point of assignments.flatMap((a) =>
      openPoints(a, deadlineConfig.escalate.afterMinutes)
    )) {
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
      } else if (point.at.toMillis() <= Date.parse(until.toISOString())) {
        if (await schedulePoint(point, now)) result.scheduled++
      }
    }
  }
}
