import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The horizon sweep asks for running steps whose warning instant has come
 * near, not only their due instant: a long limit warns days before it is
 * due. These partial indexes match the ones on the due instants (0011).
 * The outbox's in-flight rows (queued for a batch, or being sent) are looked
 * at every few seconds (requeueStuck, the batch claim) while sent rows pile
 * up, so they get a partial index of their own.
 */
export default class extends BaseSchema {
  async up() {
    this.schema
      .raw(`CREATE INDEX IF NOT EXISTS ticket_assignments_sign_warn_open_idx ON ticket_assignments (sign_warn_at)
      WHERE active AND signed_at IS NULL AND sign_escalated_at IS NULL`)
    this.schema
      .raw(`CREATE INDEX IF NOT EXISTS ticket_assignments_handle_warn_open_idx ON ticket_assignments (handle_warn_at)
      WHERE active AND role = 'lead' AND signed_at IS NOT NULL AND replied_at IS NULL AND handle_escalated_at IS NULL`)
    this.schema
      .raw(`CREATE INDEX IF NOT EXISTS outbox_in_flight_idx ON outbox_messages (status, available_at)
      WHERE status IN ('queued', 'sending')`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS outbox_in_flight_idx')
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_handle_warn_open_idx')
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_sign_warn_open_idx')
  }
}
