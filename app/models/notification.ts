import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An in-app notice for one user (deadline warnings, breaches, escalations). */
export default class Notification extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare ticketId: number | null

  @column()
  declare kind: string

  @column()
  declare dedupeKey: string

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare data: Record<string, unknown>

  @column.dateTime()
  declare readAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
