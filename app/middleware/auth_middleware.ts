import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'

/**
 * Refuses unauthenticated requests: pages redirect to the login form, JSON
 * requests get 401. Deactivated users are refused as if signed out.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    const user = await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    if (!user.isActive) {
      // Pages end the session; API tokens of a disabled account were already revoked.
      if (ctx.auth.authenticatedViaGuard === 'web') await ctx.auth.use('web').logout()
      return ctx.response.unauthorized({
        errors: [{ code: 'E_ACCOUNT_DISABLED', message: ctx.i18n.t('messages.auth.disabled') }],
      })
    }
    return next()
  }
}
