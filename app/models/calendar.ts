import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { WeeklyWindow } from '#clock/index'
import CalendarDay from '#models/calendar_day'
import CalendarYear from '#models/calendar_year'

/** A working calendar: weekly windows; its holidays and 调休 are CalendarDays. */
export default class Calendar extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare zone: string

  @column({ prepare: (value: WeeklyWindow[]) => JSON.stringify(value) })
  declare weeklyWindows: WeeklyWindow[]

  @column()
  declare observesHolidays: boolean

  @column()
  declare isDefault: boolean

  @column()
  declare version: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => CalendarDay)
  declare days: HasMany<typeof CalendarDay>

  @hasMany(() => CalendarYear)
  declare years: HasMany<typeof CalendarYear>
}
