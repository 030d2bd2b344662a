import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One ticket per request, whatever the channel. Deadlines that belong to the
 * ticket as a whole live here; per-department ones live on assignments.
 * `next_due_at` is the earliest open deadline of either kind, kept current by
 * the transition path, so "due soonest" and "overdue" lists are one index scan.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ticket_code_counters', (table) => {
      table.date('day').primary()
      table.integer('last').notNullable()
    })

    this.schema.createTable('tickets', (table) => {
      table.bigIncrements('id')
      table.string('code', 20).notNullable().unique()
      table.string('channel', 16).notNullable()
      table.string('kind', 16).notNullable()
      table.string('urgency', 16).notNullable()
      table
        .integer('category_id')
        .nullable()
        .references('id')
        .inTable('categories')
        .onDelete('SET NULL')
      table.string('title', 200).notNullable()
      table.text('content').notNullable()
      table.string('address', 255).nullable()
      // district (县区) department the place belongs to, for routing and statistics
      table
        .integer('area_department_id')
        .nullable()
        .references('id')
        .inTable('departments')
        .onDelete('SET NULL')
      table.string('requester_name', 100).nullable()
      table.text('requester_phone_encrypted').nullable()
      // HMAC of the normalised number: finds repeat callers without decrypting
      table.string('requester_phone_hash', 64).nullable()
      table.boolean('requester_confidential').notNullable().defaultTo(false)
      table.string('contact_preference', 16).notNullable().defaultTo('phone')
      table.string('status', 16).notNullable()
      table.string('status_before_suspend', 16).nullable()
      table.smallint('round').notNullable().defaultTo(1)
      table.integer('version').notNullable().defaultTo(1)
      table.jsonb('channel_data').notNullable().defaultTo('{}')
      table
        .bigInteger('merged_into_id')
        .nullable()
        .references('id')
        .inTable('tickets')
        .onDelete('SET NULL')
      table
        .integer('sla_policy_id')
        .nullable()
        .references('id')
        .inTable('sla_policies')
        .onDelete('SET NULL')
      table.timestamp('redispatch_due_at', { useTz: true }).nullable()
      table.timestamp('review_due_at', { useTz: true }).nullable()
      table.timestamp('callback_due_at', { useTz: true }).nullable()
      table.timestamp('next_due_at', { useTz: true }).nullable()
      table.boolean('calendar_incomplete').notNullable().defaultTo(false)
      // { review: { dueAt, warnAt, text: { 'zh-CN', en }, ... }, ... } for the ticket-level deadlines
      table.jsonb('deadline_notes').notNullable().defaultTo('{}')
      table.timestamp('escalated_at', { useTz: true }).nullable()
      table.string('close_reason', 32).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table
        .integer('registered_by')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      // jieba tokens of title + content, 'simple' configuration (see architecture.md)
      table.specificType('search_vector', 'tsvector').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (status IN
      ('registered','dispatched','handling','replied','callback','closed','returned','suspended','merged'))`)
    this.schema.raw(`ALTER TABLE tickets ADD CONSTRAINT tickets_channel_check CHECK (channel IN
      ('hotline','window','online','national','media','other'))`)
    this.schema.raw(`ALTER TABLE tickets ADD CONSTRAINT tickets_kind_check CHECK (kind IN
      ('consultation','help','complaint','report','suggestion','praise'))`)
    this.schema.raw(
      `ALTER TABLE tickets ADD CONSTRAINT tickets_urgency_check CHECK (urgency IN ('normal','urgent'))`
    )
    this.schema.raw('CREATE INDEX tickets_search_idx ON tickets USING GIN (search_vector)')
    this.schema.raw(
      'CREATE INDEX tickets_phone_hash_idx ON tickets (requester_phone_hash, created_at DESC)'
    )
    this.schema.raw('CREATE INDEX tickets_created_idx ON tickets (created_at DESC)')
    this.schema.raw(`CREATE INDEX tickets_open_due_idx ON tickets (next_due_at)
      WHERE status NOT IN ('closed','merged')`)
    this.schema.raw('CREATE INDEX tickets_status_idx ON tickets (status, created_at DESC)')
  }

  async down() {
    this.schema.dropTable('tickets')
    this.schema.dropTable('ticket_code_counters')
  }
}
