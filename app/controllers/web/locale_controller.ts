import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { LOCALE_COOKIE } from '#middleware/detect_user_locale_middleware'

export default class LocaleController {
  /** GET /locale/:locale: remembers the page language for a year. */
  async update({ params, response }: HttpContext) {
    const locale = i18nManager.getSupportedLocaleFor([params.locale]) ?? i18nManager.defaultLocale
    response.plainCookie(LOCALE_COOKIE, locale, { maxAge: '1y' })
    return response.redirect().back()
  }
}
