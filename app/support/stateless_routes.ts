import type { HttpContext } from '@adonisjs/core/http'

/**
 * Routes answered without a session: the bearer-token API, health checks,
 * metrics and inbound webhooks (signed per hook). They take no cookies, so
 * a session would only cost a store write per call (and rows nobody
 * reads); without one there is no CSRF token either, which they never
 * needed (no cookie, no cross-site forgery).
 */
const STATELESS_PREFIXES = ['/api/', '/health/', '/metrics', '/hooks/']

export function isStatelessRoute(ctx: HttpContext) {
  const path = ctx.request.url()
  return STATELESS_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix))
}

/**
 * Requests a page makes on its own, in the background, rather than a
 * person's visit: they must not take the flash messages meant for the
 * next page.
 */
const BACKGROUND_PREFIXES = ['/__transmit/', '/notifications/unread']

export function isBackgroundRoute(ctx: HttpContext) {
  const path = ctx.request.url()
  return BACKGROUND_PREFIXES.some((prefix) => path.startsWith(prefix))
}
