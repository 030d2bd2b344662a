import type User from '#models/user'
import type { TicketActor } from '#actions/tickets/transition_context'

/** A signed-in user as the lifecycle sees them. */
export function ticketActor(user: User): TicketActor {
  return { id: user.id, role: user.role, departmentId: user.departmentId }
}

/** Timers, and the national platform's intake later. */
export const SYSTEM_ACTOR: TicketActor = { id: null, role: 'system' }
