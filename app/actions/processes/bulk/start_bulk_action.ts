import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import BulkOperation, { type BulkSelection } from '#models/bulk_operation'
import type User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'
import { recordAudit } from '#actions/audit/record_audit'
import type { BulkPlan } from '#actions/processes/bulk/judge'
import { BULK_LIMIT, processBatches, selectionQuery } from '#actions/processes/bulk/selection'

/**
 * Records a confirmed bulk action in one transaction: the operation, one
 * pending item per selected process (the selection is fixed now, so a
 * filter that matches new processes later does not widen it) and the
 * outbox message that starts run_bulk_action in the background.
 */
export default class StartBulkAction {
  async handle(params: { plan: BulkPlan; selection: BulkSelection; actor: User }) {
    const query = await selectionQuery(params.selection, params.actor)
    const now = DateTime.now()

    return db.transaction(async (trx) => {
      const operation = await BulkOperation.create(
        {
          requestedBy: params.actor.id,
          action: params.plan.action,
          parameters: params.plan.parameters,
          selection: params.selection,
          status: 'pending',
          total: 0,
          processed: 0,
          succeeded: 0,
          refused: 0,
          failed: 0,
        },
        { client: trx }
      )

      let total = 0
      for await (const batch of processBatches(() => query().select('processes.id'), {
        client: trx,
        size: 1000,
        limit: BULK_LIMIT,
      })) {
        total += batch.length
        if (total > BULK_LIMIT) {
          throw new InvalidInput(
            `At most ${BULK_LIMIT} processes can be changed at once; narrow the filter.`,
            [{ field: 'filter', message: `At most ${BULK_LIMIT} processes` }]
          )
        }
        await trx.table('bulk_operation_items').multiInsert(
          batch.map((p) => ({
            bulk_operation_id: operation.id,
            process_id: p.id,
            outcome: 'pending',
          }))
        )
      }
      if (total === 0) {
        throw new InvalidInput('No process matches this selection.', [
          { field: 'ids', message: 'Select at least one process' },
        ])
      }

      operation.total = total
      await operation.useTransaction(trx).save()
      await trx.table('outbox_messages').insert({
        topic: 'bulk.requested',
        queue: 'default',
        payload: JSON.stringify({ bulkOperationId: operation.id }),
        status: 'pending',
        attempts: 0,
        available_at: sqlTime(now),
        created_at: sqlTime(now),
      })
      await recordAudit(trx, {
        action: 'bulk.started',
        actor: { id: params.actor.id, email: params.actor.email },
        subject: { type: 'bulk_operation', id: operation.id, label: params.plan.action },
        after: { action: params.plan.action, processes: total },
      })
      return operation
    })
  }
}
