import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A message that must leave the system, written with the change that causes it. */
export default class OutboxMessage extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare topic: string

  @column()
  declare dedupeKey: string

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare payload: Record<string, unknown>

  @column()
  declare status: 'pending' | 'sent' | 'failed' | 'dead'

  @column()
  declare attempts: number

  @column.dateTime()
  declare availableAt: DateTime

  @column.dateTime()
  declare sentAt: DateTime | null

  @column()
  declare lastError: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
