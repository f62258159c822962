import type { JobClass } from '#queue/job'
import type { QueueName } from '#config/queue'

/**
 * Every job the workers can run, by name. Lazy, so a worker loads only
 * what it runs.
 */
export const JOBS: Record<string, () => Promise<{ default: JobClass<any> }>> = {
  deliver_notifications: () => import('#jobs/deliver_notifications'),
  check_sla: () => import('#jobs/check_sla'),
  run_automatic_transition: () => import('#jobs/run_automatic_transition'),
  reconcile_timers: () => import('#jobs/reconcile_timers'),
  prune_sessions: () => import('#jobs/prune_sessions'),
  run_process_migration: () => import('#jobs/run_process_migration'),
  run_action: () => import('#jobs/run_action'),
  run_compensation: () => import('#jobs/run_compensation'),
  alert_failed_compensation: () => import('#jobs/alert_failed_compensation'),
  generate_report: () => import('#jobs/generate_report'),
  send_scheduled_report: () => import('#jobs/send_scheduled_report'),
  run_bulk_action: () => import('#jobs/run_bulk_action'),
}

/**
 * Which job handles each outbox topic, and on which queue.
 */
const TOPICS: Record<string, { job: string; queue: QueueName }> = {
  'timer.sla': { job: 'check_sla', queue: 'timers' },
  'timer.automatic_transition': { job: 'run_automatic_transition', queue: 'timers' },
  'migration.requested': { job: 'run_process_migration', queue: 'default' },
  'action.run': { job: 'run_action', queue: 'automation' },
  'action.compensate': { job: 'run_compensation', queue: 'automation' },
  'action.needs_attention': { job: 'alert_failed_compensation', queue: 'automation' },
  'report.requested': { job: 'generate_report', queue: 'reports' },
  'report.schedule_due': { job: 'send_scheduled_report', queue: 'reports' },
  'bulk.requested': { job: 'run_bulk_action', queue: 'default' },
}

export function jobForTopic(topic: string): { job: string; queue: QueueName } | null {
  if (topic.startsWith('process.')) return { job: 'deliver_notifications', queue: 'notifications' }
  return TOPICS[topic] ?? null
}

const loaded = new Map<string, JobClass<any>>()

export async function loadJob(name: string): Promise<JobClass<any>> {
  const cached = loaded.get(name)
  if (cached) return cached
  const loader = JOBS[name]
  if (!loader) throw new Error(`Unknown job "${name}"`)
  const { default: job } = await loader()
  loaded.set(name, job)
  return job
}
