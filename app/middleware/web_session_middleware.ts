import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import type { SessionStoreFactory } from '@adonisjs/session/types'
import { isBackgroundRoute, isStatelessRoute } from '#support/stateless_routes'

/**
 * The session for browser routes only; API, health and metrics routes run
 * without one (ctx.session is undefined there; they use the access-token
 * guard, never the session guard).
 *
 * A page's own background requests (the unread count, the live-update
 * stream and its subscriptions) keep the flash messages for the visit
 * they were meant for: one of them landing between a command's redirect
 * and the page it leads to would otherwise take the "moved to…" message.
 */
@inject()
export default class WebSessionMiddleware {
  constructor(protected session: SessionMiddleware<Record<string, SessionStoreFactory>>) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessRoute(ctx)) return next()
    if (!isBackgroundRoute(ctx)) return this.session.handle(ctx, next)
    return this.session.handle(ctx, async () => {
      const output = await next()
      if (!ctx.session.flashMessages.isEmpty) ctx.session.reflash()
      return output
    })
  }
}
