import type { HttpContext } from '@adonisjs/core/http'
import FindRepeatRequester from '#actions/tickets/find_repeat_requester'
import { ticketSummary } from '#transformers/ticket_transformer'
import { requesterLookupValidator } from '#validators/ticket_list'

export default class RequestersController {
  /**
   * POST /api/v1/requesters/lookup { phone }: the caller's open and recent
   * tickets. A POST, so the number stays out of URLs and access logs.
   */
  async lookup({ bouncer, request }: HttpContext) {
    await bouncer.with('TicketPolicy').authorize('lookupRequester')
    const { phone } = await request.validateUsing(requesterLookupValidator)
    const found = await new FindRepeatRequester().handle(phone)
    return {
      data: {
        open: found.open.map(ticketSummary),
        recent: found.recent.map(ticketSummary),
        since: found.since,
      },
    }
  }
}
