import { DateTime } from 'luxon'
import Process, { type ProcessFilters } from '#models/process'
import { listedProcesses } from '#actions/processes/listed_processes'
import type { ProcessSort } from '#enums/process_list'
import { definitionsOf } from '#support/definitions'
import { DEFAULT_LIMIT, decodeTimeCursor, encodeTimeCursor, keyset, pageOf } from '#support/cursor'
import { postingPlan } from '#models/process_search'
import { postingsPageQuery } from '#actions/process_pages/list_process_page'
import { whereAfter, type SortedCursor } from '#support/sorted_cursor'

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
   * page: `{ cursor, limit }` of app/support/cursor.ts. By id; a free-text
   * search by (created_at, id), see `searchPage`.
   */
  async keysetPage(params: ListParams & { cursor?: string; limit?: number }, viewerId?: number) {
    if (params.q) return this.searchPage(params, viewerId)
    const rows = await listedProcesses(
      keyset(
        Process.query().withScopes((s) => s.filtered(params, viewerId)),
        params,
        { column: 'processes.id' }
      )
    )
    const { rows: processes, metadata } = pageOf(rows, params)
    const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
    return { processes, metadata, definitions }
  }

  /**
   * A free-text search, newest first by (created_at, id) with a time
   * cursor: the order its postings are kept in, so a page costs a page
   * whatever the number of matches (`postingsPageQuery`). Id order is not
   * that order (a process started with an earlier time commits later, a
   * restored one keeps its time), so an id cursor could skip or repeat
   * rows. When the words cannot drive (`postingPlan` is null) FULLTEXT
   * answers, in the same order and with the same cursor.
   */
  private async searchPage(
    params: ListParams & { cursor?: string; limit?: number },
    viewerId?: number
  ) {
    const limit = params.limit ?? DEFAULT_LIMIT
    const from = decodeTimeCursor(params.cursor)
    const cursor: SortedCursor | null = from
      ? { sort: 'created_at', direction: 'desc', value: from.at, id: from.id }
      : null
    const plan = await postingPlan(params.q)
    let query
    if (plan) {
      query = postingsPageQuery(params, viewerId ?? 0, plan, 'desc', cursor, limit + 1)
    } else {
      query = Process.query()
        .withScopes((s) => {
          s.filtered(params, viewerId)
          s.sorted('created_at', 'desc')
        })
        .limit(limit + 1)
      if (cursor) {
        whereAfter(query, 'processes.created_at', 'processes.id', 'desc', cursor.value, cursor.id)
      }
    }
    const rows = await listedProcesses(query)
    const processes = rows.slice(0, limit)
    const last = processes.at(-1)
    const nextCursor =
      rows.length > limit && last ? encodeTimeCursor(last.createdAt.toJSDate(), last.id) : null
    const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
    return { processes, metadata: { limit, nextCursor }, definitions }
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
