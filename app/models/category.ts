import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Department from '#models/department'

/** 事项分类: routing and statistics category, at most three levels deep. */
export default class Category extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare parentId: number | null

  @column({ serializeAs: null })
  declare path: string

  @column()
  declare depth: number

  @column()
  declare defaultDepartmentId: number | null

  @column()
  declare isActive: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Category, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Category>

  @belongsTo(() => Department, { foreignKey: 'defaultDepartmentId' })
  declare defaultDepartment: BelongsTo<typeof Department>
}
