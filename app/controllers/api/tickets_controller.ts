import type { HttpContext } from '@adonisjs/core/http'
import TicketBuilder from '#builders/ticket_builder'
import TicketAssignment from '#models/ticket_assignment'
import TicketEvent from '#models/ticket_event'
import ListTickets from '#actions/tickets/list_tickets'
import TransitionTicket from '#actions/tickets/transition_ticket'
import RevealPhone from '#actions/tickets/reveal_phone'
import { loadSnapshot } from '#actions/tickets/snapshot'
import { ticketActor } from '#actions/tickets/ticket_actor'
import clock from '#services/clock_service'
import db from '@adonisjs/lucid/services/db'
import { allowedActions, type Action } from '#domain/lifecycle/index'
import { ticketDetail, ticketSummary } from '#transformers/ticket_transformer'
import { ticketListValidator } from '#validators/ticket_list'
import { revealPhoneValidator, ticketActionValidator } from '#validators/ticket_action'

const locale = (ctx: HttpContext) => (ctx.i18n.locale === 'en' ? 'en' : 'zh-CN')

export default class TicketsController {
  async index({ auth, request }: HttpContext) {
    const qs = request.qs()
    // ?status=handling and ?status[]=handling&status[]=replied both work.
    const status = qs.status === undefined ? undefined : [qs.status].flat()
    const filters = await request.validateUsing(ticketListValidator, { data: { ...qs, status } })
    const { rows, meta } = await new ListTickets().handle(auth.getUserOrFail(), filters)
    return { meta, data: rows.map(ticketSummary) }
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const ticket = await TicketBuilder.findVisibleOrFail(user, ctx.params.id)
    const [assignments, events, { snapshot }] = await Promise.all([
      TicketAssignment.query()
        .where('ticket_id', ticket.id)
        .preload('department')
        .orderBy(['round', 'id']),
      TicketEvent.query().where('ticket_id', ticket.id).orderBy('id'),
      loadSnapshot(db.connection(), ticket, ticketActor(user), clock.now()),
    ])
    const actions = allowedActions(snapshot, ticketActor(user))
    return { data: ticketDetail(ticket, assignments, events, actions, locale(ctx)) }
  }

  /** POST /api/v1/tickets/:id/actions/:action: every state change goes through here. */
  async act({ auth, params, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await TicketBuilder.findVisibleOrFail(user, params.id)
    const input = await request.validateUsing(ticketActionValidator)
    const result = await new TransitionTicket().handle(
      ticket.id,
      params.action as Action,
      ticketActor(user),
      input
    )
    return {
      data: ticketSummary(result.ticket),
      version: result.ticket.version,
      event: { id: result.event.id, action: result.event.action, payload: result.event.payload },
      allowedActions: result.allowedActions,
    }
  }

  /** POST /api/v1/tickets/:id/phone: the full number, with a reason, logged. */
  async revealPhone({ auth, bouncer, params, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await TicketBuilder.findVisibleOrFail(user, params.id)
    await bouncer.with('TicketPolicy').authorize('revealPhone', ticket)
    const { reason } = await request.validateUsing(revealPhoneValidator)
    return { data: await new RevealPhone().handle(ticket, user, reason, request.ip()) }
  }
}
