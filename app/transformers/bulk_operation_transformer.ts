import { BaseTransformer } from '@adonisjs/core/transformers'
import type BulkOperation from '#models/bulk_operation'

/**
 * A bulk operation over the API: what was asked, on what kind of
 * selection, and how far the background run got.
 */
export default class BulkOperationTransformer extends BaseTransformer<BulkOperation> {
  toObject() {
    const op = this.resource
    return {
      ...this.pick(op, ['id', 'action', 'status', 'total', 'processed', 'succeeded', 'refused']),
      failed: op.failed,
      progress: op.progress,
      transition: op.parameters.transition ?? null,
      assigneeId: op.parameters.assigneeId ?? null,
      reason: op.parameters.reason ?? null,
      byFilter: 'filter' in op.selection,
      error: op.error ?? null,
      requestedBy: op.requestedBy,
      createdAt: op.createdAt.toISO()!,
      finishedAt: op.finishedAt?.toISO() ?? null,
    }
  }
}
