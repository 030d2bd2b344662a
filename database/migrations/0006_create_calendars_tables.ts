import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Working calendars: weekly windows plus dated overrides (statutory holidays
 * and 调休 working days), and which years' official schedules are loaded.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('calendars', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('zone', 64).notNullable().defaultTo('Asia/Shanghai')
      // [{ weekday: 1..7, start: 'HH:mm', end: 'HH:mm' }]
      table.jsonb('weekly_windows').notNullable()
      // false for 7x24 desks that work through public holidays
      table.boolean('observes_holidays').notNullable().defaultTo(true)
      table.boolean('is_default').notNullable().defaultTo(false)
      // Bumped on every change to the calendar or its days, so processes can
      // cache a built calendar and notice when it is stale.
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX calendars_one_default ON calendars (is_default) WHERE is_default'
    )

    this.schema.createTable('calendar_days', (table) => {
      table.increments('id')
      table
        .integer('calendar_id')
        .notNullable()
        .references('id')
        .inTable('calendars')
        .onDelete('CASCADE')
      table.date('date').notNullable()
      table
        .enu('kind', ['holiday', 'workday'], { useNative: true, enumName: 'calendar_day_kind' })
        .notNullable()
      table.string('name', 50).notNullable()
      // where the row came from: 'chinese-days', 'notice', 'manual'
      table.string('source', 32).notNullable()
      table.unique(['calendar_id', 'date'])
    })

    this.schema.createTable('calendar_years', (table) => {
      table
        .integer('calendar_id')
        .notNullable()
        .references('id')
        .inTable('calendars')
        .onDelete('CASCADE')
      table.smallint('year').notNullable()
      table.string('source', 32).notNullable()
      table.timestamp('loaded_at', { useTz: true }).notNullable()
      table.primary(['calendar_id', 'year'])
    })

    this.schema.alterTable('departments', (table) => {
      table
        .integer('calendar_id')
        .nullable()
        .references('id')
        .inTable('calendars')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('departments', (table) => table.dropColumn('calendar_id'))
    this.schema.dropTable('calendar_years')
    this.schema.dropTable('calendar_days')
    this.schema.raw('DROP TYPE IF EXISTS calendar_day_kind')
    this.schema.dropTable('calendars')
  }
}
