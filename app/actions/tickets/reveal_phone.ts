import type Ticket from '#models/ticket'
import type User from '#models/user'
import PhoneReveal from '#models/phone_reveal'
import clock from '#services/clock_service'
import { decryptPhone } from '#services/requester_phone'

/** Shows a requester's full number and records who saw it, when and why. */
export default class RevealPhone {
  async handle(ticket: Ticket, user: User, reason: string, ip: string | null) {
    const phone = ticket.requesterPhoneEncrypted
      ? decryptPhone(ticket.requesterPhoneEncrypted)
      : null
    const reveal = await PhoneReveal.create({
      ticketId: ticket.id,
      userId: user.id,
      reason,
      ip,
      revealedAt: clock.now(),
    })
    return { phone, revealId: reveal.id, revealedAt: reveal.revealedAt.toISO() }
  }
}
