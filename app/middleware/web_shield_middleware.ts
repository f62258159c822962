import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import { isStatelessRoute } from '#support/stateless_routes'

let stateless: ShieldMiddleware | undefined

/**
 * Shield as configured for browser routes (CSRF included). Stateless
 * routes have no session to keep a CSRF secret in, and need none: they get
 * the same security headers (CSP, X-Frame-Options, HSTS, nosniff) without
 * the CSRF guard.
 */
export default class WebShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!isStatelessRoute(ctx)) {
      const shield = await app.container.make(ShieldMiddleware)
      return shield.handle(ctx, next)
    }
    if (!stateless) {
      const config = app.config.get<ShieldConfig>('shield')
      const encryption = await app.container.make('encryption')
      stateless = new ShieldMiddleware({ ...config, csrf: { enabled: false } }, encryption.use())
    }
    return stateless.handle(ctx, next)
  }
}
