import { BaseTransformer } from '@adonisjs/core/transformers'
import type { QueueReport } from '#actions/admin/inspect_queue'

/**
 * A queue's numbers for the admin pages. `counts` is null when the
 * backend did not answer (then `error` says why).
 */
export default class QueueReportTransformer extends BaseTransformer<QueueReport> {
  toObject() {
    const { counts } = this.resource
    return {
      ...this.pick(this.resource, ['name', 'driver', 'throughput', 'error']),
      settings: { ...this.resource.settings },
      counts: counts
        ? {
            waiting: counts.waiting,
            active: counts.active,
            delayed: counts.delayed,
            completed: counts.completed,
            failed: counts.failed,
          }
        : null,
      paused: counts?.paused ?? false,
      completedLastHour: this.resource.throughput.reduce((sum, n) => sum + n, 0),
    }
  }
}
