import Ticket from '#models/ticket'
import clock from '#services/clock_service'
import { phoneLookupHash } from '#services/requester_phone'
import { CLOSED_STATUSES } from '#domain/lifecycle/index'

const RECENT_DAYS = 90

/**
 * What an operator needs while a caller is on the line: that number's open
 * tickets and those of the last 90 days, newest first, found through the
 * keyed phone hash (nothing is decrypted to search).
 */
export default class FindRepeatRequester {
  async handle(phone: string) {
    const since = clock.now().minus({ days: RECENT_DAYS })
    const tickets = await Ticket.query()
      .where('requester_phone_hash', phoneLookupHash(phone))
      .where((q) =>
        q.whereNotIn('status', [...CLOSED_STATUSES]).orWhere('created_at', '>=', since.toJSDate())
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
    const open = tickets.filter((t) => !CLOSED_STATUSES.includes(t.status))
    return {
      open,
      recent: tickets.filter((t) => CLOSED_STATUSES.includes(t.status)),
      since: since.toISO(),
    }
  }
}
