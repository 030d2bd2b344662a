import db from '@adonisjs/lucid/services/db'
import Ticket from '#models/ticket'
import clock from '#services/clock_service'
import sla from '#services/sla_service'
import { nextTicketCode } from '#services/ticket_codes'
import { tokenize } from '#services/segmenter'
import { encryptPhone, normalizePhone, phoneLookupHash } from '#services/requester_phone'
import { insertRegistered } from '#actions/tickets/register_write'
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
    const [code, policy] = await Promise.all([nextTicketCode(now), sla.policyFor(draft, now)])
    const routed = await db.transaction(async (trx) => {
      const draftRow = new Ticket().merge({
        ...this.columns(draft),
        code,
        status: decision.to,
        slaPolicyId: policy.id,
        registeredBy: actor.id,
        // the application's clock, not the system's (tests and the demo move it)
        createdAt: now,
        updatedAt: now,
      })
      const created = await insertRegistered(
        trx,
        draftRow,
        // jieba tokens, stored in the same INSERT (see app/services/segmenter.ts)
        tokenize(`${draft.title} ${draft.content}`).join(' '),
        {
          ticketId: 0, // the new row's id, filled in by the statement
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
        }
      )
      if (!options.dispatch) return { ticket: created, assignments: [] }
      // 受理即转办: the dispatch takes the one transition path, inside this
      // transaction, so the ticket is never seen registered-but-routed-later.
      return new TransitionTicket()
        .within(trx, { ticket: created, policy }, 'dispatch', actor, {
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
    })
    // After commit, as every transition: the new deadlines' timers. Everything
    // they hang on was just written, so nothing is read back.
    if (options.dispatch)
      await scheduleTicket(routed.ticket, clock.now(), {
        assignments: routed.assignments,
        orders: [],
      }).catch(() => 0)
    const phone = draft.requester.phone
    return { ticket: routed.ticket, requesterPhone: phone ? normalizePhone(phone) : null }
  }

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
    }
  }
}
