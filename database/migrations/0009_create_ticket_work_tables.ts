import { BaseSchema } from '@adonisjs/lucid/schema'

/** What happens to a ticket: assignments per round, callbacks, extensions, urging and supervision. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ticket_assignments', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.smallint('round').notNullable()
      table.integer('department_id').notNullable().references('id').inTable('departments')
      table.string('role', 8).notNullable()
      // false once returned or replaced; history stays
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('dispatched_at', { useTz: true }).notNullable()
      table.timestamp('sign_due_at', { useTz: true }).nullable()
      table.timestamp('sign_warn_at', { useTz: true }).nullable()
      table.timestamp('signed_at', { useTz: true }).nullable()
      table.integer('signed_by').nullable().references('id').inTable('users')
      table.timestamp('return_due_at', { useTz: true }).nullable()
      table.timestamp('returned_at', { useTz: true }).nullable()
      table.text('return_reason').nullable()
      table.timestamp('handle_due_at', { useTz: true }).nullable()
      table.timestamp('handle_warn_at', { useTz: true }).nullable()
      table.timestamp('replied_at', { useTz: true }).nullable()
      table.string('reply_outcome', 16).nullable()
      table.text('reply_content').nullable()
      // { sign: { dueAt, warnAt, text: { 'zh-CN', en }, ... }, handle: {...} }: why each deadline is what it is
      table.jsonb('deadline_notes').notNullable().defaultTo('{}')
      table.timestamp('sign_warned_at', { useTz: true }).nullable()
      table.timestamp('sign_breached_at', { useTz: true }).nullable()
      table.timestamp('handle_warned_at', { useTz: true }).nullable()
      table.timestamp('handle_breached_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['ticket_id', 'round'])
    })
    this.schema.raw(
      `ALTER TABLE ticket_assignments ADD CONSTRAINT ticket_assignments_role_check CHECK (role IN ('lead','assist'))`
    )
    // department lists: "my open work" is a scan of active assignments per department
    this.schema.raw(
      'CREATE INDEX ticket_assignments_department_idx ON ticket_assignments (department_id, ticket_id) WHERE active'
    )
    this.schema.raw(
      "CREATE UNIQUE INDEX ticket_assignments_one_lead ON ticket_assignments (ticket_id, round) WHERE active AND role = 'lead'"
    )

    this.schema.createTable('ticket_callbacks', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.smallint('round').notNullable()
      table.smallint('attempt').notNullable()
      table.string('result', 24).notNullable()
      table.text('comment').nullable()
      table.integer('called_by').nullable().references('id').inTable('users')
      table.timestamp('called_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('extension_requests', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table
        .bigInteger('assignment_id')
        .notNullable()
        .references('id')
        .inTable('ticket_assignments')
        .onDelete('CASCADE')
      table.smallint('round').notNullable()
      table.integer('requested_by').nullable().references('id').inTable('users')
      table.text('reason').notNullable()
      table.smallint('requested_working_days').notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('decided_by').nullable().references('id').inTable('users')
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.text('decision_comment').nullable()
      table.timestamp('new_handle_due_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('supervision_orders', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.string('kind', 16).notNullable() // urge 催办 | supervise 督办
      table.integer('department_id').nullable().references('id').inTable('departments')
      table.integer('issued_by').nullable().references('id').inTable('users')
      table.text('content').notNullable()
      table.timestamp('answer_due_at', { useTz: true }).nullable()
      table.timestamp('answered_at', { useTz: true }).nullable()
      table.text('answer').nullable()
      table.integer('answered_by').nullable().references('id').inTable('users')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['ticket_id'])
    })

    this.schema.createTable('phone_reveals', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('ticket_id')
        .notNullable()
        .references('id')
        .inTable('tickets')
        .onDelete('CASCADE')
      table.integer('user_id').notNullable().references('id').inTable('users')
      table.text('reason').notNullable()
      table.string('ip', 64).nullable()
      table.timestamp('revealed_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    for (const name of [
      'phone_reveals',
      'supervision_orders',
      'extension_requests',
      'ticket_callbacks',
      'ticket_assignments',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
