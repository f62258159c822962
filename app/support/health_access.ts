import { createHash, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'

/** The token a request presents: `Authorization: Bearer <token>` or `x-health-token`. */
function presentedToken(ctx: HttpContext) {
  const authorization = ctx.request.header('authorization') ?? ''
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]
  return bearer ?? ctx.request.header('x-health-token') ?? ''
}

/** Equal in constant time (both sides hashed first, so lengths leak nothing). */
export function sameSecret(given: string, expected: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * Whether this request may read the health details: it carries the
 * configured token, or an admin's API token. Health routes run without a
 * session (no row per probe), so a browser session does not count; admins
 * see the same details on Admin → Engine health.
 */
export async function mayReadHealthDetails(ctx: HttpContext) {
  const expected = app.config.get<string | undefined>('health.token')
  const given = presentedToken(ctx)
  if (expected && given && sameSecret(given, expected)) return true
  if (!given) return false
  const api = ctx.auth.use('api')
  return (await api.check()) && api.user?.role === 'admin'
}
