import { DateTime } from 'luxon'
import type { DeadlineNote } from '#actions/tickets/step_deadlines'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Category from '#models/category'
import Department from '#models/department'
import TicketAssignment from '#models/ticket_assignment'
import TicketEvent from '#models/ticket_event'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import type { Status } from '#domain/lifecycle/index'
import type { ChannelData, ContactPreference } from '#domain/intake/channel_data'

const json = { prepare: (value: unknown) => JSON.stringify(value) }

/** 工单: one request from any channel. State changes only through TransitionTicket. */
export default class Ticket extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare channel: Channel

  @column()
  declare kind: Kind

  @column()
  declare urgency: Urgency

  @column()
  declare categoryId: number | null

  @column()
  declare title: string

  @column()
  declare content: string

  @column()
  declare address: string | null

  @column()
  declare areaDepartmentId: number | null

  @column()
  declare requesterName: string | null

  @column({ serializeAs: null })
  declare requesterPhoneEncrypted: string | null

  @column({ serializeAs: null })
  declare requesterPhoneHash: string | null

  @column()
  declare requesterConfidential: boolean

  @column()
  declare contactPreference: ContactPreference

  @column()
  declare status: Status

  @column()
  declare statusBeforeSuspend: Status | null

  @column()
  declare round: number

  @column()
  declare version: number

  @column(json)
  declare channelData: ChannelData

  @column()
  declare mergedIntoId: number | null

  @column()
  declare slaPolicyId: number | null

  @column.dateTime()
  declare redispatchDueAt: DateTime | null

  @column.dateTime()
  declare reviewDueAt: DateTime | null

  @column.dateTime()
  declare callbackDueAt: DateTime | null

  @column.dateTime()
  declare nextDueAt: DateTime | null

  /** when the timers marked the running center step breached (cleared when a new one starts) */
  @column.dateTime()
  declare redispatchBreachedAt: DateTime | null

  @column.dateTime()
  declare reviewBreachedAt: DateTime | null

  @column.dateTime()
  declare callbackBreachedAt: DateTime | null

  @column()
  declare calendarIncomplete: boolean

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare deadlineNotes: Record<string, DeadlineNote>

  @column.dateTime()
  declare escalatedAt: DateTime | null

  @column()
  declare closeReason: string | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column()
  declare registeredBy: number | null

  @column({ serializeAs: null })
  declare searchVector: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  @belongsTo(() => Department, { foreignKey: 'areaDepartmentId' })
  declare areaDepartment: BelongsTo<typeof Department>

  @hasMany(() => TicketAssignment)
  declare assignments: HasMany<typeof TicketAssignment>

  @hasMany(() => TicketEvent)
  declare events: HasMany<typeof TicketEvent>
}
