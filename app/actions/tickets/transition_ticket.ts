import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ticket from '#models/ticket'
import SlaPolicy from '#models/sla_policy'
import type TicketEvent from '#models/ticket_event'
import type TicketAssignment from '#models/ticket_assignment'
import clock from '#services/clock_service'
import { StepDeadlines } from '#actions/tickets/step_deadlines'
import { loadSnapshot, registeredSnapshot } from '#actions/tickets/snapshot'
import { TransactionLookups } from '#actions/tickets/transaction_lookups'
import { writeTransition } from '#actions/tickets/transition_write'
import type { Registration } from '#actions/tickets/register_write'
import { nextDueAt } from '#actions/tickets/next_due'
import { refusalError } from '#actions/tickets/refusal_error'
import { applyEffect } from '#actions/tickets/effects/apply_effect'
import {
  transactionOf,
  type TicketActor,
  type TransitionContext,
  type TransitionInput,
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

/** What a transition changed, before anyone asks what may follow. */
export interface TransitionOutcome {
  ticket: Ticket
  event: TicketEvent
  policy: SlaPolicy
  /** the current round's assignments as they now stand */
  assignments: TicketAssignment[]
}

/**
 * A ticket being registered (受理即转办): not stored yet (its id is
 * allocated), with its policy and what registering it writes. The
 * transition's closing statement inserts it in the state the transition
 * leaves it in, its `register` line before the transition's own.
 */
export interface RegisteredTicket {
  ticket: Ticket
  policy: SlaPolicy
  registration: Registration
}

/**
 * The one path every ticket state change takes (architecture.md):
 * lock the ticket → the pure lifecycle decides → write status, assignments,
 * deadlines (from the clock), the event and the outbox → commit. Two people
 * acting at once are serialised by the row lock; the second sees the new
 * state and gets 409 with what it may do now.
 */
export default class TransitionTicket {
  async handle(
    ticketId: number,
    action: Action,
    actor: TicketActor,
    input: TransitionInput = {}
  ): Promise<TransitionResult> {
    const result = await db.transaction(async (trx) => {
      const outcome = await this.within(trx, ticketId, action, actor, input)
      return { ...outcome, allowedActions: await this.allowedAfter(trx, outcome, actor) }
    })
    // After commit: timers for the new deadlines. If Redis is away this adds
    // nothing and the worker's sweep schedules them from PostgreSQL later.
    await scheduleTicket(result.ticket).catch(() => 0)
    return { ticket: result.ticket, event: result.event, allowedActions: result.allowedActions }
  }

  /**
   * The same path inside the caller's transaction. The caller commits, then
   * schedules the ticket's timers (scheduleTicket).
   *
   * A ticket being registered (受理即转办) is passed as it is, with a plain
   * client: it is not visible to anyone else yet, so there is nothing to
   * lock and nothing hanging off it to read, and the transition's closing
   * statement writes it with everything else, all or nothing, so no
   * transaction is needed around it.
   */
  async within(
    trx: TransactionClientContract,
    subject: number,
    action: Action,
    actor: TicketActor,
    input: TransitionInput
  ): Promise<TransitionOutcome>
  async within(
    client: QueryClientContract,
    subject: RegisteredTicket,
    action: Action,
    actor: TicketActor,
    input: TransitionInput
  ): Promise<TransitionOutcome>
  async within(
    trx: QueryClientContract,
    subject: number | RegisteredTicket,
    action: Action,
    actor: TicketActor,
    input: TransitionInput
  ): Promise<TransitionOutcome> {
    const registered = typeof subject === 'number' ? null : subject
    // Only a dispatch writes nothing before the closing statement (受理即转办).
    if (registered && action !== 'dispatch')
      throw new Error(`a ticket being registered can only be dispatched, not "${action}"`)
    const { ticket, policy } =
      typeof subject === 'number'
        ? await this.lock(transactionOf(trx), subject, action, input)
        : subject
    const now = clock.now()
    const limits = policyLimits(policy)
    const { snapshot, assignments } = registered
      ? registeredSnapshot(ticket)
      : await loadSnapshot(transactionOf(trx), ticket, actor, now)
    const allowedNow = () => allowedActions(snapshot, actor, limits)
    if (input.expectedVersion && input.expectedVersion !== ticket.version) {
      throw new DomainError('E_STALE_VERSION', 409, {
        data: { status: ticket.status, version: ticket.version, allowedActions: allowedNow() },
      })
    }
    const decision = decide(snapshot, action, actor, input, limits)
    if (!decision.ok) throw refusalError(decision, ticket, allowedNow())

    const lookups = new TransactionLookups(trx)
    const context: TransitionContext = {
      trx,
      ticket,
      policy,
      assignments,
      newAssignments: [],
      actor,
      input,
      now,
      deadlines: new StepDeadlines(policy, lookups),
      lookups,
      payload: {},
      outbox: [],
    }
    for (const effect of decision.effects) await applyEffect(context, effect)
    if (action === 'urge') await applyEffect(context, { type: 'open_supervision_order' }, 'urge')
    if (action === 'assist_input' || action === 'direct_answer')
      context.payload.content = input.content

    ticket.status = decision.to
    ticket.version += 1
    // A just-registered ticket has no supervision orders yet.
    ticket.nextDueAt = await nextDueAt(trx, ticket, context.assignments, registered ? [] : null)
    const event = await writeTransition(
      trx,
      ticket,
      {
        ticketId: ticket.id,
        actor: { id: actor.id, role: actor.role },
        action,
        fromStatus: decision.from,
        toStatus: decision.to,
        payload: context.payload,
      },
      context.outbox,
      { assignments: context.newAssignments, registration: registered?.registration }
    )
    return { ticket, event, policy, assignments: context.assignments }
  }

  /** Locks the ticket (and a merge's target, in id order) and reads its policy. */
  private async lock(
    trx: TransactionClientContract,
    ticketId: number,
    action: Action,
    input: TransitionInput
  ): Promise<{ ticket: Ticket; policy: SlaPolicy }> {
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
    const policy = await SlaPolicy.findOrFail(ticket.slaPolicyId, { client: trx })
    return { ticket, policy }
  }

  /** What the actor may do next, read back inside the transaction that changed it. */
  private async allowedAfter(
    trx: TransactionClientContract,
    { ticket, policy }: TransitionOutcome,
    actor: TicketActor
  ) {
    const { snapshot } = await loadSnapshot(trx, ticket, actor, clock.now())
    return allowedActions(snapshot, actor, policyLimits(policy))
  }
}

function policyLimits(policy: SlaPolicy): PolicyLimits {
  return {
    maxExtensionsPerRound: policy.maxExtensionsPerRound,
    maxRedoRounds: policy.maxRedoRounds,
    maxCallbackAttempts: MAX_CALLBACK_ATTEMPTS,
  }
}
