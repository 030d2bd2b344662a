import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One line of a ticket's event log. Append-only: the database refuses UPDATE and DELETE. */
export default class TicketEvent extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare actorId: number | null

  @column()
  declare actorRole: string

  @column()
  declare action: string

  @column()
  declare fromStatus: string | null

  @column()
  declare toStatus: string | null

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare payload: Record<string, unknown>

  @column.dateTime()
  declare createdAt: DateTime
}
