import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

/** Locale picked per (chosen locale, Accept-Language) pair: the supported locales are fixed by config. */
const picked = new Map<string, string | null>()
const MAX_PICKED = 1000

/**
 * Picks the request's language: the one the user chose with the language
 * switch (kept in the session), else the browser's Accept-Language, else
 * English. Validation messages are translated too.
 */
export default class DetectUserLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  /**
   * Negotiating Accept-Language (parse, sort by quality, match) was ~2 % of
   * a light page's CPU time: its answer is kept per header value and choice.
   */
  protected getRequestLocale(ctx: HttpContext) {
    const stored = ctx.session?.get('locale')
    const chosen = typeof stored === 'string' ? stored : ''
    const key = `${chosen}\n${ctx.request.header('accept-language') ?? ''}`
    const known = picked.get(key)
    if (known !== undefined) return known
    // The choice first, alone: negotiated together with the browser's languages (all of equal
    // weight), a more specific one of those (pt-BR) won over a chosen `en`.
    const locale =
      (chosen && i18nManager.getSupportedLocaleFor(chosen)) ||
      i18nManager.getSupportedLocaleFor(ctx.request.languages())
    if (picked.size >= MAX_PICKED) picked.clear()
    picked.set(key, locale)
    return locale
  }

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.i18n = i18nManager.locale(this.getRequestLocale(ctx) || i18nManager.defaultLocale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
