import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A machine client (the national platform, later Open311 partners). */
export default class ApiClient extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare keyId: string

  @column({ serializeAs: null })
  declare secretEncrypted: string

  // jsonb: node-pg would otherwise send a JS array as a Postgres array literal.
  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare scopes: string[]

  @column()
  declare isActive: boolean

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
