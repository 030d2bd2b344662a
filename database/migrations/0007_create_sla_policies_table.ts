import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Time limits per ticket kind and urgency, optionally narrowed to a channel
 * and/or a category (most specific match wins). Rows are versioned by
 * `effective_from`: an edit adds a row, so deadlines already set keep the
 * policy they were computed from.
 */
export default class extends BaseSchema {
  protected tableName = 'sla_policies'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('kind', 32).notNullable()
      table.string('urgency', 16).notNullable()
      table.string('channel', 32).nullable()
      table
        .integer('category_id')
        .nullable()
        .references('id')
        .inTable('categories')
        .onDelete('CASCADE')
      // { sign: { amount, unit }, return_window: {...}, ... } see app/domain/sla/steps.ts
      table.jsonb('limits').notNullable()
      table.decimal('warning_ratio', 4, 3).notNullable().defaultTo(0.75)
      table.smallint('max_extensions_per_round').notNullable().defaultTo(1)
      table.smallint('max_redo_rounds').notNullable().defaultTo(2)
      table.timestamp('effective_from', { useTz: true }).notNullable()
      table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['kind', 'urgency', 'effective_from'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
