import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'
import BulkOperation from '#models/bulk_operation'
import Process from '#models/process'
import User from '#models/user'
import { definitionsOf } from '#support/definitions'
import { publishToUser } from '#support/live_updates'
import ApplyBulkAction, {
  bulkKey,
  type ItemResult,
} from '#actions/processes/bulk/apply_bulk_action'

type Payload = { bulkOperationId: number }

/** Processes per round: one read of rows, definitions and earlier keys, then one progress update. */
const ROUND = 50

/**
 * Runs a confirmed bulk operation: every pending item, one process at a
 * time through ApplyBulkAction (its own transaction each), then its
 * outcome on the item and the counters on the operation after each round.
 * Resumable and idempotent: finished items are skipped, and a process
 * whose change was committed before a crash (its `bulk:<op>:<process>`
 * event exists) is recorded as succeeded without running again.
 */
export default class RunBulkAction extends Job<Payload> {
  static jobName = 'run_bulk_action'

  async handle(payload: Payload, context: JobContext) {
    const operation = await BulkOperation.find(payload.bulkOperationId)
    if (!operation || operation.isFinished) return
    if (operation.status === 'pending') {
      operation.merge({ status: 'running', startedAt: DateTime.now() })
      await operation.save()
    }
    const actor = operation.requestedBy ? await User.find(operation.requestedBy) : null
    const apply = new ApplyBulkAction()

    for (;;) {
      const items = await db
        .from('bulk_operation_items')
        .where('bulk_operation_id', operation.id)
        .where('outcome', 'pending')
        .orderBy('process_id')
        .limit(ROUND)
        .select('id', 'process_id')
      if (!items.length) break

      const ids = items.map((i) => Number(i.process_id))
      const rows = await Process.query().whereIn('id', ids)
      const processes = new Map(rows.map((p) => [p.id, p]))
      const definitions = await definitionsOf(
        [...processes.values()].map((p) => p.workflowVersionId)
      )
      const earlier = await db
        .from('process_events')
        .whereIn('process_id', ids)
        .whereIn(
          'idempotency_key',
          ids.map((id) => bulkKey(operation.id, id))
        )
        .select('process_id')
      const applied = new Set(earlier.map((row) => Number(row.process_id)))

      for (const item of items) {
        const process = processes.get(Number(item.process_id))!
        let result: ItemResult
        if (applied.has(process.id)) {
          result = { outcome: 'succeeded', code: null, message: null }
        } else if (!actor || !actor.isActive) {
          result = { outcome: 'refused', code: 'forbidden', message: null }
        } else {
          result = await apply.handle({
            operation,
            process,
            actor,
            definition: definitions.get(process.workflowVersionId)!,
          })
        }
        await db
          .from('bulk_operation_items')
          .where('id', item.id)
          .update({ outcome: result.outcome, code: result.code, message: result.message })
      }
      await this.updateCounters(operation)
      await context.progress(operation.progress)
      this.announce(operation)
    }

    await this.updateCounters(operation)
    operation.merge({ status: 'completed', finishedAt: DateTime.now() })
    await operation.save()
    this.announce(operation)
    context.logger.info(
      {
        bulkOperationId: operation.id,
        succeeded: operation.succeeded,
        refused: operation.refused,
        failed: operation.failed,
      },
      'bulk operation finished'
    )
  }

  async failed(payload: Payload, error: Error) {
    await BulkOperation.query()
      .where('id', payload.bulkOperationId)
      .update({ status: 'failed', error: error.message.slice(0, 2000) })
  }

  /**
   * Tells the requester's open operation page to refresh now (a hint: the
   * page also polls, and reads the counters from the database).
   */
  protected announce(operation: BulkOperation) {
    if (!operation.requestedBy) return
    publishToUser(operation.requestedBy, {
      type: 'bulk.progress',
      bulkOperationId: operation.id,
      status: operation.status,
      processed: operation.processed,
      total: operation.total,
    })
  }

  protected async updateCounters(operation: BulkOperation) {
    const rows = await db
      .from('bulk_operation_items')
      .where('bulk_operation_id', operation.id)
      .groupBy('outcome')
      .select('outcome')
      .count('* as total')
    const count = (outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.total ?? 0)
    operation.merge({
      succeeded: count('succeeded'),
      refused: count('refused'),
      failed: count('failed'),
    })
    operation.processed = operation.succeeded + operation.refused + operation.failed
    await operation.save()
  }
}
