import { DateTime } from 'luxon'
import queue from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'
import { executeJob } from '#queue/runner'
import { sweepDueTimers } from '#actions/processes/process_timers'

/**
 * Every piece of background work that runs on a clock, whatever the
 * changes: what must cost in proportion to the work due, not to the size of
 * the history. The bench (bench/periodic_jobs.ts) times each one on a large
 * idle database, and a test runs EXPLAIN on every query they send
 * (tests/functional/queue/periodic_jobs_explain.spec.ts). A new periodic
 * job belongs here.
 */
export type PeriodicJob = { name: string; run: () => Promise<unknown> }

const job = (name: string) => () =>
  executeJob({
    jobId: `periodic-${name}`,
    name,
    payload: {},
    attempt: 1,
    maxAttempts: 1,
    progress: async () => {},
  })

export async function periodicJobs(): Promise<PeriodicJob[]> {
  const { SIGNAL_READERS } = await import('#alerts/signals/registry')
  const { default: EvaluateAlerts } = await import('#alerts/evaluate_alerts')
  const { default: DeliverAlerts } = await import('#alerts/deliver_alerts')
  // Signals read from the database (the queue's own are read from Redis).
  const signals = ['stalled_processes', 'sla_breaches', 'outbox_oldest_pending_seconds'] as const
  const readers = await Promise.all(
    signals.map(async (signal) => {
      const { default: read } = await SIGNAL_READERS[signal]()
      return { signal, read }
    })
  )
  return [
    {
      name: 'timer sweep (relay round)',
      run: () => sweepDueTimers(queue.driver(), { limit: 200 }),
    },
    { name: 'reconcile_timers (minutely)', run: job('reconcile_timers') },
    { name: 'outbox relay round', run: () => new OutboxRelay(queue.driver()).tick() },
    { name: 'prune_sessions (every 15 min)', run: job('prune_sessions') },
    // Nothing new in the event log: one primary-key range count (after the first checkpoint).
    { name: 'project_stage_visits (minutely)', run: job('project_stage_visits') },
    // Nothing to archive or purge: index ranges on (workflow_id, closed_at) and the stubs.
    { name: 'run_retention (hourly)', run: job('run_retention') },
    ...readers.map(({ signal, read }) => ({
      name: `alert signal ${signal}`,
      run: () => read({ windowSeconds: 3600, at: DateTime.now() }),
    })),
    { name: 'alert evaluation (every rule)', run: () => new EvaluateAlerts().handle() },
    { name: 'alert deliveries', run: () => new DeliverAlerts().handle() },
  ]
}
