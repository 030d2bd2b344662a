import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'categories'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 100).notNullable()
      table
        .integer('parent_id')
        .nullable()
        .references('id')
        .inTable('categories')
        .onDelete('RESTRICT')
      table.string('path', 255).notNullable().defaultTo('/')
      // 1, 2 or 3: the tree is at most three levels deep (GB/T 39666 style).
      table.smallint('depth').notNullable().defaultTo(1)
      table
        .integer('default_department_id')
        .nullable()
        .references('id')
        .inTable('departments')
        .onDelete('SET NULL')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['parent_id'])
    })
    this.schema.raw(
      'ALTER TABLE categories ADD CONSTRAINT categories_depth_check CHECK (depth BETWEEN 1 AND 3)'
    )
    this.schema.raw('CREATE INDEX categories_path_idx ON categories (path text_pattern_ops)')
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
