import db from '@adonisjs/lucid/services/db'

/**
 * After a batch's last attempt failed: the recipient's rows that batch tried
 * (queued again, attempted at least once) become dead letters for an admin to
 * look at. Rows not tried yet belong to a later batch and keep their chance;
 * rows `sending` belong to a batch running right now.
 */
export async function markBatchDead(recipient: string): Promise<number> {
  const result = await db
    .from('outbox_messages')
    .where('topic', 'mail')
    .where('status', 'queued')
    .where('attempts', '>', 0)
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
