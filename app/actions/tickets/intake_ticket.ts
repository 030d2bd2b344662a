import db from '@adonisjs/lucid/services/db'
import Ticket from '#models/ticket'
import clock from '#services/clock_service'
import { intakePrelude } from '#actions/tickets/intake_prelude'
import { tokenize } from '#services/segmenter'
import { encryptPhone, normalizePhone, phoneLookupHash } from '#services/requester_phone'
import { insertRegistered, type Registration } from '#actions/tickets/register_write'
import type { TicketActor } from '#actions/tickets/transition_context'
import type { ChannelAdapter, TicketDraft } from '#domain/intake/ticket_draft'
import { decideRegistration } from '#domain/lifecycle/index'
import { refusalError } from '#actions/tickets/refusal_error'
import TransitionTicket from '#actions/tickets/transition_ticket'
import { DomainError } from '#exceptions/domain_error'
import { scheduleTicket } from '#timers/schedule_timers'

/** Where an intake is routed at once (受理即转办). */
export interface IntakeDispatch {
  leadDepartmentId: number
  assistDepartmentIds?: number[]
}

export interface IntakeResult {
  ticket: Ticket
  /** the requester's number as stored (normalised), in clear: the answer masks it without decrypting */
  requesterPhone: string | null
}

/**
 * 受理: turns a channel's payload into a registered ticket, with its event.
 * The SLA policy is fixed now, at intake: later policy edits never change
 * this ticket's limits.
 */
export default class IntakeTicket {
  async handle<P>(
    adapter: ChannelAdapter<P>,
    payload: P,
    actor: TicketActor,
    options: { dispatch?: IntakeDispatch } = {}
  ): Promise<IntakeResult> {
    const decision = decideRegistration(actor)
    if (!decision.ok) throw refusalError(decision, null)
    const draft = adapter.toDraft(payload)
    const now = clock.now()
    const { id, code, policy } = await intakePrelude(draft, now)
    const ticket = new Ticket().merge({
      ...this.columns(draft),
      id,
      code,
      status: decision.to,
      slaPolicyId: policy.id,
      registeredBy: actor.id,
      // the application's clock, not the system's (tests and the demo move it)
      createdAt: now,
      updatedAt: now,
    })
    const registration: Registration = {
      // jieba tokens, stored in the same INSERT (see app/services/segmenter.ts)
      searchTokens: tokenize(`${draft.title} ${draft.content}`).join(' '),
      register: {
        ticketId: id,
        actor: { id: actor.id, role: actor.role },
        action: 'register',
        fromStatus: null,
        toStatus: decision.to,
        payload: {
          channel: draft.channel,
          kind: draft.kind,
          urgency: draft.urgency,
          slaPolicyId: policy.id,
        },
      },
    }
    const phone = draft.requester.phone
    const requesterPhone = phone ? normalizePhone(phone) : null
    // One statement: nothing to wrap in a transaction.
    if (!options.dispatch) {
      await insertRegistered(db.connection(), ticket, registration)
      return { ticket, requesterPhone }
    }
    // 受理即转办: the dispatch takes the one transition path, and its closing
    // statement writes the ticket too (all or nothing), so it is never seen
    // registered but not yet routed.
    const routed = await new TransitionTicket()
      .within(db.connection(), { ticket, policy, registration }, 'dispatch', actor, {
        leadDepartmentId: options.dispatch.leadDepartmentId,
        assistDepartmentIds: options.dispatch.assistDepartmentIds ?? [],
      })
      .catch((error: unknown) => {
        // The dispatch's fields sit under `dispatch` in the intake's body.
        if (!(error instanceof DomainError) || !error.details.field) throw error
        const named = new DomainError(error.code!, error.status, {
          ...error.details,
          field: `dispatch.${error.details.field}`,
        })
        named.cause = error
        throw named
      })
    // After the write, as every transition: the new deadlines' timers. Everything
    // they hang on was just written, so nothing is read back.
    await scheduleTicket(routed.ticket, clock.now(), {
      assignments: routed.assignments,
      orders: [],
    }).catch(() => 0)
    return { ticket: routed.ticket, requesterPhone }
  }

  /**
   * Every column of a new ticket: what the draft says, and the rest as a
   * ticket starts (no deadline running, nothing merged, suspended or
   * closed). Explicit, because the transition that may follow works on
   * this model before anything is read back from the database.
   */
  private columns(draft: TicketDraft) {
    const phone = draft.requester.phone
    return {
      channel: draft.channel,
      kind: draft.kind,
      urgency: draft.urgency,
      categoryId: draft.categoryId,
      title: draft.title,
      content: draft.content,
      address: draft.address,
      areaDepartmentId: draft.areaDepartmentId,
      requesterName: draft.requester.name,
      requesterPhoneEncrypted: phone ? encryptPhone(phone) : null,
      requesterPhoneHash: phone ? phoneLookupHash(phone) : null,
      requesterConfidential: draft.requester.confidential,
      contactPreference: draft.requester.contactPreference,
      channelData: draft.channelData,
      round: 1,
      version: 1,
      statusBeforeSuspend: null,
      mergedIntoId: null,
      redispatchDueAt: null,
      reviewDueAt: null,
      callbackDueAt: null,
      nextDueAt: null,
      redispatchBreachedAt: null,
      reviewBreachedAt: null,
      callbackBreachedAt: null,
      calendarIncomplete: false,
      deadlineNotes: {},
      escalatedAt: null,
      closeReason: null,
      closedAt: null,
    }
  }
}
