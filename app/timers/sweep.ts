import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import TicketAssignment from '#models/ticket_assignment'
import deadlineConfig from '#config/deadlines'
import queueConfig from '#config/queue'
import clock from '#services/clock_service'
import queues from '#services/queues'
import { OPEN_STATUSES } from '#domain/lifecycle/index'
import FireDeadline from '#timers/fire_deadline'
import { openPoints, type TimerPoint } from '#timers/timer_points'
import { centerPointJob, pointJob } from '#timers/schedule_timers'
import { centerCatchUp, centerPointsBetween } from '#timers/center_sweep'
import { readHorizonMark, writeHorizonMark } from '#timers/horizon_mark'

type AssignmentQuery = ModelQueryBuilderContract<typeof TicketAssignment>

const PAGE = 500
const ADD_CHUNK = 500

export interface SweepResult {
  fired: number
  scheduled: number
}

/**
 * Assignments with a running step whose warning, due or escalation instant
 * lies in (after, until]. The warning is asked separately because it can lie
 * more than a horizon before the due instant (a 10-working-day limit warns
 * about three days ahead): filtering on the due instant alone would warn
 * late. The escalation follows the due instant by a fixed delay. Each
 * condition matches a partial index (migrations 0011 and 0014).
 */
function openStepsBetween(after: Date | null, until: Date, afterId: number) {
  const escalateMs = deadlineConfig.escalate.afterMinutes * 60_000
  const dueAfter = after && new Date(after.getTime() - escalateMs)
  const within =
    (warnColumn: string, warnedColumn: string, dueColumn: string) => (at: AssignmentQuery) =>
      at
        .where((w) => {
          // Only warnings not yet given: long limits warn days ahead, so most
          // running steps are warned already (index of migration 0014).
          w.where(warnColumn, '<=', until).whereNull(warnedColumn)
          if (after) w.where(warnColumn, '>', after)
        })
        .orWhere((d) => {
          d.where(dueColumn, '<=', until)
          if (dueAfter) d.where(dueColumn, '>', dueAfter)
        })
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
              .where(within('sign_warn_at', 'sign_warned_at', 'sign_due_at'))
          )
          .orWhere((h) =>
            h
              .where('active', true)
              .where('role', 'lead')
              .whereNotNull('signed_at')
              .whereNull('replied_at')
              .whereNull('handle_escalated_at')
              .where(within('handle_warn_at', 'handle_warned_at', 'handle_due_at'))
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
      .limit(PAGE)
  )
}

/** Open points of the assignments matching `after`/`until`, page by page. */
async function* openPointsBetween(after: DateTime | null, until: DateTime) {
  let lastId = 0
  for (;;) {
    const page = await openStepsBetween(after?.toJSDate() ?? null, until.toJSDate(), lastId)
    if (page.length === 0) return
    lastId = page.at(-1)!.id
    yield page.flatMap((a) => openPoints(a, deadlineConfig.escalate.afterMinutes))
  }
}

/**
 * Catch-up: fires every point due but not marked (a lost Redis, a stopped
 * worker, a clock change), a page at a time through the batch handler.
 */
async function catchUp(now: DateTime): Promise<number> {
  let fired = 0
  for await (const points of openPointsBetween(null, now)) {
    const due = points.filter((point) => point.at <= now)
    // Batches as the worker makes them: a transaction of bounded size.
    for (let start = 0; start < due.length; start += queueConfig.timers.batchSize) {
      const outcomes = await new FireDeadline().handleMany(
        due.slice(start, start + queueConfig.timers.batchSize).map((point) => ({
          assignmentId: point.assignmentId,
          step: point.step,
          phase: point.phase,
          dueAt: point.dueAt.toISO()!,
        })),
        now
      )
      fired += outcomes.filter((outcome) => outcome === 'fired').length
    }
  }
  return fired + (await centerCatchUp(now))
}

/**
 * Horizon: queues the points that came inside the horizon since the last
 * mark (all of them when Redis has no mark), in bulk. Deterministic job ids
 * make a point queued twice (by a transition and by this) one job.
 */
async function fillHorizon(now: DateTime): Promise<number> {
  const queue = queues.get('deadlines')
  const horizonMs = queueConfig.horizonMinutes * 60_000
  const until = now.plus({ milliseconds: horizonMs })
  const markMs = await readHorizonMark(queue, now.toMillis(), horizonMs)
  const after = markMs === null ? null : DateTime.fromMillis(markMs, { zone: now.zone })
  let scheduled = 0
  const add = async (jobs: ReturnType<typeof pointJob | typeof centerPointJob>[]) => {
    for (let start = 0; start < jobs.length; start += ADD_CHUNK) {
      const chunk = jobs.slice(start, start + ADD_CHUNK)
      if (!(await queues.addBulk('deadlines', chunk))) return false
      scheduled += chunk.length
    }
    return true
  }
  for await (const points of openPointsBetween(after, until)) {
    const coming = points.filter(
      (point: TimerPoint) =>
        point.at > now && (after === null || point.at > after) && point.at <= until
    )
    // Redis away: leave the mark where it was, the next sweep tries again.
    // Delays from the time of adding, not of the sweep's start: a long
    // catch-up before this must not make the jobs run early.
    if (!(await add(coming.map((point) => pointJob(point, clock.now()))))) return scheduled
  }
  const center = await centerPointsBetween(after, until)
  const comingCenter = center.filter((point) => point.dueAt > now)
  if (!(await add(comingCenter.map((point) => centerPointJob(point, clock.now())))))
    return scheduled
  await writeHorizonMark(queue, until.toMillis(), now.toMillis())
  return scheduled
}

/**
 * The safety net under the delayed jobs (architecture.md, "Deadlines"): every
 * minute, fire what is due but not marked and queue what has come inside the
 * horizon.
 */
export async function sweep(now: DateTime = clock.now()): Promise<SweepResult> {
  const fired = await catchUp(now)
  const scheduled = await fillHorizon(now)
  return { fired, scheduled }
}
