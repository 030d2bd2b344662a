import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Who saw a requester's full phone number, when and why. */
export default class PhoneReveal extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare userId: number

  @column()
  declare reason: string

  @column()
  declare ip: string | null

  @column.dateTime()
  declare revealedAt: DateTime
}
