import { DateTime } from 'luxon'
import Process, { type ProcessFilters, type ProcessSort } from '#models/process'
import type { WorkflowDefinition } from '#engine/definition'
import { definitionsOf } from '#support/definitions'

/** "Due soon" on the dashboard and in the list: active, not overdue yet, due within this window. */
export const DUE_SOON_HOURS = 24

export type ProcessPageFilters = ProcessFilters & {
  dueSoon?: boolean | null
}

export type ProcessPageParams = ProcessPageFilters & {
  sort?: ProcessSort
  direction?: 'asc' | 'desc'
}

/**
 * The query behind the process list, its CSV export and the dashboard's
 * numbers, so a number on the dashboard is exactly the total of the list
 * it links to. The model's `filtered` and `sorted` scopes do the work; the
 * page adds "due soon", which the API filters do not have (yet).
 */
export function processListQuery(params: ProcessPageParams, viewerId: number) {
  return Process.query()
    .withScopes((scopes) => {
      scopes.filtered(params, viewerId)
      scopes.sorted(params.sort ?? 'updated_at', params.direction ?? 'desc')
    })
    .if(params.dueSoon, (query) => {
      const now = DateTime.now()
      query
        .where('processes.status', 'active')
        .where('processes.due_at', '>=', now.toSQL({ includeOffset: false })!)
        .where(
          'processes.due_at',
          '<',
          now.plus({ hours: DUE_SOON_HOURS }).toSQL({ includeOffset: false })!
        )
    })
}

/**
 * One page of the process list with what a row shows (workflow, assignee,
 * stage names): the same number of queries for 1 row or 20.
 */
export default class ListProcessPage {
  static PER_PAGE = 20

  async handle(params: ProcessPageParams & { page?: number }, viewerId: number) {
    const page = await processListQuery(params, viewerId)
      .preload('workflow')
      .preload('assignee')
      .paginate(params.page ?? 1, ListProcessPage.PER_PAGE)
    const definitions = await definitionsOf(page.all().map((p) => p.workflowVersionId))
    return { page, definitions }
  }

  /**
   * Every matching process, in list order, in batches of `size`: memory
   * stays bounded by one batch whatever the number of rows. Each batch
   * costs a fixed number of queries (rows, workflows, assignees, and the
   * definitions not cached yet).
   */
  async *batches(
    params: ProcessPageParams,
    viewerId: number,
    size = 500
  ): AsyncGenerator<{ processes: Process[]; definitions: Map<number, WorkflowDefinition> }> {
    for (let offset = 0; ; offset += size) {
      const processes = await processListQuery(params, viewerId)
        .preload('workflow')
        .preload('assignee')
        .offset(offset)
        .limit(size)
      if (processes.length === 0) return
      const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
      yield { processes, definitions }
      if (processes.length < size) return
    }
  }
}
