import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import type { SessionStoreFactory } from '@adonisjs/session/types'
import { isStatelessRoute } from '#support/stateless_routes'

/**
 * The session for browser routes only; API, health and metrics routes run
 * without one (ctx.session is undefined there; they use the access-token
 * guard, never the session guard).
 */
@inject()
export default class WebSessionMiddleware {
  constructor(protected session: SessionMiddleware<Record<string, SessionStoreFactory>>) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessRoute(ctx)) return next()
    return this.session.handle(ctx, next)
  }
}
