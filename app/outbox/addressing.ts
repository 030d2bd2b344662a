import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import type { Role } from '#domain/roles'

/**
 * The addresses of a mail row: its `to`, or, for a row addressed to a role
 * (an escalation is written as `role: 'supervisor'`, since whoever holds the
 * role when it is sent should get it), the active holders of that role.
 */
export async function addressesOf(
  trx: TransactionClientContract,
  payload: Record<string, unknown>
): Promise<string[]> {
  if (Array.isArray(payload.to)) return payload.to.filter((to) => typeof to === 'string')
  if (typeof payload.role !== 'string') return []
  const holders = await User.query({ client: trx })
    .where({ role: payload.role as Role, isActive: true })
    .orderBy('id')
  return holders.map((user) => user.email)
}

interface MailRow {
  id: number
  dedupe_key: string
  payload: Record<string, unknown>
  created_at: Date
}

/**
 * Makes a mail row one delivery: the row keeps the first address and each
 * other address gets its own row (same payload, a dedupe key derived from
 * the row's), already queued for the batch being relayed. A row shared by
 * several addresses would otherwise be marked sent by the first recipient's
 * batch, and the others would never get it.
 */
export async function oneRowPerAddress(
  trx: TransactionClientContract,
  row: MailRow,
  to: string[],
  windowEnd: Date
): Promise<void> {
  const [first, ...others] = to
  if (others.length === 0 && Array.isArray(row.payload.to)) return
  await trx
    .from('outbox_messages')
    .where('id', row.id)
    .update({ payload: JSON.stringify({ ...row.payload, to: [first] }) })
  if (others.length === 0) return
  await trx
    .insertQuery()
    .table('outbox_messages')
    .insert(
      others.map((address) => ({
        topic: 'mail',
        dedupe_key: `${row.dedupe_key}>${address}`,
        payload: JSON.stringify({ ...row.payload, to: [address] }),
        status: 'queued',
        attempts: 0,
        available_at: windowEnd,
        created_at: row.created_at,
      }))
    )
    .knexQuery.onConflict('dedupe_key')
    .ignore()
}
