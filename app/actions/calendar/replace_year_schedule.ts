import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import Calendar from '#models/calendar'
import CalendarDay from '#models/calendar_day'
import CalendarYear from '#models/calendar_year'
import type { DateOverride } from '#clock/index'
import clock from '#services/clock_service'

export interface ReplaceYearScheduleInput {
  calendarId: number
  year: number
  /**
   * Holidays and adjusted working days of that year. A notice may also name
   * days of a neighbouring year (元旦 from 30 December); those are upserted
   * one by one without touching the rest of their year.
   */
  days: DateOverride[]
  /** 'chinese-days', 'notice' or 'manual' */
  source: string
}

export interface ScheduleChange {
  calendarId: number
  year: number
  holidays: number
  workdays: number
  /** dates whose kind or presence changed: open deadlines touching them must be recomputed */
  changedDates: string[]
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'calendar:schedule_changed': ScheduleChange
  }
}

/**
 * Replaces one year's holidays and adjusted working days in a calendar,
 * marks the year as loaded and bumps the calendar's version, all in one
 * transaction. After commit it emits `calendar:schedule_changed`, which the
 * ticket deadlines listen to.
 */
export default class ReplaceYearSchedule {
  async handle(input: ReplaceYearScheduleInput): Promise<ScheduleChange> {
    const change = await db.transaction(async (trx) => {
      const calendar = await Calendar.query({ client: trx })
        .where('id', input.calendarId)
        .forUpdate()
        .firstOrFail()
      const spillover = input.days
        .filter((day) => !day.date.startsWith(`${input.year}-`))
        .map((day) => day.date)
      const yearDays = CalendarDay.query({ client: trx })
        .where('calendar_id', calendar.id)
        .where((q) => {
          q.whereBetween('date', [`${input.year}-01-01`, `${input.year}-12-31`])
          if (spillover.length > 0) q.orWhereIn('date', spillover)
        })
      const existing = await yearDays.clone()
      const before = new Map(existing.map((day) => [day.date, day.kind]))
      await yearDays.clone().delete()
      if (input.days.length > 0) {
        await CalendarDay.createMany(
          input.days.map((day) => ({ calendarId: calendar.id, ...day, source: input.source })),
          { client: trx }
        )
      }
      await CalendarYear.updateOrCreate(
        { calendarId: calendar.id, year: input.year },
        { source: input.source, loadedAt: clock.now() },
        { client: trx }
      )
      calendar.version += 1
      await calendar.save()

      const after = new Map(input.days.map((day) => [day.date, day.kind]))
      const dates = new Set([...before.keys(), ...after.keys()])
      return {
        calendarId: calendar.id,
        year: input.year,
        holidays: input.days.filter((day) => day.kind === 'holiday').length,
        workdays: input.days.filter((day) => day.kind === 'workday').length,
        changedDates: [...dates].filter((date) => before.get(date) !== after.get(date)).sort(),
      }
    })
    await emitter.emit('calendar:schedule_changed', change)
    return change
  }
}
