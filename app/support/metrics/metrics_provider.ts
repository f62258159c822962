import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Times database queries (primary/replica) in every process that boots
 * the app: web servers, workers and commands. The registry itself is
 * created on first import; app instances serve it at GET /metrics and
 * workers on METRICS_PORT.
 */
export default class MetricsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const { installQueryTiming } = await import('#support/metrics/database')
    await installQueryTiming()
  }
}
