import User from '#models/user'

/**
 * Deactivates (or reactivates) an account. Deactivation also revokes every
 * API token, so scripts stop at once, and the auth middleware refuses the
 * account's open sessions on their next request.
 */
export default class SetUserActive {
  async handle(user: User, active: boolean): Promise<User> {
    user.isActive = active
    await user.save()
    if (!active) {
      const tokens = await User.accessTokens.all(user)
      await Promise.all(tokens.map((token) => User.accessTokens.delete(user, token.identifier)))
    }
    return user
  }
}
