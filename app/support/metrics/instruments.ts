import { Counter, Histogram } from 'prom-client'
import { registry } from '#support/metrics/registry'

/*
|--------------------------------------------------------------------------
| Instruments updated where things happen
|--------------------------------------------------------------------------
|
| Counters and histograms the code paths update as they run. Gauges read
| on scrape (queues, outbox, breakers, replicas, SSE) are in
| start/metrics.ts. Names: stageflow_<area>_<what>_<unit>; labels are
| route names, job names, capped workflow keys — never URLs or ids.
|
*/
const registers = [registry]

/** Seconds; from 5 ms (a cached page) to 10 s (an export). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export const httpRequestDuration = new Histogram({
  name: 'stageflow_http_request_duration_seconds',
  help: 'HTTP requests by route name (or "unmatched": static files and unknown URLs), method and status class',
  labelNames: ['route', 'method', 'status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
})

export const httpServerErrors = new Counter({
  name: 'stageflow_http_server_errors_total',
  help: 'HTTP responses with a 5xx status, by route name and method',
  labelNames: ['route', 'method'] as const,
  registers,
})

export const engineCommands = new Counter({
  name: 'stageflow_engine_commands_total',
  help: 'Commands through the engine write path by workflow, command (the event it writes) and outcome: ok, replayed (idempotency key seen before), conflict (409), refused (422), error',
  labelNames: ['workflow', 'command', 'outcome'] as const,
  registers,
})

export const transitions = new Counter({
  name: 'stageflow_transitions_total',
  help: 'Transitions made by commands (not replays), by workflow',
  labelNames: ['workflow'] as const,
  registers,
})

export const transitionDuration = new Histogram({
  name: 'stageflow_transition_duration_seconds',
  help: 'Time a successful transition command took (decision, checks and the write transaction), by workflow',
  labelNames: ['workflow'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
})

export const slaBreaches = new Counter({
  name: 'stageflow_sla_breaches_total',
  help: 'SLA breaches recorded, by workflow',
  labelNames: ['workflow'] as const,
  registers,
})

export const relayBatches = new Counter({
  name: 'stageflow_outbox_relay_batches_total',
  help: 'Outbox relay rounds that found due messages, by result: published, failed (queue unreachable; messages kept for retry)',
  labelNames: ['result'] as const,
  registers,
})

export const relayMessages = new Counter({
  name: 'stageflow_outbox_relay_published_messages_total',
  help: 'Outbox messages the relay published to the queues',
  registers,
})

export const jobDuration = new Histogram({
  name: 'stageflow_job_duration_seconds',
  help: 'Job runs (one per try) by job name and outcome: completed, failed',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers,
})

export const jobFailures = new Counter({
  name: 'stageflow_job_failures_total',
  help: 'Failed job tries by job name; final="true" when no retry follows',
  labelNames: ['job', 'final'] as const,
  registers,
})

export const dbQueryDuration = new Histogram({
  name: 'stageflow_db_query_duration_seconds',
  help: 'Database queries by connection: primary or replica',
  labelNames: ['connection'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers,
})

export const stickyReadHits = new Counter({
  name: 'stageflow_db_sticky_reads_total',
  help: 'Reads sent to the primary although replicas were available, because the request (or its session) had just written',
  registers,
})
