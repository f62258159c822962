import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { scrapeVerdict } from '#support/metrics/access'
import { registry, renderMetrics } from '#support/metrics/registry'
// The gauges read on scrape (queues, outbox, breakers, replicas, streams).
import '#start/metrics'

export default class MetricsController {
  /**
   * This instance's metrics in the Prometheus text format. Loopback
   * clients only, or a bearer token when METRICS_TOKEN is set (see
   * config/metrics.ts).
   */
  async show({ request, response }: HttpContext) {
    const verdict = scrapeVerdict(
      request.header('authorization'),
      request.ip(),
      app.config.get<string | undefined>('metrics.token')
    )
    if (!verdict.allowed) {
      if (verdict.status === 401) response.header('www-authenticate', 'Bearer')
      return response
        .status(verdict.status)
        .send({ errors: [{ code: verdict.code, message: verdict.message }] })
    }
    response.header('content-type', registry.contentType)
    return response.send(await renderMetrics())
  }
}
