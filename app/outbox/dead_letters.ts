import db from '@adonisjs/lucid/services/db'

/** After the last retry: the recipient's queued mails become dead letters for an admin to look at. */
export async function markBatchDead(recipient: string): Promise<number> {
  const result = await db
    .from('outbox_messages')
    .where('topic', 'mail')
    .whereIn('status', ['queued', 'sending'])
    .whereRaw(`payload->'to' @> ?::jsonb`, [JSON.stringify([recipient])])
    .update({ status: 'dead' })
  return Number(result)
}

/** `node ace outbox:retry`: dead letters go back to pending, with their attempts reset. */
export async function retryDeadLetters(): Promise<number> {
  const result = await db
    .from('outbox_messages')
    .where('status', 'dead')
    .update({ status: 'pending', attempts: 0 })
  return Number(result)
}
