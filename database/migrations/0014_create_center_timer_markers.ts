import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Timers for the center's own steps (re-dispatch after a return, review of a
 * reply, callback) and for supervision-order answers. A center step's marker
 * holds the due instant it was marked breached for: a new round or a moved
 * deadline has another instant, so nothing needs resetting. Partial indexes
 * keep the sweeps to running steps.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tickets', (table) => {
      table.timestamp('redispatch_breached_for', { useTz: true }).nullable()
      table.timestamp('review_breached_for', { useTz: true }).nullable()
      table.timestamp('callback_breached_for', { useTz: true }).nullable()
    })
    this.schema.alterTable('supervision_orders', (table) => {
      table.timestamp('answer_breached_at', { useTz: true }).nullable()
    })
    for (const step of ['redispatch', 'review', 'callback']) {
      this.schema.raw(
        `CREATE INDEX tickets_${step}_due_idx ON tickets (${step}_due_at) WHERE ${step}_due_at IS NOT NULL`
      )
    }
    this.schema.raw(`CREATE INDEX supervision_orders_answer_open_idx ON supervision_orders (answer_due_at)
      WHERE answer_due_at IS NOT NULL AND answered_at IS NULL AND answer_breached_at IS NULL`)
  }

  async down() {
    this.schema.alterTable('supervision_orders', (table) => {
      table.dropColumn('answer_breached_at')
    })
    this.schema.alterTable('tickets', (table) => {
      table.dropColumn('redispatch_breached_for')
      table.dropColumn('review_breached_for')
      table.dropColumn('callback_breached_for')
    })
  }
}
