import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A rule of the domain said no. `code` is stable for API clients; the message
 * is translated from `errors.<code>` at render time, so use cases stay free of
 * HTTP and locale concerns. With `field` set, it renders like a validation
 * error (422 with a field message); otherwise as `{ errors: [{ code, message }] }`.
 */
export class DomainError extends Exception {
  constructor(
    code: string,
    status: number,
    readonly details: { field?: string; data?: Record<string, unknown> } = {}
  ) {
    super(code, { code, status })
  }

  async handle(error: this, ctx: HttpContext) {
    const data: Record<string, unknown> = { ...error.details.data }
    // Messages name a status by its label (已派单), the body keeps the code.
    if (typeof data.status === 'string')
      data.statusLabel = ctx.i18n.t(`messages.statuses.${data.status}`)
    const message = ctx.i18n.t(`errors.${error.code}`, data)
    // API routes have no session (start/kernel.ts): they always answer JSON.
    if (ctx.request.accepts(['html', 'json']) === 'json' || !('session' in ctx) || !ctx.session) {
      const body = error.details.field
        ? { errors: [{ field: error.details.field, rule: error.code, message }] }
        : { errors: [{ code: error.code, message, ...error.details.data }] }
      return ctx.response.status(error.status).send(body)
    }
    // A refused form post goes back to the form with the message and input;
    // anything else (a page outside the user's reach) gets a status page.
    if (ctx.request.method() !== 'GET' && (error.status === 422 || error.status === 409)) {
      ctx.session.flash('error', message)
      if (error.details.field)
        ctx.session.flash('inputErrorsBag', { [error.details.field]: [message] })
      ctx.session.flashAll()
      return ctx.response.redirect().back()
    }
    const page = await ctx.view.render('pages/errors/status', { status: error.status, message })
    return ctx.response.status(error.status).send(page)
  }
}

export const invalidParent = (reason: string) =>
  new DomainError('E_INVALID_PARENT', 422, { field: 'parentId', data: { reason } })

export const hasActiveChildren = () => new DomainError('E_HAS_ACTIVE_CHILDREN', 409)

/** Missing, or outside the caller's reach: both answer 404 so scope is not revealed. */
export const notFound = () => new DomainError('E_NOT_FOUND', 404)
