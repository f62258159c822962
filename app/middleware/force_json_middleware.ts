import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Marks a request as a JSON API call whatever its Accept header says, so
 * errors under /api/v1 are always answered as `{ errors: [...] }`.
 */
export default class ForceJsonMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const accept = ctx.request.header('accept') || ''
    if (!accept.includes('application/json')) {
      ctx.request.request.headers.accept = 'application/json'
    }
    return next()
  }
}
