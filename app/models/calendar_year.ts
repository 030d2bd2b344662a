import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A year whose official holiday schedule is loaded into a calendar. */
export default class CalendarYear extends BaseModel {
  static table = 'calendar_years'

  @column({ isPrimary: true })
  declare calendarId: number

  @column({ isPrimary: true })
  declare year: number

  @column()
  declare source: string

  @column.dateTime()
  declare loadedAt: DateTime
}
