import { BaseSchema } from '@adonisjs/lucid/schema'

const STEPS = ['redispatch', 'review', 'callback']

/**
 * Timers for the center's own steps (re-dispatch after a return, review of a
 * reply, callback) and for supervision-order answers: a breach marker each,
 * cleared when a new step of the kind starts, so a deadline moved by a
 * resume or a calendar change is not breached twice. Partial indexes keep
 * the sweeps to running, unmarked steps. The catch-up sweep's warning
 * indexes (0012) become "not yet warned" ones: a warned step no longer owes
 * a warning, and long limits warn days ahead, so most running steps are.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tickets', (table) => {
      for (const step of STEPS) table.timestamp(`${step}_breached_at`, { useTz: true }).nullable()
    })
    this.schema.alterTable('supervision_orders', (table) => {
      table.timestamp('answer_breached_at', { useTz: true }).nullable()
    })
    for (const step of STEPS) {
      this.schema.raw(
        `CREATE INDEX tickets_${step}_open_idx ON tickets (${step}_due_at)
         WHERE ${step}_due_at IS NOT NULL AND ${step}_breached_at IS NULL`
      )
    }
    this.schema
      .raw(`CREATE INDEX supervision_orders_answer_open_idx ON supervision_orders (answer_due_at)
      WHERE answer_due_at IS NOT NULL AND answered_at IS NULL AND answer_breached_at IS NULL`)

    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_sign_warn_open_idx')
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_handle_warn_open_idx')
    this.schema
      .raw(`CREATE INDEX ticket_assignments_sign_warn_pending_idx ON ticket_assignments (sign_warn_at)
      WHERE active AND signed_at IS NULL AND sign_warned_at IS NULL AND sign_escalated_at IS NULL`)
    this.schema
      .raw(`CREATE INDEX ticket_assignments_handle_warn_pending_idx ON ticket_assignments (handle_warn_at)
      WHERE active AND role = 'lead' AND signed_at IS NOT NULL AND replied_at IS NULL
        AND handle_warned_at IS NULL AND handle_escalated_at IS NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_sign_warn_pending_idx')
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_handle_warn_pending_idx')
    this.schema
      .raw(`CREATE INDEX ticket_assignments_sign_warn_open_idx ON ticket_assignments (sign_warn_at)
      WHERE active AND signed_at IS NULL AND sign_escalated_at IS NULL`)
    this.schema
      .raw(`CREATE INDEX ticket_assignments_handle_warn_open_idx ON ticket_assignments (handle_warn_at)
      WHERE active AND role = 'lead' AND signed_at IS NOT NULL AND replied_at IS NULL AND handle_escalated_at IS NULL`)
    this.schema.alterTable('supervision_orders', (table) => {
      table.dropColumn('answer_breached_at')
    })
    this.schema.alterTable('tickets', (table) => {
      for (const step of STEPS) table.dropColumn(`${step}_breached_at`)
    })
  }
}
