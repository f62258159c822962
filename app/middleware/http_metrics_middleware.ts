import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { httpRequestDuration, httpServerErrors } from '#support/metrics/instruments'

/**
 * Times every request (a server middleware: static files and unknown URLs
 * too) by route name — the route's pattern when it has none, "unmatched"
 * when no route matched — never by URL, so label values stay bounded.
 * Errors are turned into responses below this middleware, so the status
 * read afterwards is the one sent.
 */
export default class HttpMetricsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const started = performance.now()
    let failed = false
    try {
      await next()
    } catch (error) {
      failed = true
      throw error
    } finally {
      const route = ctx.route ? (ctx.route.name ?? ctx.route.pattern) : 'unmatched'
      const method = ctx.request.method()
      const status = failed ? 500 : ctx.response.getStatus()
      httpRequestDuration.observe(
        { route, method, status_class: `${Math.floor(status / 100)}xx` },
        (performance.now() - started) / 1000
      )
      if (status >= 500) httpServerErrors.inc({ route, method })
    }
  }
}
