import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { AccessTokenDbColumns } from '@adonisjs/auth/types/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { directQuery } from '#services/direct_sql'
import { columnList } from '#services/model_write'

/** How stale a token's last_used_at may get before a request writes it again. */
export const LAST_USED_AT_RESOLUTION_MS = 60_000

const TOKEN_COLUMNS = [
  'id',
  'tokenable_id',
  'type',
  'name',
  'hash',
  'abilities',
  'created_at',
  'updated_at',
  'last_used_at',
  'expires_at',
] as const

/** A verified token with the row of the user it belongs to (read in the same query). */
export interface VerifiedToken<TokenableModel extends LucidModel> {
  token: AccessToken
  tokenable: InstanceType<TokenableModel>
}

/**
 * The stock database token provider, except that:
 *
 * - `last_used_at` is written at most once a minute per token. Stock, every
 *   authenticated request UPDATEs the token's row: a script sending many
 *   requests on one token queues them all on that row lock, and the column
 *   only ever answers "is this token still in use?", which a minute's
 *   resolution answers as well.
 * - It checks the secret and expiry before writing, so a made-up secret for
 *   a real token id no longer touches the row.
 * - `verifyWithTokenable` reads the token and its user in one query (see
 *   app/services/token_user_provider.ts): every API request needs both.
 */
export class ThrottledAccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async verify(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const verified = await this.verifyWithTokenable(tokenValue)
    return verified?.token ?? null
  }

  #verifyStatement: string | null = null

  /** The token and its user, by token id and type: written once, sent on every request. */
  #statement(tokenableTable: string): string {
    this.#verifyStatement ??= `SELECT ${columnList(this.options.tokenableModel, 'tokenable')}, ${TOKEN_COLUMNS.map((c) => `token.${c} AS token__${c}`).join(', ')}
      FROM ${this.table} AS token JOIN ${tokenableTable} AS tokenable ON tokenable.id = token.tokenable_id
      WHERE token.id = $1 AND token.type = $2`
    return this.#verifyStatement
  }

  async verifyWithTokenable(
    tokenValue: Secret<string>
  ): Promise<VerifiedToken<TokenableModel> | null> {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null

    const model = this.options.tokenableModel
    // the model's client, as getDb() answers it, without building a query to ask
    const db = model.$adapter.modelConstructorClient(model)
    const [row] = await directQuery(db, this.#statement(model.table), [
      decoded.identifier,
      this.type,
    ])
    if (!row) return null

    const tokenRow: Record<string, unknown> = {}
    const tokenableRow: Record<string, unknown> = {}
    for (const [column, value] of Object.entries(row)) {
      if (column.startsWith('token__')) tokenRow[column.slice('token__'.length)] = value
      else tokenableRow[column] = value
    }
    const token = this.dbRowToAccessToken(tokenRow as unknown as AccessTokenDbColumns)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const now = new Date()
    const lastUsedMs = token.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY
    if (now.getTime() - lastUsedMs >= LAST_USED_AT_RESOLUTION_MS) {
      await db.from(this.table).where({ id: token.identifier, type: this.type }).update({
        last_used_at: now,
      })
      token.lastUsedAt = now
    }
    const tokenable = model.$createFromAdapterResult(tokenableRow) as InstanceType<TokenableModel>
    return { token, tokenable }
  }
}
