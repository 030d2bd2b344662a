import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { OverrideKind } from '#clock/index'

/** One dated exception: a statutory holiday, or a weekend made a working day (调休). */
export default class CalendarDay extends BaseModel {
  static table = 'calendar_days'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare calendarId: number

  /** 'yyyy-MM-dd' (see config/database.ts for why it stays a string) */
  @column()
  declare date: string

  @column()
  declare kind: OverrideKind

  @column()
  declare name: string

  /** 'chinese-days' (seed), 'notice' (imported State Council notice) or 'manual' */
  @column()
  declare source: string
}
