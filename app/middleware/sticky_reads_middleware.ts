import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { stickyReads } from '#config/database'
import { newScope, withStickyScope } from '#support/sticky_reads'

/**
 * One sticky-read scope per request: once the request writes, its later
 * reads go to the primary. When it wrote, the session remembers it for a
 * few seconds, so the page after the redirect that follows a form post
 * (and any other request of that browser meanwhile) reads the primary too.
 */
export default class StickyReadsMiddleware {
  static sessionKey = 'sf_read_primary_until'

  async handle(ctx: HttpContext, next: NextFn) {
    const session = 'session' in ctx ? ctx.session : undefined
    const until = Number(session?.get(StickyReadsMiddleware.sessionKey) ?? 0)
    const scope = newScope(until > Date.now())
    await withStickyScope(scope, next)
    if (scope.wrote && session) {
      session.put(StickyReadsMiddleware.sessionKey, Date.now() + stickyReads.stickySeconds * 1000)
    }
  }
}
