import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Process from '#models/process'
import type User from '#models/user'
import type { BulkSelection } from '#models/bulk_operation'
import ListProcesses from '#actions/processes/list_processes'
import { processListQuery } from '#actions/process_pages/list_process_page'
import { listProcessesValidator } from '#validators/process'
import { dataFiltersOf } from '#actions/search/data_filters'
import { processPageFiltersValidator } from '#validators/process_page'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

/** The most processes one bulk action may touch: a bigger filter must be narrowed first. */
export const BULK_LIMIT = 5000

/** Rows read per query while judging or recording a selection. */
export const BULK_BATCH = 500

/**
 * The processes a bulk selection covers: the ticked ids, or every process
 * the list filter matches (validated exactly as the list validates it, and
 * with "me" meaning the person asking), as a query on `processes`.
 */
export async function selectionQuery(selection: BulkSelection, viewer: User) {
  // Processes of workflows the viewer may not see are never part of a selection.
  const hiddenWorkflows = await hiddenWorkflowIds(viewer)
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)]
    return () =>
      Process.query()
        .whereIn('processes.id', ids)
        .withScopes((s) => s.visibleTo(hiddenWorkflows))
  }
  const input = await listProcessesValidator.validate(selection.filter)
  const extra = await processPageFiltersValidator.validate(selection.filter)
  const { data } = await dataFiltersOf(new URLSearchParams(selection.filter), {
    key: input.workflow,
    hidden: hiddenWorkflows,
  })
  const params = {
    ...ListProcesses.filtersFrom(input),
    dueSoon: extra.dueSoon ?? null,
    hiddenWorkflows,
    data,
  }
  return () => processListQuery(params, viewer.id).clearOrder()
}

/**
 * Every process of a selection, in id order, `size` rows per query, so
 * memory and the number of queries are bounded by the batch, not by the
 * selection. `limit` stops early (one row past the limit is enough to know
 * the selection is too large).
 */
export async function* processBatches(
  query: () => ModelQueryBuilderContract<typeof Process, Process>,
  options: { size?: number; client?: TransactionClientContract; limit?: number } = {}
): AsyncGenerator<Process[]> {
  const size = options.size ?? BULK_BATCH
  let lastId = 0
  let seen = 0
  for (;;) {
    const q = query()
    if (options.client) q.useTransaction(options.client)
    const batch = await q.where('processes.id', '>', lastId).orderBy('processes.id').limit(size)
    if (!batch.length) return
    yield batch
    seen += batch.length
    lastId = batch[batch.length - 1]!.id
    if (batch.length < size) return
    if (options.limit !== undefined && seen > options.limit) return
  }
}
