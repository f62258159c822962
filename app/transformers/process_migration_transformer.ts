import { BaseTransformer } from '@adonisjs/core/transformers'
import type ProcessMigration from '#models/process_migration'

/**
 * A process migration over the API (the workflow and both versions
 * preloaded): the versions, the counters and the status of the run.
 */
export default class ProcessMigrationTransformer extends BaseTransformer<ProcessMigration> {
  toObject() {
    const m = this.resource
    return {
      ...this.pick(m, ['id', 'status', 'total', 'moved', 'refused', 'failed']),
      workflow: m.workflow.key,
      from: m.fromVersion.number,
      to: m.toVersion.number,
      progress: m.progress,
      mapping: m.mapping,
      error: m.error ?? null,
      requestedBy: m.requestedBy,
      createdAt: m.createdAt.toISO()!,
      finishedAt: m.finishedAt?.toISO() ?? null,
    }
  }
}
