import db from '@adonisjs/lucid/services/db'
import Ticket from '#models/ticket'
import type User from '#models/user'
import { reachOf } from '#builders/department_reach'
import { whereDepartmentWithin } from '#builders/department_reach'
import { DomainError } from '#exceptions/domain_error'

/**
 * Ticket reads. A department user reaches the tickets that are or were
 * assigned to a department in their reach (lead or assist, any round); the
 * center sees all. The scope is part of the SQL, never a filter in a view.
 */
export default class TicketBuilder {
  static visibleTo(user: User) {
    const reach = reachOf(user)
    const query = Ticket.query()
    if (reach.kind === 'all') return query
    return query.whereExists(
      whereDepartmentWithin(
        db
          .from('ticket_assignments as ta')
          .select(db.raw('1'))
          .whereColumn('ta.ticket_id', 'tickets.id'),
        'ta.department_id',
        reach
      )
    )
  }

  static async findVisibleOrFail(user: User, id: number): Promise<Ticket> {
    const ticket = await this.visibleTo(user).where('tickets.id', id).first()
    if (!ticket) throw new DomainError('E_TICKET_NOT_FOUND', 404)
    return ticket
  }
}
