import env from '#start/env'
import type { OtelConfig } from '@adonisjs/otel/types'

/**
 * OpenTelemetry traces (issue 17). Off unless OTEL_EXPORTER_OTLP_ENDPOINT
 * is set: then otel.ts (imported first by bin/server.ts and bin/console.ts)
 * starts the SDK before the app loads, and spans go to
 * `<endpoint>/v1/traces` over OTLP/HTTP (protobuf, or JSON with
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json; OTEL_TRACES_SAMPLER and its
 * _ARG choose sampling, as the OpenTelemetry SDK reads them). Off, nothing
 * of the SDK is loaded and no export is ever attempted.
 *
 * Metrics stay with Prometheus (config/metrics.ts) and logs with stdout
 * (config/logger.ts, whose lines carry trace_id/span_id): the SDK exports
 * traces only. This file is plain data (only types come from
 * @adonisjs/otel) so loading the config costs nothing when tracing is off.
 */
const endpoint = env.get('OTEL_EXPORTER_OTLP_ENDPOINT')

/** Which kind of process this is, so a trace shows which spans ran where. */
const role = process.argv.includes('queue:work')
  ? 'worker'
  : process.argv.some((arg) => arg.endsWith('bin/console.ts') || arg.endsWith('bin/console.js'))
    ? 'console'
    : 'web'

const otelConfig = {
  enabled: Boolean(endpoint),
  serviceName: env.get('OTEL_SERVICE_NAME') || 'stageflow',
  environment: env.get('NODE_ENV'),
  resourceAttributes: { 'stageflow.role': role },
  // Traces only: the exporter comes from the OTEL_EXPORTER_OTLP_* variables.
  metricReaders: [],
  logRecordProcessors: [],
  instrumentations: {
    // Incoming and outgoing HTTP; health probes, /metrics, assets and live-update streams are noise.
    '@opentelemetry/instrumentation-http': {
      ignoredUrls: ['/health/*', '/assets/*', '/__transmit/*'],
    },
    // Database spans from the query builder (SQLite and MySQL alike); the MySQL driver's own
    // spans (instrumentation-mysql2, off by default in @adonisjs/otel) would only repeat them.
    // Only inside a traced request, job or command: the relay's polling is not traced.
    '@opentelemetry/instrumentation-knex': { requireParentSpan: true },
    // BullMQ polls Redis all the time: one span per command would drown the traces.
    '@opentelemetry/instrumentation-ioredis': { enabled: false },
    '@opentelemetry/instrumentation-redis': { enabled: false },
    // Log lines get trace_id/span_id from config/logger.ts (the same in every process).
    '@opentelemetry/instrumentation-pino': { enabled: false },
    '@opentelemetry/instrumentation-fs': { enabled: false },
    '@opentelemetry/instrumentation-runtime-node': { enabled: false },
  },
} satisfies OtelConfig

export default otelConfig
