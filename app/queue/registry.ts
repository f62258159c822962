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
}

/**
 * Which job handles each outbox topic, and on which queue.
 */
export function jobForTopic(topic: string): { job: string; queue: QueueName } | null {
  if (topic.startsWith('process.')) return { job: 'deliver_notifications', queue: 'notifications' }
  if (topic === 'timer.sla') return { job: 'check_sla', queue: 'timers' }
  if (topic === 'timer.automatic_transition')
    return { job: 'run_automatic_transition', queue: 'timers' }
  return null
}

export async function loadJob(name: string): Promise<JobClass<any>> {
  const loader = JOBS[name]
  if (!loader) throw new Error(`Unknown job "${name}"`)
  const module = await loader()
  return module.default
}
