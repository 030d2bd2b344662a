import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What the timers need: an escalation marker per step (warn and breach
 * markers exist), partial indexes that let the catch-up sweep find points
 * that are due but not marked without scanning finished work, and in-app
 * notifications.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ticket_assignments', (table) => {
      table.timestamp('sign_escalated_at', { useTz: true }).nullable()
      table.timestamp('handle_escalated_at', { useTz: true }).nullable()
    })
    this.schema
      .raw(`CREATE INDEX ticket_assignments_sign_open_idx ON ticket_assignments (sign_due_at)
      WHERE active AND signed_at IS NULL AND sign_escalated_at IS NULL`)
    this.schema
      .raw(`CREATE INDEX ticket_assignments_handle_open_idx ON ticket_assignments (handle_due_at)
      WHERE active AND role = 'lead' AND signed_at IS NOT NULL AND replied_at IS NULL AND handle_escalated_at IS NULL`)

    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table
        .bigInteger('ticket_id')
        .nullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      // one notification per cause and user, however often a timer fires
      table.string('dedupe_key', 200).notNullable()
      table.jsonb('data').notNullable().defaultTo('{}')
      table.timestamp('read_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'dedupe_key'])
    })
    this.schema.raw(
      'CREATE INDEX notifications_unread_idx ON notifications (user_id, id DESC) WHERE read_at IS NULL'
    )
  }

  async down() {
    this.schema.dropTable('notifications')
    this.schema.alterTable('ticket_assignments', (table) => {
      table.dropColumn('sign_escalated_at')
      table.dropColumn('handle_escalated_at')
    })
  }
}
