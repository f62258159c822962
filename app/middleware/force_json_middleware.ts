import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

const jsonRequests = new WeakSet<HttpContext>()

/**
 * True for requests whose route answers JSON (the /api/v1 group and the
 * JSON endpoints of pages, e.g. the bulk dialog): the exception handler
 * answers their errors as `{ errors: [...] }` instead of a page or redirect.
 */
export function answersJson(ctx: HttpContext) {
  return jsonRequests.has(ctx)
}

/**
 * Marks a request as a JSON call whatever its Accept header says, so its
 * errors are always answered as `{ errors: [...] }`.
 */
export default class ForceJsonMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    jsonRequests.add(ctx)
    const accept = ctx.request.header('accept') || ''
    if (!accept.includes('application/json')) {
      ctx.request.request.headers.accept = 'application/json'
    }
    return next()
  }
}
