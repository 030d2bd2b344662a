import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type CallbackResult = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable'

/** One 回访 attempt and what the requester said. */
export default class TicketCallback extends BaseModel {
  static table = 'ticket_callbacks'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare round: number

  @column()
  declare attempt: number

  @column()
  declare result: CallbackResult

  @column()
  declare comment: string | null

  @column()
  declare calledBy: number | null

  @column.dateTime()
  declare calledAt: DateTime
}
