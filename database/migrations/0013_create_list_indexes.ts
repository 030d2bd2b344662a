import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes measured with bench:lists on 1,000,000 tickets:
 * - a department reaches tickets it was ever assigned (returned, earlier
 *   rounds), so its scope cannot use the partial "active" index; a plain
 *   (department_id, ticket_id) index makes the scope an index-only probe;
 * - "due soonest" and "overdue" filter on the open statuses exactly, so the
 *   partial index names them (a NOT IN predicate was never matched).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_department_idx')
    this.schema.raw(
      'CREATE INDEX ticket_assignments_department_ticket_idx ON ticket_assignments (department_id, ticket_id)'
    )
    this.schema.raw('DROP INDEX IF EXISTS tickets_open_due_idx')
    this.schema.raw(`CREATE INDEX IF NOT EXISTS tickets_open_due_idx ON tickets (next_due_at, id)
      WHERE status IN ('registered','dispatched','handling','replied','callback','returned')`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS tickets_open_due_idx')
    this.schema.raw(
      `CREATE INDEX tickets_open_due_idx ON tickets (next_due_at) WHERE status NOT IN ('closed','merged')`
    )
    this.schema.raw('DROP INDEX IF EXISTS ticket_assignments_department_ticket_idx')
    this.schema.raw(
      'CREATE INDEX ticket_assignments_department_idx ON ticket_assignments (department_id, ticket_id) WHERE active'
    )
  }
}
