import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import SlaPolicy from '#models/sla_policy'
import type TicketEvent from '#models/ticket_event'
import clock from '#services/clock_service'
import { StepDeadlines } from '#actions/tickets/step_deadlines'
import { loadSnapshot } from '#actions/tickets/snapshot'
import { appendEvent } from '#actions/tickets/event_log'
import { enqueueOutbox } from '#actions/tickets/outbox'
import { nextDueAt } from '#actions/tickets/next_due'
import { refusalError } from '#actions/tickets/refusal_error'
import { applyEffect } from '#actions/tickets/effects/apply_effect'
import type {
  TicketActor,
  TransitionContext,
  TransitionInput,
} from '#actions/tickets/transition_context'
import { allowedActions, decide, type Action, type PolicyLimits } from '#domain/lifecycle/index'
import { DomainError } from '#exceptions/domain_error'
import { scheduleTicket } from '#timers/schedule_timers'

const MAX_CALLBACK_ATTEMPTS = 3

export interface TransitionResult {
  ticket: Ticket
  event: TicketEvent
  allowedActions: Action[]
}

/**
 * The one path every ticket state change takes (architecture.md):
 * lock the ticket → the pure lifecycle decides → write status, assignments,
 * deadlines (from the clock), the event and the outbox → commit. Two people
 * acting at once are serialised by the row lock; the second sees the new
 * state and gets 409 with what it may do now.
 */
export default class TransitionTicket {
  async handle(ticketId: number, action: Action, actor: TicketActor, input: TransitionInput = {}) {
    const result = await this.transition(ticketId, action, actor, input)
    // After commit: timers for the new deadlines. If Redis is away this adds
    // nothing and the worker's sweep schedules them from PostgreSQL later.
    await scheduleTicket(result.ticket).catch(() => 0)
    return result
  }

  private transition(ticketId: number, action: Action, actor: TicketActor, input: TransitionInput) {
    return db.transaction((trx) => this.within(trx, ticketId, action, actor, input))
  }

  /**
   * The same path inside the caller's transaction (受理即转办: intake and
   * dispatch commit together). The caller commits, then schedules the
   * ticket's timers (scheduleTicket).
   */
  async within(
    trx: TransactionClientContract,
    ticketId: number,
    action: Action,
    actor: TicketActor,
    input: TransitionInput
  ): Promise<TransitionResult> {
    // A merge holds two tickets: lock both in id order, the order timer
    // batches lock tickets in, so the two can never wait on each other.
    const target = action === 'merge' ? Number(input.targetTicketId) : Number.NaN
    if (Number.isSafeInteger(target) && target !== ticketId)
      await trx
        .from('tickets')
        .whereIn('id', [ticketId, target])
        .orderBy('id')
        .forUpdate()
        .select('id')
    const ticket = await Ticket.query({ client: trx }).where('id', ticketId).forUpdate().first()
    if (!ticket) throw new DomainError('E_TICKET_NOT_FOUND', 404)
    const now = clock.now()
    const policy = await SlaPolicy.findOrFail(ticket.slaPolicyId, { client: trx })
    const limits: PolicyLimits = {
      maxExtensionsPerRound: policy.maxExtensionsPerRound,
      maxRedoRounds: policy.maxRedoRounds,
      maxCallbackAttempts: MAX_CALLBACK_ATTEMPTS,
    }
    const { snapshot, assignments } = await loadSnapshot(trx, ticket, actor, now)
    const allowedNow = () => allowedActions(snapshot, actor, limits)
    if (input.expectedVersion && input.expectedVersion !== ticket.version) {
      throw new DomainError('E_STALE_VERSION', 409, {
        data: { status: ticket.status, version: ticket.version, allowedActions: allowedNow() },
      })
    }
    const decision = decide(snapshot, action, actor, input, limits)
    if (!decision.ok) throw refusalError(decision, ticket, allowedNow())

    const context: TransitionContext = {
      trx,
      ticket,
      policy,
      assignments,
      actor,
      input,
      now,
      deadlines: new StepDeadlines(policy, trx),
      payload: {},
      outbox: [],
    }
    for (const effect of decision.effects) await applyEffect(context, effect)
    if (action === 'urge') await applyEffect(context, { type: 'open_supervision_order' }, 'urge')
    if (action === 'assist_input' || action === 'direct_answer')
      context.payload.content = input.content

    ticket.useTransaction(trx)
    ticket.status = decision.to
    ticket.version += 1
    ticket.nextDueAt = await nextDueAt(trx, ticket, context.assignments)
    await ticket.save()
    const event = await appendEvent(trx, {
      ticketId: ticket.id,
      actor: { id: actor.id, role: actor.role },
      action,
      fromStatus: decision.from,
      toStatus: decision.to,
      payload: context.payload,
    })
    await enqueueOutbox(trx, context.outbox)
    const after = await loadSnapshot(trx, ticket, actor, now)
    return { ticket, event, allowedActions: allowedActions(after.snapshot, actor, limits) }
  }
}
