import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { MailerContract, MailTransportContract } from '@adonisjs/mail/types'
import env from '#start/env'
import clock from '#services/clock_service'
import { composeLetters, type Letter, type OutboxItem } from '#outbox/letters'

export interface MailBatchInput {
  recipient: string
  windowEnd: number
}

/** Anything that sends a composed message (the app's mailer, a test's own SMTP mailer). */
export type MailSender = Pick<MailerContract<MailTransportContract>, 'send'>

/**
 * Sends a recipient everything queued for them, then marks those rows sent:
 * all alerts in one mail, each daily digest in its own. Rows are claimed
 * first (status `sending`), so a second worker running the same batch finds
 * nothing to send. A failed send puts the unsent rows back to `queued` and
 * throws, so BullMQ retries with backoff; after the last attempt the worker
 * marks them dead (dead_letters.ts). A crash after the SMTP hand-off and
 * before marking leaves them `sending`; they are requeued after a grace
 * period and resent once, with the same Message-ID.
 */
export default class SendMailBatch {
  /** `sender` defaults to the configured mailer, looked up per send so `mail.fake()` applies. */
  constructor(private sender?: MailSender) {}

  async handle(input: MailBatchInput): Promise<number> {
    const items = await this.claim(input.recipient)
    if (items.length === 0) return 0
    const letters = composeLetters(items, env.get('APP_URL'))
    let sent = 0
    for (const [index, letter] of letters.entries()) {
      try {
        await this.send(input.recipient, letter)
      } catch (error) {
        const unsent = letters.slice(index).flatMap((l) => l.ids)
        await db
          .from('outbox_messages')
          .whereIn('id', unsent)
          .update({ status: 'queued', last_error: String(error) })
        throw error
      }
      await db
        .from('outbox_messages')
        .whereIn('id', letter.ids)
        .update({ status: 'sent', sent_at: clock.now().toJSDate(), last_error: null })
      sent += letter.ids.length
    }
    return sent
  }

  /** Only relayed rows: the relay makes each row one address (addressing.ts). */
  private claim(recipient: string): Promise<OutboxItem[]> {
    return db.transaction(async (trx) => {
      const rows = await trx
        .from('outbox_messages')
        .where('topic', 'mail')
        .where('status', 'queued')
        .whereRaw(`payload->'to' @> ?::jsonb`, [JSON.stringify([recipient])])
        .orderBy('id')
        .forUpdate()
        .skipLocked()
      if (rows.length === 0) return []
      await trx
        .from('outbox_messages')
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .update({
          status: 'sending',
          available_at: clock.now().toJSDate(),
          attempts: db.raw('attempts + 1'),
        })
      return rows.map((row) => ({ id: row.id, payload: row.payload }))
    })
  }

  private send(recipient: string, letter: Letter) {
    const sender = this.sender ?? mail.use()
    return sender.send((message) => {
      message
        .to(recipient)
        .subject(letter.subject)
        .header('Message-ID', letter.messageId)
        .htmlView(letter.view, letter.data)
    })
  }
}
