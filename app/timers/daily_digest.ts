import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Department from '#models/department'
import mailConfig from '#config/mail_batching'
import calendars from '#services/calendar_service'
import clock, { toIso } from '#services/clock_service'
import { OPEN_STATUSES } from '#domain/lifecycle/index'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { dayStart, isWorkingDay, nextWorkingDay } from '#timers/working_days'

const BUCKETS = ['overdue', 'dueToday', 'dueNext'] as const
type Bucket = (typeof BUCKETS)[number]

interface DigestLine {
  ticketId: number
  code: string
  title: string
  step: 'sign' | 'handle'
  dueAt: string
}

export interface DigestResult {
  /** digests written (a repeat run for the same day writes them again, and the dedupe key drops them) */
  queued: number
  /** departments whose calendar has no working time today */
  restDay: number
}

/** Running steps (sign until signed; handle for the lead until it replies) of running tickets. */
const OPEN_STEPS = `
  a.active AND t.status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})
  AND ((a.signed_at IS NULL AND a.sign_due_at IS NOT NULL)
    OR (a.role = 'lead' AND a.signed_at IS NOT NULL AND a.replied_at IS NULL AND a.handle_due_at IS NOT NULL))`

/**
 * The morning digest (issue 5): each department with running work gets one
 * mail listing what is overdue, what falls due today, and what falls due by
 * the end of its next working day, per its own calendar. Today's list is
 * there because at 08:30 a deadline at 17:30 is the most urgent of all.
 * A department resting today (weekend, holiday, per its calendar) gets none;
 * one with nothing in any list gets none either, so the mail always means
 * something. The dedupe key (department, date) makes it once per day however
 * many workers run it.
 */
export default class QueueDailyDigests {
  async handle(now: DateTime = clock.now()): Promise<DigestResult> {
    const result: DigestResult = { queued: 0, restDay: 0 }
    const rows = await db
      .from('ticket_assignments as a')
      .join('tickets as t', 't.id', 'a.ticket_id')
      .whereRaw(OPEN_STEPS)
      .distinct('a.department_id')
    const departments = await Department.query()
      .whereIn(
        'id',
        rows.map((row) => row.department_id)
      )
      .orderBy('id')
    for (const department of departments) {
      if (department.contactEmails.length === 0) continue
      const { calendar } = await calendars.get(department.calendarId)
      if (!isWorkingDay(now, calendar)) {
        result.restDay++
        continue
      }
      const today = dayStart(now, calendar)
      const next = nextWorkingDay(now, calendar)
      const lists = await this.lists(department.id, {
        now,
        tomorrow: today.plus({ days: 1 }),
        until: next.plus({ days: 1 }),
      })
      if (BUCKETS.every((bucket) => lists[bucket].total === 0)) continue
      await db.transaction((trx) =>
        enqueueOutbox(trx, [
          {
            topic: 'mail',
            dedupeKey: `digest:${department.id}:${today.toISODate()}`,
            payload: {
              kind: 'daily_digest',
              to: department.contactEmails,
              departmentId: department.id,
              departmentName: department.name,
              date: today.toISODate(),
              nextWorkingDay: next.toISODate(),
              ...lists,
            },
          },
        ])
      )
      result.queued++
    }
    return result
  }

  /** Each bucket's total and its first lines, soonest due first. */
  private async lists(
    departmentId: number,
    bounds: { now: DateTime; tomorrow: DateTime; until: DateTime }
  ) {
    const { rows } = await db.rawQuery(
      `WITH steps AS (
         SELECT t.id AS ticket_id, t.code, t.title,
                CASE WHEN a.signed_at IS NULL THEN 'sign' ELSE 'handle' END AS step,
                CASE WHEN a.signed_at IS NULL THEN a.sign_due_at ELSE a.handle_due_at END AS due_at
           FROM ticket_assignments a JOIN tickets t ON t.id = a.ticket_id
          WHERE a.department_id = ? AND ${OPEN_STEPS}
       ), bucketed AS (
         SELECT *, CASE WHEN due_at < ? THEN 'overdue' WHEN due_at < ? THEN 'dueToday'
                        ELSE 'dueNext' END AS bucket
           FROM steps WHERE due_at < ?
       ), numbered AS (
         SELECT *, count(*) OVER (PARTITION BY bucket) AS total,
                row_number() OVER (PARTITION BY bucket ORDER BY due_at, ticket_id) AS n
           FROM bucketed
       )
       SELECT * FROM numbered WHERE n <= ? ORDER BY due_at, ticket_id`,
      [
        departmentId,
        bounds.now.toJSDate(),
        bounds.tomorrow.toJSDate(),
        bounds.until.toJSDate(),
        mailConfig.digest.maxItemsPerList,
      ]
    )
    const lists = Object.fromEntries(
      BUCKETS.map((bucket) => [bucket, { total: 0, items: [] as DigestLine[] }])
    ) as Record<Bucket, { total: number; items: DigestLine[] }>
    for (const row of rows) {
      const list = lists[row.bucket as Bucket]
      list.total = Number(row.total)
      list.items.push({
        ticketId: Number(row.ticket_id),
        code: row.code,
        title: row.title,
        step: row.step,
        dueAt: toIso(DateTime.fromJSDate(row.due_at))!,
      })
    }
    return lists
  }
}
