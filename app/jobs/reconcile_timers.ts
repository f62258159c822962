import { Job, type JobContext } from '#queue/job'
import queue from '#queue/queue_manager'
import { sweepDueTimers } from '#actions/processes/process_timers'

/**
 * The minutely safety net under the timers: dispatches every due row of
 * `process_timers` (the relay's leader does the same each round; a row a
 * job did not delete — lost with Redis's data — is due again once its
 * lease ends). It reads `due_at <= now` only, an index range: nothing is
 * read when nothing is due, whatever the number of processes.
 */
export default class ReconcileTimers extends Job<{ limit?: number }> {
  static jobName = 'reconcile_timers'
  static routine = true

  async handle(payload: { limit?: number }, context: JobContext) {
    const limit = payload.limit ?? 1000
    let dispatched = 0
    // Batches until a round comes back short: bounded by the work due.
    for (;;) {
      const round = await sweepDueTimers(queue.driver(), { limit })
      dispatched += round
      if (round < limit) break
    }
    if (dispatched) context.logger.info({ dispatched }, 'reconciler dispatched due timers')
  }
}
