import type { JobClass } from '#queue/job'
import type { QueueName } from '#config/queue'

type JobEntry = {
  /** The queue the job runs on: stated here only. */
  queue: QueueName
  /** Lazy, so a worker loads only what it runs. */
  load: () => Promise<{ default: JobClass<any> }>
}

/**
 * Every job the workers can run, by name (the class's `jobName`).
 */
export const JOBS: Record<string, JobEntry> = {
  deliver_notifications: {
    queue: 'notifications',
    load: () => import('#jobs/deliver_notifications'),
  },
  check_sla: { queue: 'timers', load: () => import('#jobs/check_sla') },
  run_automatic_transition: {
    queue: 'timers',
    load: () => import('#jobs/run_automatic_transition'),
  },
  reconcile_timers: { queue: 'timers', load: () => import('#jobs/reconcile_timers') },
  prune_sessions: { queue: 'default', load: () => import('#jobs/prune_sessions') },
  run_retention: { queue: 'default', load: () => import('#jobs/run_retention') },
  project_stage_visits: { queue: 'reports', load: () => import('#jobs/project_stage_visits') },
  run_process_migration: { queue: 'default', load: () => import('#jobs/run_process_migration') },
  run_action: { queue: 'automation', load: () => import('#jobs/run_action') },
  run_compensation: { queue: 'automation', load: () => import('#jobs/run_compensation') },
  alert_failed_compensation: {
    queue: 'automation',
    load: () => import('#jobs/alert_failed_compensation'),
  },
  generate_report: { queue: 'reports', load: () => import('#jobs/generate_report') },
  send_scheduled_report: { queue: 'reports', load: () => import('#jobs/send_scheduled_report') },
  run_bulk_action: { queue: 'default', load: () => import('#jobs/run_bulk_action') },
  run_draft_check: { queue: 'reports', load: () => import('#jobs/run_draft_check') },
  notify_alert: { queue: 'notifications', load: () => import('#jobs/notify_alert') },
  spawn_children: { queue: 'default', load: () => import('#jobs/spawn_children') },
  settle_children: { queue: 'default', load: () => import('#jobs/settle_children') },
  cancel_children: { queue: 'default', load: () => import('#jobs/cancel_children') },
  fan_out_webhook: { queue: 'notifications', load: () => import('#jobs/fan_out_webhook') },
  deliver_webhook: { queue: 'notifications', load: () => import('#jobs/deliver_webhook') },
  evaluate_view_watches: {
    queue: 'notifications',
    load: () => import('#jobs/evaluate_view_watches'),
  },
}

/**
 * Which job handles each outbox topic (`process.*` topics all go to
 * deliver_notifications).
 */
const TOPICS: Record<string, string> = {
  'timer.sla': 'check_sla',
  'timer.automatic_transition': 'run_automatic_transition',
  'migration.requested': 'run_process_migration',
  'action.run': 'run_action',
  'action.compensate': 'run_compensation',
  'action.needs_attention': 'alert_failed_compensation',
  'report.requested': 'generate_report',
  'report.schedule_due': 'send_scheduled_report',
  'bulk.requested': 'run_bulk_action',
  'draft_check.requested': 'run_draft_check',
  'alert.changed': 'notify_alert',
  'children.spawn': 'spawn_children',
  'children.child_closed': 'settle_children',
  'children.parent_cancelled': 'cancel_children',
  'webhook.event': 'fan_out_webhook',
  'webhook.deliver': 'deliver_webhook',
  'view.watch': 'evaluate_view_watches',
}

/** The queue a job runs on. */
export function queueOf(jobName: string): QueueName {
  const entry = JOBS[jobName]
  if (!entry) throw new Error(`Unknown job "${jobName}"`)
  return entry.queue
}

export function jobForTopic(topic: string): { job: string; queue: QueueName } | null {
  const job = topic.startsWith('process.') ? 'deliver_notifications' : TOPICS[topic]
  return job ? { job, queue: queueOf(job) } : null
}

const loaded = new Map<string, JobClass<any>>()

export async function loadJob(name: string): Promise<JobClass<any>> {
  const cached = loaded.get(name)
  if (cached) return cached
  const entry = JOBS[name]
  if (!entry) throw new Error(`Unknown job "${name}"`)
  const { default: job } = await entry.load()
  loaded.set(name, job)
  return job
}
