import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'

/** How stale a token's last_used_at may get before a request writes it again. */
export const LAST_USED_AT_RESOLUTION_MS = 60_000

/**
 * The stock database token provider, except that `last_used_at` is written
 * at most once a minute per token. Stock, every authenticated request
 * UPDATEs the token's row: a script sending many requests on one token
 * queues them all on that row lock, and the column only ever answers "is
 * this token still in use?", which a minute's resolution answers as well.
 *
 * It also checks the secret and expiry before writing, so a made-up secret
 * for a real token id no longer touches the row.
 */
export class ThrottledAccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async verify(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null

    const db = await this.getDb()
    const row = await db
      .query()
      .from(this.table)
      .where({ id: decoded.identifier, type: this.type })
      .first()
    if (!row) return null

    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const now = new Date()
    const lastUsedMs = token.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY
    if (now.getTime() - lastUsedMs >= LAST_USED_AT_RESOLUTION_MS) {
      await db.from(this.table).where({ id: row.id, type: row.type }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
