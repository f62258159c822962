import { BaseTransformer } from '@adonisjs/core/transformers'
import type Workflow from '#models/workflow'

export type Standing = {
  byStatus: Record<string, number>
  /** Statuses whose count reached the cap (shown as "10,000+"). */
  statusCapped: string[]
  byStage: { key: string; name: string; count: number; capped: boolean }[]
}

/**
 * Where a workflow's processes stand, for the dashboard: counts by status
 * and active ones by stage (definition order), each capped: a count that
 * reached the cap comes with `capped` (the UI says "10,000+").
 */
export default class WorkflowStandingTransformer extends BaseTransformer<Workflow> {
  constructor(
    resource: Workflow,
    /** Standings by workflow id. */
    protected standings: Map<number, Standing>
  ) {
    super(resource)
  }

  toObject() {
    const standing = this.standings.get(this.resource.id)
    return {
      key: this.resource.key,
      name: this.resource.name,
      byStatus: {
        active: standing?.byStatus.active ?? 0,
        completed: standing?.byStatus.completed ?? 0,
        cancelled: standing?.byStatus.cancelled ?? 0,
        failed: standing?.byStatus.failed ?? 0,
      },
      statusCapped: {
        active: standing?.statusCapped.includes('active') ?? false,
        completed: standing?.statusCapped.includes('completed') ?? false,
        cancelled: standing?.statusCapped.includes('cancelled') ?? false,
        failed: standing?.statusCapped.includes('failed') ?? false,
      },
      byStage: standing?.byStage ?? [],
    }
  }
}
