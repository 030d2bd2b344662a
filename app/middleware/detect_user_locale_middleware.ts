import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { rendersPages } from '#middleware/renders_pages'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

/** Cookie set by the language switch on pages; it wins over Accept-Language. */
export const LOCALE_COOKIE = 'jiesu-locale'

/**
 * Picks zh-CN or English for the request (cookie, then Accept-Language,
 * then zh-CN) and makes VineJS messages follow it.
 */
export default class DetectUserLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => {
      const provider = ctx.i18n.createMessagesProvider()
      // Lets a message quote the rejected value ("联系邮箱“x”不是有效的邮箱地址").
      return {
        getMessage: (message, rule, field, meta) =>
          provider.getMessage(message, rule, field, { value: String(field.value ?? ''), ...meta }),
      }
    }
  }

  protected getRequestLocale(ctx: HttpContext) {
    const chosen = ctx.request.plainCookie(LOCALE_COOKIE)
    return i18nManager.getSupportedLocaleFor(chosen ? [chosen] : ctx.request.languages())
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const language = this.getRequestLocale(ctx)
    ctx.i18n = i18nManager.locale(language || i18nManager.defaultLocale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if (rendersPages(ctx)) {
      ctx.view.share({ i18n: ctx.i18n })
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
