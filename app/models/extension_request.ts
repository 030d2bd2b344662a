import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** 延期申请: a lead department asks for more handling time; the center decides. */
export default class ExtensionRequest extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare assignmentId: number

  @column()
  declare round: number

  @column()
  declare requestedBy: number | null

  @column()
  declare reason: string

  @column()
  declare requestedWorkingDays: number

  @column()
  declare status: 'pending' | 'approved' | 'rejected'

  @column()
  declare decidedBy: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decisionComment: string | null

  @column.dateTime()
  declare newHandleDueAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
