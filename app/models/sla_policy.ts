import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Category from '#models/category'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import type { SlaLimits } from '#domain/sla/steps'

/** One version of the time limits for a (kind, urgency[, channel][, category]) key. */
export default class SlaPolicy extends BaseModel {
  static table = 'sla_policies'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: Kind

  @column()
  declare urgency: Urgency

  @column()
  declare channel: Channel | null

  @column()
  declare categoryId: number | null

  @column({ prepare: (value: SlaLimits) => JSON.stringify(value) })
  declare limits: SlaLimits

  // numeric comes back from node-pg as a string
  @column({ consume: (value: string | number) => Number(value) })
  declare warningRatio: number

  @column()
  declare maxExtensionsPerRound: number

  @column()
  declare maxRedoRounds: number

  @column.dateTime()
  declare effectiveFrom: DateTime

  @column()
  declare createdBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>
}
