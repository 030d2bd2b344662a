import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('full_name', 100).notNullable()
      table.string('email', 254).notNullable().unique()
      table.string('password').notNullable()
      table
        .enu(
          'role',
          ['admin', 'operator', 'supervisor', 'department_staff', 'department_leader', 'auditor'],
          { useNative: true, enumName: 'user_role' }
        )
        .notNullable()
      table
        .integer('department_id')
        .nullable()
        .references('id')
        .inTable('departments')
        .onDelete('RESTRICT')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['department_id'])
    })
    // Department roles must name their department; center roles must not.
    this.schema.raw(`
      ALTER TABLE users ADD CONSTRAINT users_department_role_check CHECK (
        (role IN ('department_staff', 'department_leader')) = (department_id IS NOT NULL)
      )`)
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS user_role')
  }
}
