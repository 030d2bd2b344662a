import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
// Brings the `ctx.auth` type the stock middleware declares.
import type {} from '@adonisjs/auth/initialize_auth_middleware'
import { rendersPages } from '#middleware/renders_pages'

/**
 * Gives every request its authenticator, as the stock middleware does, but
 * shares it with templates only where pages are rendered (rendersPages).
 */
export default class InitializeAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const manager = await ctx.containerResolver.make('auth.manager')
    ctx.auth = manager.createAuthenticator(ctx)
    if (rendersPages(ctx)) ctx.view.share({ auth: ctx.auth })
    return next()
  }
}
