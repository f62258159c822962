import db from '@adonisjs/lucid/services/db'
import { definitionsOf } from '#support/definitions'
import { indexWholeProcess } from '#actions/search/process_index'
import { leanTransaction } from '#support/database/lean_transaction'
import { instantOfSql } from '#support/sql_time'

/**
 * Writes the search index of every process again (`node ace search:rebuild`):
 * after fields were made searchable, or for processes started before the
 * index existed (its free-text postings are replaced too). Batches by id, one transaction each (its rows are dropped
 * and rewritten), so memory and lock time follow the batch size.
 */
export default class RebuildSearchIndex {
  async handle(
    options: {
      batchSize?: number
      workflowId?: number
      /** One process only (a restored archive). */
      processId?: number
      onProgress?: (done: number) => void
    } = {}
  ) {
    const size = options.batchSize ?? 500
    let lastId = 0
    let done = 0
    for (;;) {
      const query = db
        .from('processes')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(size)
        .select(
          'id',
          'workflow_id',
          'workflow_version_id',
          'reference',
          'title',
          'data',
          'created_at'
        )
      if (options.workflowId) query.where('workflow_id', options.workflowId)
      if (options.processId) query.where('id', options.processId)
      const rows = await query
      if (rows.length === 0) break
      const definitions = await definitionsOf(rows.map((r) => r.workflow_version_id))
      const ids = rows.map((r) => r.id as number)
      await leanTransaction(async (trx) => {
        await trx.run(
          `DELETE FROM process_field_values WHERE process_id IN (${ids.map(() => '?').join(', ')})`,
          ids
        )
        for (const row of rows) {
          const definition = definitions.get(row.workflow_version_id)
          if (!definition) continue
          await indexWholeProcess(
            trx,
            {
              id: row.id,
              workflowId: row.workflow_id,
              workflowVersionId: row.workflow_version_id,
              reference: row.reference,
              title: row.title,
              data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
              createdAt: new Date(instantOfSql(row.created_at) ?? 0),
            },
            definition
          )
        }
      })
      done += rows.length
      lastId = ids.at(-1)!
      options.onProgress?.(done)
    }
    return { processes: done }
  }
}
