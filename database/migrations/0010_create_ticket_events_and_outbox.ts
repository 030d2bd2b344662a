import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The event log (append-only: the database itself refuses to change or delete
 * a row) and the outbox of messages that must leave the system, written in
 * the same transaction as the change that causes them.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ticket_events', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.integer('actor_id').nullable().references('id').inTable('users')
      table.string('actor_role', 24).notNullable()
      table.string('action', 32).notNullable()
      table.string('from_status', 16).nullable()
      table.string('to_status', 16).nullable()
      table.jsonb('payload').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['ticket_id', 'id'])
    })
    this.schema.raw(`
      CREATE FUNCTION ticket_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_events is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$ LANGUAGE plpgsql`)
    this.schema.raw(`
      CREATE TRIGGER ticket_events_no_update_delete
      BEFORE UPDATE OR DELETE ON ticket_events
      FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only()`)
    // TRUNCATE bypasses row triggers; refuse it too (tests roll back instead).
    this.schema.raw(`
      CREATE TRIGGER ticket_events_no_truncate
      BEFORE TRUNCATE ON ticket_events
      FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_append_only()`)

    this.schema.createTable('outbox_messages', (table) => {
      table.bigIncrements('id')
      table.string('topic', 32).notNullable() // 'mail', 'national_result', ...
      // one message per cause: a retried transaction or relay never sends twice
      table.string('dedupe_key', 200).notNullable().unique()
      table.jsonb('payload').notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.smallint('attempts').notNullable().defaultTo(0)
      table.timestamp('available_at', { useTz: true }).notNullable()
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      `CREATE INDEX outbox_pending_idx ON outbox_messages (available_at) WHERE status = 'pending'`
    )
  }

  async down() {
    this.schema.dropTable('outbox_messages')
    this.schema.dropTable('ticket_events')
    this.schema.raw('DROP FUNCTION IF EXISTS ticket_events_append_only')
  }
}
