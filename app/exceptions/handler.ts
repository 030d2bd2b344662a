import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { notFound } from '#exceptions/domain_error'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  async handle(error: unknown, ctx: HttpContext) {
    // findOrFail misses answer like every other out-of-reach lookup: 404 with
    // the translated message, never the debug page.
    if (error instanceof lucidErrors.E_ROW_NOT_FOUND) {
      const missing = notFound()
      return missing.handle(missing, ctx)
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
