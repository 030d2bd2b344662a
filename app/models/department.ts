import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { DepartmentLevel } from '#domain/department_levels'

/** 承办单位: a government unit that handles tickets, in a tree. */
export default class Department extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare level: DepartmentLevel

  @column()
  declare parentId: number | null

  @column({ serializeAs: null })
  declare path: string

  // jsonb: node-pg would otherwise send a JS array as a Postgres array literal.
  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare contactEmails: string[]

  @column()
  declare isActive: boolean

  /** working calendar; null means the default one */
  @column()
  declare calendarId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Department, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Department>

  @hasMany(() => Department, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Department>
}
