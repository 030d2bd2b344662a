import vine from '@vinejs/vine'
import { CALLBACK_RESULTS, REPLY_OUTCOMES } from '#domain/lifecycle/index'
import { existingIdIn } from '#validators/existing_ids'

/**
 * A department's id (lead, assist, or the one an order goes to). Whether it
 * is still active is checked where the ticket is routed, in the transaction
 * that reads the department anyway (TransactionLookups.activeDepartment):
 * 422 on the same field, read at write time rather than before it.
 */
export const knownDepartment = () =>
  vine.number().withoutDecimals().positive().exists(existingIdIn('departments'))

/**
 * The body of POST /api/v1/tickets/:id/actions/:action. Every field is
 * optional here; which ones an action needs is the lifecycle's call (a
 * missing reason answers 422 on `reason`).
 */
export const ticketActionValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(2000).nullable().optional(),
  content: vine.string().trim().minLength(1).maxLength(5000).nullable().optional(),
  comment: vine.string().trim().maxLength(2000).nullable().optional(),
  outcome: vine.enum(REPLY_OUTCOMES).nullable().optional(),
  result: vine.enum(CALLBACK_RESULTS).nullable().optional(),
  callbackRequired: vine.boolean().optional(),
  leadDepartmentId: knownDepartment().nullable().optional(),
  assistDepartmentIds: vine.array(knownDepartment()).maxLength(10).distinct().optional(),
  departmentId: knownDepartment().nullable().optional(),
  requestedWorkingDays: vine.number().withoutDecimals().range([1, 30]).nullable().optional(),
  targetTicketId: vine.number().withoutDecimals().positive().nullable().optional(),
  expectedVersion: vine.number().withoutDecimals().positive().nullable().optional(),
})

export const revealPhoneValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(500),
})
