import { AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type User from '#models/user'
import type { ThrottledAccessTokensProvider } from '#services/throttled_access_tokens'

/**
 * The stock tokens user provider, except that the user the guard asks for
 * right after verifying a token comes from the same query as the token
 * (ThrottledAccessTokensProvider.verifyWithTokenable): one query per API
 * request instead of two.
 *
 * The guard calls verifyToken then findById(token.tokenableId) in one flow;
 * the user is handed over through `#verified` and taken out at once. When
 * two requests of one user interleave, either row read serves both: they are
 * the same user read milliseconds apart. A miss reads the user as stock.
 */
/** How old a handed-over user row may be (the guard asks for it right after). */
const HANDOFF_MS = 1000

export class TokenUserProvider extends AccessTokensLucidUserProvider<'accessTokens', typeof User> {
  #verified = new Map<unknown, { user: User; at: number }>()

  async verifyToken(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const tokens = (await this.getTokensProvider()) as ThrottledAccessTokensProvider<typeof User>
    const verified = await tokens.verifyWithTokenable(tokenValue)
    if (!verified) return null
    // Bounded even if a caller verifies without asking for the user after.
    if (this.#verified.size > 1000) this.#verified.clear()
    this.#verified.set(verified.token.tokenableId, { user: verified.tokenable, at: Date.now() })
    return verified.token
  }

  async findById(identifier: string | number | bigint) {
    const handed = this.#verified.get(identifier)
    this.#verified.delete(identifier)
    // Only a row read just now, by this request or one beside it.
    if (!handed || Date.now() - handed.at > HANDOFF_MS) return super.findById(identifier)
    return this.createUserForGuard(handed.user)
  }
}
