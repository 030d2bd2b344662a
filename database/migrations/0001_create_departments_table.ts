import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'departments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 100).notNullable()
      table
        .enu('level', ['province', 'city', 'district', 'street'], {
          useNative: true,
          enumName: 'department_level',
        })
        .notNullable()
      table
        .integer('parent_id')
        .nullable()
        .references('id')
        .inTable('departments')
        .onDelete('RESTRICT')
      // Materialised path, e.g. '/1/5/12/'; see app/domain/tree_path.ts.
      table.string('path', 255).notNullable().defaultTo('/')
      table.jsonb('contact_emails').notNullable().defaultTo('[]')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['parent_id'])
    })
    // text_pattern_ops lets `path LIKE '/1/5/%'` use the index for subtree scoping.
    this.schema.raw('CREATE INDEX departments_path_idx ON departments (path text_pattern_ops)')
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS department_level')
  }
}
