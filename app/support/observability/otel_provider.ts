import otelConfig from '#config/otel'

/**
 * Sends the spans still buffered when the process stops (a worker's last
 * jobs, a server's last requests). The SDK itself is started by otel.ts,
 * before the app loads; with tracing off there is nothing to do.
 */
export default class OtelProvider {
  async shutdown() {
    if (!otelConfig.enabled) return
    const { OtelManager } = await import('@adonisjs/otel/manager')
    await OtelManager.getInstance()?.shutdown()
  }
}
