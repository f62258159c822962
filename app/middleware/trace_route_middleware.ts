import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { trace } from '@opentelemetry/api'

/**
 * Names a traced request's span by its route (`POST /api/v1/processes/:id/transitions`,
 * never the URL) and, once the request has run, tags it with the signed-in
 * user. Does nothing when tracing is off (no span).
 */
export default class TraceRouteMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const span = trace.getActiveSpan()
    if (!span) return next()
    const pattern = ctx.route?.pattern
    if (pattern) {
      span.updateName(`${ctx.request.method()} ${pattern}`)
      span.setAttribute('http.route', pattern)
    }
    try {
      return await next()
    } finally {
      const userId = (ctx as { auth?: { user?: { id?: number } } }).auth?.user?.id
      if (userId !== undefined) span.setAttribute('user.id', String(userId))
    }
  }
}
