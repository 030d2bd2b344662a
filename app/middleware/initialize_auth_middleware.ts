import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
// Brings the `ctx.auth` type the stock middleware declares.
import type {} from '@adonisjs/auth/initialize_auth_middleware'

/**
 * Gives every request its authenticator, as the stock middleware does, but
 * shares it with templates only outside the JSON API. Sharing builds the
 * request's Edge renderer, and each renderer rescans the components folder
 * from disk (the shared Edge instance is created before caching is
 * configured); an API request never renders a template.
 */
export default class InitializeAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const manager = await ctx.containerResolver.make('auth.manager')
    ctx.auth = manager.createAuthenticator(ctx)
    if (!ctx.request.url().startsWith('/api/')) ctx.view.share({ auth: ctx.auth })
    return next()
  }
}
