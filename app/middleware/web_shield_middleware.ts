import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import { isStatelessRoute } from '#support/stateless_routes'

let browser: ShieldMiddleware | undefined
let stateless: ShieldMiddleware | undefined

/**
 * Shield as configured for browser routes (CSRF included). Stateless
 * routes have no session to keep a CSRF secret in, and need none: they get
 * the same security headers (CSP, X-Frame-Options, HSTS, nosniff) without
 * the CSRF guard.
 *
 * Both instances are built once and reused: shield's middleware keeps no
 * per-request state, and its container binding builds a new one per call
 * (with a dynamic `import('edge.js')`, which alone was ~12 % of a page's
 * CPU time under the TypeScript loader).
 */
export default class WebShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!isStatelessRoute(ctx)) {
      browser ??= await app.container.make(ShieldMiddleware)
      return browser.handle(ctx, next)
    }
    if (!stateless) {
      const config = app.config.get<ShieldConfig>('shield')
      const encryption = await app.container.make('encryption')
      stateless = new ShieldMiddleware({ ...config, csrf: { enabled: false } }, encryption.use())
    }
    return stateless.handle(ctx, next)
  }
}
