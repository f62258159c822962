import { Job, type JobContext } from '#queue/job'
import RunRetention from '#actions/archives/run_retention'

/**
 * Archives what the workflows' retention policies let go (RunRetention).
 * Queued hourly by the outbox relay's leader (job id per hour, so once
 * across all workers); with nothing due it is a few indexed reads.
 */
export default class RunRetentionJob extends Job<Record<string, never>> {
  static jobName = 'run_retention'
  static routine = true

  async handle(_payload: Record<string, never>, context: JobContext) {
    const result = await new RunRetention().handle()
    if (result.archived || result.purged) {
      context.logger.info(
        {
          archived: result.archived,
          purged: result.purged,
          bundles: result.bundles.map((b) => b.name),
        },
        'retention run'
      )
    }
  }
}
