import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import clock from '#services/clock_service'

export interface MailBatchInput {
  recipient: string
  windowEnd: number
}

interface AlertItem {
  id: number
  dedupeKey: string
  payload: Record<string, any>
}

/**
 * Sends one mail to a recipient with every queued alert for them, then marks
 * those rows sent. Rows are claimed first (status `sending`), so a second
 * worker running the same batch finds nothing to send. A crash after the SMTP
 * hand-off and before marking leaves them `sending`; they are requeued after
 * a grace period and resent once, with the same Message-ID for dedupe.
 */
export default class SendMailBatch {
  async handle(input: MailBatchInput): Promise<number> {
    const items: AlertItem[] = await db.transaction(async (trx) => {
      const rows = await trx
        .from('outbox_messages')
        .where('topic', 'mail')
        .whereIn('status', ['queued', 'pending'])
        .whereRaw(`payload->'to' @> ?::jsonb`, [JSON.stringify([input.recipient])])
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
      return rows.map((row) => ({ id: row.id, dedupeKey: row.dedupe_key, payload: row.payload }))
    })
    if (items.length === 0) return 0
    try {
      await mail.send((message) => {
        message
          .to(input.recipient)
          .subject(items.length === 1 ? subjectOf(items[0]) : `【12345】${items.length} 条工单提醒`)
          .header('Message-ID', `<${items.map((i) => i.id).join('.')}.${input.windowEnd}@jiesu>`)
          .htmlView('emails/ticket_alerts', {
            items: items.map((i) => i.payload),
            appUrl: env.get('APP_URL'),
          })
      })
    } catch (error) {
      await db
        .from('outbox_messages')
        .whereIn(
          'id',
          items.map((i) => i.id)
        )
        .update({ status: 'queued', last_error: String(error) })
      throw error
    }
    await db
      .from('outbox_messages')
      .whereIn(
        'id',
        items.map((i) => i.id)
      )
      .update({ status: 'sent', sent_at: clock.now().toJSDate() })
    return items.length
  }
}

const SUBJECTS: Record<string, string> = {
  dispatch: '新派工单',
  urge: '催办',
  supervise: '督办',
  escalate: '工单升级',
  deadline_warned: '时限预警',
  deadline_breached: '已超期',
  deadline_escalated: '超期升级',
}

function subjectOf(item: AlertItem): string {
  return `【12345】${SUBJECTS[item.payload.kind] ?? '工单提醒'} ${item.payload.code ?? ''}`.trim()
}
