import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Ticket from '#models/ticket'
import type { Role } from '#domain/roles'

// The lifecycle decides registration too (operator, admin); this keeps the
// 403 before validation for everyone else.
const INTAKE: readonly Role[] = ['admin', 'operator']
const REPEAT_LOOKUP: readonly Role[] = ['admin', 'operator', 'supervisor']

/**
 * Who may use the ticket endpoints at all. Which tickets a user reaches is
 * TicketBuilder's job; which action fits which state is the lifecycle's.
 */
export default class TicketPolicy extends BasePolicy {
  intake(user: User) {
    return INTAKE.includes(user.role)
  }

  lookupRequester(user: User) {
    return REPEAT_LOOKUP.includes(user.role)
  }

  /**
   * A full number is shown on request, with a reason, and logged. A requester
   * who asked for confidentiality (保密) is visible to the center only.
   */
  revealPhone(user: User, ticket: Ticket) {
    if (user.role === 'auditor') return false
    return (
      !ticket.requesterConfidential ||
      !['department_staff', 'department_leader'].includes(user.role)
    )
  }
}
