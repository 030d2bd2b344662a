import type { HttpContext } from '@adonisjs/core/http'

/**
 * Whether the request may render a template, so its middleware should
 * share values with Edge. Touching `ctx.view` builds the request's Edge
 * renderer, and each renderer rescans the components folder from disk (the
 * shared Edge instance is created before caching is configured); a JSON API
 * request never renders one, and measured a tenth of its CPU doing so.
 */
export function rendersPages(ctx: HttpContext): boolean {
  return !ctx.request.url().startsWith('/api/')
}
