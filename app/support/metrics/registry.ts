import { collectDefaultMetrics, Registry } from 'prom-client'
import metricsConfig from '#config/metrics'

/**
 * The one registry of this process. Prometheus scrapes every process on
 * its own (app instances at /metrics, workers on METRICS_PORT): nothing is
 * aggregated here. Node's default metrics (event-loop lag, heap, GC, CPU,
 * handles) come with it under their standard names.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

// prom-client also exports the sums of three by-type gauges under a
// "_total" name, which Prometheus reserves for counters (promtool flags
// them). The by-type gauges stay: nodejs_active_{handles,requests,resources}.
for (const name of [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
]) {
  registry.removeSingleMetric(name)
}

/** Prometheus text exposition of everything registered. */
export function renderMetrics() {
  return registry.metrics()
}

/**
 * Keeps a label's values bounded: the first `max` distinct values pass,
 * later ones read "other" (a workflow key or a host is user data; one
 * series per value must not grow without end).
 */
export class CappedLabel {
  #seen = new Set<string>()
  constructor(readonly max: number) {}

  value(raw: string | null | undefined): string {
    const value = raw || 'unknown'
    if (this.#seen.has(value)) return value
    if (this.#seen.size >= this.max) return 'other'
    this.#seen.add(value)
    return value
  }
}

export const workflowLabel = new CappedLabel(metricsConfig.maxWorkflowLabels)
export const hostLabel = new CappedLabel(metricsConfig.maxHostLabels)
