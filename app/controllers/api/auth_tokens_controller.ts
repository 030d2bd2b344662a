import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import VerifyLogin from '#actions/auth/verify_login'
import { tokenRequestValidator } from '#validators/auth'

export default class AuthTokensController {
  /** POST /api/v1/auth/tokens: email + password → bearer token (shown once). */
  async store({ request, response }: HttpContext) {
    const input = await request.validateUsing(tokenRequestValidator)
    const user = await new VerifyLogin().handle(request.ip(), input.email, input.password)
    const token = await User.accessTokens.create(user, ['*'], { name: input.tokenName ?? 'api' })
    return response.created({
      type: 'bearer',
      token: token.value!.release(),
      expiresAt: token.expiresAt,
      user: user.serialize(),
    })
  }

  /** DELETE /api/v1/auth/tokens/current: revokes the token used for this request. */
  async destroy({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail() as User & {
      currentAccessToken: { identifier: string | number }
    }
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }

  /** GET /api/v1/auth/me */
  async me({ auth }: HttpContext) {
    return { user: auth.getUserOrFail().serialize() }
  }
}
