import { DateTime } from 'luxon'
import type { DeadlineNote } from '#actions/tickets/step_deadlines'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Department from '#models/department'

/** One department's part in one round of a ticket: lead 主办 or assist 协办. */
export default class TicketAssignment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ticketId: number

  @column()
  declare round: number

  @column()
  declare departmentId: number

  @column()
  declare role: 'lead' | 'assist'

  @column()
  declare active: boolean

  @column.dateTime()
  declare dispatchedAt: DateTime

  @column.dateTime()
  declare signDueAt: DateTime | null

  @column.dateTime()
  declare signWarnAt: DateTime | null

  @column.dateTime()
  declare signedAt: DateTime | null

  @column()
  declare signedBy: number | null

  @column.dateTime()
  declare returnDueAt: DateTime | null

  @column.dateTime()
  declare returnedAt: DateTime | null

  @column()
  declare returnReason: string | null

  @column.dateTime()
  declare handleDueAt: DateTime | null

  @column.dateTime()
  declare handleWarnAt: DateTime | null

  @column.dateTime()
  declare repliedAt: DateTime | null

  @column()
  declare replyOutcome: 'resolved' | 'explained' | 'unresolvable' | null

  @column()
  declare replyContent: string | null

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare deadlineNotes: Record<string, DeadlineNote>

  @column.dateTime()
  declare signWarnedAt: DateTime | null

  @column.dateTime()
  declare signBreachedAt: DateTime | null

  @column.dateTime()
  declare handleWarnedAt: DateTime | null

  @column.dateTime()
  declare handleBreachedAt: DateTime | null

  @column.dateTime()
  declare signEscalatedAt: DateTime | null

  @column.dateTime()
  declare handleEscalatedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>
}
