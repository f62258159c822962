/*
|--------------------------------------------------------------------------
| Metrics read on scrape
|--------------------------------------------------------------------------
|
| Gauges whose value lives elsewhere: queue counts (Redis or the in-process
| queue), the outbox backlog (database), circuit breakers (Redis or the
| database), read replicas and open event streams (this process). Shared
| state is read at most once per `cacheMs` per process, whatever the scrape
| rate, and every process reports the same shared values: aggregate them
| with max(), not sum(). A failed read keeps the last values (and logs).
|
| The counters and histograms updated as things happen are in
| app/support/metrics/instruments.ts.
|
*/
import { Gauge } from 'prom-client'
import logger from '@adonisjs/core/services/logger'
import metricsConfig from '#config/metrics'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import type { QueueCounts } from '#queue/driver'
import { protectionReport } from '#automation/protection'
import { registry, hostLabel } from '#support/metrics/registry'
import { replicaHealth } from '#support/sticky_reads'
import { openLiveStreams } from '#support/live_updates'
import { readOutboxBacklog } from '#support/outbox_backlog'

const registers = [registry]

/**
 * `read` at most once per `ms`; concurrent scrapes share one read. A
 * failure keeps the previous value.
 */
function cached<T>(what: string, ms: number, read: () => Promise<T>, initial: T) {
  let value = initial
  let readAt = 0
  let reading: Promise<T> | null = null
  return () => {
    if (Date.now() - readAt < ms) return Promise.resolve(value)
    reading ??= read()
      .then((fresh) => {
        value = fresh
        return fresh
      })
      .catch((error) => {
        logger.warn({ err: error }, `metrics: could not read ${what}`)
        return value
      })
      .finally(() => {
        readAt = Date.now()
        reading = null
      })
    return reading
  }
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const

const queueCounts = cached(
  'queue counts',
  metricsConfig.cacheMs,
  async () => {
    const driver = queue.driver()
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (name) => [name, await driver.counts(name)] as const)
    )
    return new Map<string, QueueCounts>(entries)
  },
  new Map<string, QueueCounts>()
)

new Gauge({
  name: 'stageflow_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, failed); shared state, read every few seconds',
  labelNames: ['queue', 'state'] as const,
  registers,
  async collect() {
    const counts = await queueCounts()
    this.reset()
    for (const [name, count] of counts) {
      for (const state of QUEUE_STATES) this.set({ queue: name, state }, count[state])
    }
  },
})

/** Due messages not yet published (future timers are not a backlog), in one query. */
const outboxBacklog = cached(
  'the outbox backlog',
  metricsConfig.cacheMs,
  () => readOutboxBacklog(),
  { pending: 0, oldestSeconds: 0 }
)

new Gauge({
  name: 'stageflow_outbox_pending_messages',
  help: 'Outbox messages due and not yet published to the queues; shared state',
  registers,
  async collect() {
    const backlog = await outboxBacklog()
    this.set(backlog.pending)
  },
})

new Gauge({
  name: 'stageflow_outbox_oldest_pending_age_seconds',
  help: 'How long the oldest due, unpublished outbox message has waited (0 when none); shared state',
  registers,
  async collect() {
    const backlog = await outboxBacklog()
    this.set(backlog.oldestSeconds)
  },
})

const BREAKER_STATES = { closed: 0, half_open: 1, open: 2 } as const

const breakers = cached(
  'circuit breakers',
  metricsConfig.cacheMs,
  async () => {
    const report = await protectionReport()
    return report.map((row) => ({ host: row.host, state: row.state }))
  },
  [] as { host: string; state: keyof typeof BREAKER_STATES }[]
)

new Gauge({
  name: 'stageflow_circuit_breaker_state',
  help: 'Circuit breaker per target host of http actions: 0 closed, 1 half-open, 2 open; shared state',
  labelNames: ['host'] as const,
  registers,
  async collect() {
    const rows = await breakers()
    this.reset()
    for (const row of rows) this.set({ host: hostLabel.value(row.host) }, BREAKER_STATES[row.state])
  },
})

new Gauge({
  name: 'stageflow_db_replica_lag_seconds',
  help: 'Replication lag of each read replica as last checked by this process (absent when unknown)',
  labelNames: ['replica'] as const,
  registers,
  collect() {
    this.reset()
    for (const replica of replicaHealth()) {
      if (replica.lagSeconds !== null) this.set({ replica: replica.replica }, replica.lagSeconds)
    }
  },
})

new Gauge({
  name: 'stageflow_db_replica_healthy',
  help: 'Whether this process sends reads to the replica (1) or skips it (0)',
  labelNames: ['replica'] as const,
  registers,
  collect() {
    this.reset()
    for (const replica of replicaHealth())
      this.set({ replica: replica.replica }, replica.healthy ? 1 : 0)
  },
})

new Gauge({
  name: 'stageflow_sse_connections',
  help: 'Server-sent event streams (live updates) open on this process',
  registers,
  collect() {
    this.set(openLiveStreams())
  },
})
