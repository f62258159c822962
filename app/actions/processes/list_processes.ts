import { DateTime } from 'luxon'
import Process, { type ProcessFilters } from '#models/process'
import type { ProcessSort } from '#enums/process_list'
import { definitionsOf } from '#support/definitions'
import { keyset, pageOf } from '#support/cursor'

export type ListParams = ProcessFilters & {
  page?: number
  perPage?: number
  sort?: ProcessSort
  direction?: 'asc' | 'desc'
}

/**
 * One page of processes with what a list shows (workflow, assignee, stage
 * names): a fixed number of queries whatever the page size.
 */
export default class ListProcesses {
  async handle(params: ListParams, viewerId?: number) {
    const page = await Process.query()
      .withScopes((s) => {
        s.filtered(params, viewerId)
        s.sorted(params.sort ?? 'updated_at', params.direction ?? 'desc')
      })
      .preload('workflow')
      .preload('assignee')
      .paginate(params.page ?? 1, params.perPage ?? 20)

    const definitions = await definitionsOf(page.all().map((p) => p.workflowVersionId))
    return { page, definitions }
  }

  /**
   * The same filters, one keyset page (newest first) instead of a numbered
   * page: `{ cursor, limit }` of app/support/cursor.ts.
   */
  async keysetPage(params: ListParams & { cursor?: string; limit?: number }, viewerId?: number) {
    const rows = await keyset(
      Process.query()
        .withScopes((s) => s.filtered(params, viewerId))
        .preload('workflow')
        .preload('assignee'),
      params,
      { column: 'processes.id' }
    )
    const { rows: processes, metadata } = pageOf(rows, params)
    const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
    return { processes, metadata, definitions }
  }

  /**
   * Turns validated query-string values into filters.
   */
  static filtersFrom(
    input: {
      createdFrom?: Date
      createdTo?: Date
    } & Omit<ListParams, 'createdFrom' | 'createdTo'>
  ): ListParams {
    return {
      ...input,
      createdFrom: input.createdFrom ? DateTime.fromJSDate(input.createdFrom).startOf('day') : null,
      createdTo: input.createdTo
        ? DateTime.fromJSDate(input.createdTo).plus({ days: 1 }).startOf('day')
        : null,
    }
  }
}
