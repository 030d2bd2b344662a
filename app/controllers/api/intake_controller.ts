import type { HttpContext } from '@adonisjs/core/http'
import IntakeTicket from '#actions/tickets/intake_ticket'
import { hotlineAdapter } from '#domain/intake/adapters/hotline'
import { windowAdapter } from '#domain/intake/adapters/window'
import { onlineAdapter } from '#domain/intake/adapters/online'
import {
  hotlineIntakeValidator,
  onlineIntakeValidator,
  windowIntakeValidator,
} from '#validators/intake'
import { intakeSummary } from '#transformers/ticket_transformer'
import { ticketActor } from '#actions/tickets/ticket_actor'

/** 受理 per channel: each validates its payload and hands it to its adapter. */
export default class IntakeController {
  async hotline({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with('TicketPolicy').authorize('intake')
    const payload = await request.validateUsing(hotlineIntakeValidator)
    const { ticket, requesterPhone } = await new IntakeTicket().handle(
      hotlineAdapter,
      payload,
      ticketActor(auth.getUserOrFail()),
      { dispatch: payload.dispatch }
    )
    return response.created({ data: intakeSummary(ticket, requesterPhone) })
  }

  async window({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with('TicketPolicy').authorize('intake')
    const payload = await request.validateUsing(windowIntakeValidator)
    const { ticket, requesterPhone } = await new IntakeTicket().handle(
      windowAdapter,
      payload,
      ticketActor(auth.getUserOrFail()),
      { dispatch: payload.dispatch }
    )
    return response.created({ data: intakeSummary(ticket, requesterPhone) })
  }

  async online({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with('TicketPolicy').authorize('intake')
    const payload = await request.validateUsing(onlineIntakeValidator)
    const { ticket, requesterPhone } = await new IntakeTicket().handle(
      onlineAdapter,
      payload,
      ticketActor(auth.getUserOrFail()),
      { dispatch: payload.dispatch }
    )
    return response.created({ data: intakeSummary(ticket, requesterPhone) })
  }
}
