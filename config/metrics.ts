import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Metrics (Prometheus)
|--------------------------------------------------------------------------
|
| Every process keeps its own prom-client registry and Prometheus scrapes
| each one: app instances at GET /metrics, queue workers on their own
| small server (METRICS_PORT, off unless set). Never public by default:
| without METRICS_TOKEN only loopback clients are answered (the client
| address as TRUSTED_PROXIES makes it); with it, `Authorization: Bearer
| <token>` is required.
|
*/
const metricsConfig = {
  token: env.get('METRICS_TOKEN') || undefined,

  /** A worker's metrics server: port (undefined = none) and bind address. */
  port: env.get('METRICS_PORT'),
  host: env.get('METRICS_HOST') || '127.0.0.1',

  /**
   * Gauges read from shared state (queue counts, outbox backlog, circuit
   * breakers) are cached this long, so frequent scrapes of many processes
   * cost Redis and the database at most one read each per period.
   */
  cacheMs: 5000,

  /** Distinct workflow keys / hosts kept as label values; the rest read "other". */
  maxWorkflowLabels: 50,
  maxHostLabels: 50,
}

export default metricsConfig
