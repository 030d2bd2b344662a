import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** 催办 (urge, a reminder) or 督办 (supervise, a formal order with an answer deadline). */
export default class SupervisionOrder extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare kind: 'urge' | 'supervise'

  @column()
  declare departmentId: number | null

  @column()
  declare issuedBy: number | null

  @column()
  declare content: string

  @column.dateTime()
  declare answerDueAt: DateTime | null

  @column.dateTime()
  declare answeredAt: DateTime | null

  @column()
  declare answer: string | null

  /** when the timers found the answer overdue */
  @column.dateTime()
  declare answerBreachedAt: DateTime | null

  @column()
  declare answeredBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
