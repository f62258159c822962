import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Process, { type ProcessFilters } from '#models/process'
import { defaultSortOf, LIST_ROW_COLUMNS, type ProcessSort } from '#enums/process_list'
import type { WorkflowDefinition } from '#engine/definition'
import { definitionsOf } from '#support/definitions'
import {
  applyPostings,
  dataOnlyCountQuery,
  postingPlan,
  type PostingPlan,
} from '#models/process_search'
import { listedRows, type ListedProcess } from '#actions/processes/listed_processes'
import { cappedTotalQuery } from '#support/database/capped_count'
import {
  decodeSortedCursor,
  encodeSortedCursor,
  storedValue,
  whereAfter,
  type SortedCursor,
} from '#support/sorted_cursor'

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
 * page adds "due soon", which the API filters do not have (yet). With
 * free text and no chosen sort it lists newest first (`defaultSortOf`).
 */
export function processListQuery(params: ProcessPageParams, viewerId: number) {
  return Process.query()
    .withScopes((scopes) => {
      scopes.filtered(params, viewerId)
      scopes.sorted(params.sort ?? defaultSortOf(params), params.direction ?? 'desc')
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
 * The list's one data filter when nothing else narrows the process rows
 * (the workflow it names aside): its count is the search index's alone.
 */
function soleDataFilter(params: ProcessPageParams) {
  if (params.data?.length !== 1) return null
  const narrows = Object.entries(params).some(
    ([key, value]) =>
      !COUNT_NEUTRAL.has(key) &&
      value !== undefined &&
      value !== null &&
      value !== false &&
      value !== ''
  )
  return narrows ? null : params.data[0]!
}

/**
 * `soleDataFilter`, and whether its workflow is hidden from the viewer
 * (nothing can match then): what both counting paths decide first.
 */
function loneDataFilter(params: ProcessPageParams) {
  const only = soleDataFilter(params)
  return { only, hidden: Boolean(only && params.hiddenWorkflows?.includes(only.workflowId)) }
}

/** Parameters that do not narrow the rows beyond the data filter's workflow (an allowlist: a new filter counts the long way). */
const COUNT_NEUTRAL = new Set([
  'workflow',
  'hiddenWorkflows',
  'data',
  'sort',
  'direction',
  'page',
  'after',
  'before',
])

/**
 * The list's filters without free text, reading the postings of `completions`
 * (`applyPostings`): unordered and unselected.
 */
function postingsQuery(
  params: ProcessPageParams,
  viewerId: number,
  plan: PostingPlan,
  completions: string[]
) {
  return applyPostings(
    processListQuery({ ...params, q: null }, viewerId).clearOrder(),
    plan,
    completions
  )
}

/**
 * A page of a free-text search in created_at order from the postings
 * (`postingPlan`): one completion is one ordered index read that stops
 * after `limit` matching rows; several are each read so, merged and
 * deduplicated (a process with "laptop" and "laptops"), then ordered and
 * cut: O(page × completions), never O(matches).
 */
export function postingsPageQuery(
  params: ProcessPageParams,
  viewerId: number,
  plan: PostingPlan,
  reading: 'asc' | 'desc',
  from: SortedCursor | null,
  limit: number
) {
  const branch = (completions: string[]) => {
    const query = postingsQuery(params, viewerId, plan, completions)
      .orderBy('w.created_at', reading)
      .orderBy('w.process_id', reading)
      .limit(limit)
    if (from) whereAfter(query, 'w.created_at', 'w.process_id', reading, from.value, from.id)
    return query
  }
  if (plan.completions.length <= 1) return branch(plan.completions).select(LIST_COLUMNS)
  const parts = plan.completions.map((completion) =>
    branch([completion]).select('processes.id', 'w.created_at as posted_at').toSQL()
  )
  // SQLite takes ORDER BY and LIMIT in a compound's parts only inside a subquery.
  const union = parts
    .map((part, i) => `SELECT id, posted_at FROM (${part.sql}) AS part${i}`)
    .join(' UNION ')
  const mysql = db.connection().dialect.name.startsWith('mysql')
  return Process.query()
    .from(db.raw(`(${union}) AS page`, parts.flatMap((part) => [...part.bindings]) as any[]) as any)
    .joinRaw(`${mysql ? 'STRAIGHT_JOIN' : 'CROSS JOIN'} processes ON processes.id = page.id`)
    .select(LIST_COLUMNS)
    .orderBy('page.posted_at', reading)
    .orderBy('page.id', reading)
    .limit(limit)
}

/**
 * A list row's columns (`LIST_ROW_COLUMNS`), qualified: not `processes.*`,
 * whose data (a JSON text of any length) no row shows. When rows were still
 * models, a page of 21 read, made models and transformed: 565 → 500 µs CPU
 * (tmp/ab_cols.ts, scratch: 3,000 of each, alternated).
 */
export const LIST_COLUMNS = LIST_ROW_COLUMNS.map((column) => `processes.${column}`)

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

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
   * Above this many matches the list says "10,000+" instead of counting
   * them all: the count reads at most COUNT_CAP + 1 index entries.
   */
  static COUNT_CAP = 10_000

  /**
   * The rows query of one cursor page (PER_PAGE + 1 rows, to know whether
   * there is a next one), before preloads: what the page runs, and what
   * the EXPLAIN test checks for every filter and sort. Free text in
   * created_at order (the default with `q`) reads the ordered postings
   * (`postings` is true); other sorts, and words too short to drive, use
   * FULLTEXT/FTS5 and cost what all the matches do.
   */
  static async pageQuery(
    params: ProcessPageParams & { after?: string; before?: string },
    viewerId: number
  ) {
    const sort = params.sort ?? defaultSortOf(params)
    const direction = params.direction ?? 'desc'
    const column = `processes.${sort === 'stage' ? 'stage_key' : sort}`
    const fits = (cursor: SortedCursor | null) =>
      cursor && cursor.sort === sort && cursor.direction === direction ? cursor : null
    const after = fits(decodeSortedCursor(params.after, 'after'))
    const before = after ? null : fits(decodeSortedCursor(params.before, 'before'))

    // Going back: the rows before the cursor, read in the reverse order.
    const reading = before ? (direction === 'asc' ? 'desc' : 'asc') : direction
    const from = after ?? before
    const plan = await postingPlan(params.q)
    if (plan && sort === 'created_at') {
      const query = postingsPageQuery(
        params,
        viewerId,
        plan,
        reading,
        from,
        ListProcessPage.PER_PAGE + 1
      )
      return { query, sort, direction, after, before, postings: true, plan }
    }
    const query = processListQuery({ ...params, sort, direction: reading }, viewerId)
      .select(LIST_COLUMNS)
      .limit(ListProcessPage.PER_PAGE + 1)
    if (from) whereAfter(query, column, 'processes.id', reading, from.value, from.id)
    return { query, sort, direction, after, before, postings: false, plan }
  }

  /**
   * The count query behind `cappedCount` (and the saved views' counts):
   * at most `cap` + 1 matching rows. Free text counts postings joined to
   * their processes (whatever the sort) when `postingPlan` allows — the
   * postings alone when no filter applies to the process rows (10,001
   * index entries instead of as many process rows read by primary key).
   * In an object: a query builder is thenable, so awaiting it would run it.
   */
  static async countQuery(
    params: ProcessPageParams,
    viewerId: number,
    cap = ListProcessPage.COUNT_CAP,
    known?: PostingPlan | null
  ) {
    const plan = known === undefined ? await postingPlan(params.q) : known
    let inner
    if (!plan) {
      inner = processListQuery(params, viewerId).clearOrder()
    } else {
      // The list's own conditions on the process rows, if any (hidden workflows, status…).
      const rows = processListQuery({ ...params, q: null }, viewerId).clearOrder()
      inner = /\bwhere\b/i.test(rows.toQuery())
        ? applyPostings(rows, plan, plan.completions)
        : applyPostings(db.query(), plan, plan.completions, { join: false })
    }
    // A process with two completions of the driving word has two postings.
    if (plan && plan.completions.length > 1) inner.distinct('w.process_id')
    else inner.select(plan ? 'w.process_id' : 'processes.id')
    return { query: cappedTotalQuery(inner, cap) }
  }

  /**
   * One page of the list by cursor (keyset on the sort column and id):
   * `after` continues past the last row of a page, `before` goes back from
   * the first. Stable under inserts, and a deep page costs what the first
   * does; the count is exact up to COUNT_CAP and "capped" above it.
   */
  async keysetPage(
    params: ProcessPageParams & { after?: string; before?: string },
    viewerId: number
  ) {
    const { query, sort, direction, after, before, plan } = await ListProcessPage.pageQuery(
      params,
      viewerId
    )
    const perPage = ListProcessPage.PER_PAGE
    const rows = await listedRows(query)
    const more = rows.length > perPage
    const page = rows.slice(0, perPage)
    if (before) page.reverse()

    const sorted = camel(sort === 'stage' ? 'stage_key' : sort) as keyof ListedProcess
    const cursorOf = (process: ListedProcess | undefined) =>
      process
        ? encodeSortedCursor({
            sort,
            direction,
            value: storedValue(process[sorted]),
            id: process.id,
          })
        : null
    // Forward: a next page when more rows came; a previous one when this is not the first.
    // Backward: a previous page when more rows came; the next is where we came from.
    const next = before ? cursorOf(page.at(-1)) : more ? cursorOf(page.at(-1)) : null
    const previous = before ? (more ? cursorOf(page[0]) : null) : after ? cursorOf(page[0]) : null

    // A first page that is not full holds every match: it is its own count (one statement less).
    const counted =
      after || before || more
        ? await this.cappedCount(params, viewerId, plan)
        : { total: page.length, capped: false }
    const definitions = await definitionsOf(page.map((p) => p.workflowVersionId))
    return {
      processes: page,
      definitions,
      meta: { perPage, total: counted.total, capped: counted.capped, next, previous },
    }
  }

  /**
   * How many processes match, counted up to `cap` (COUNT_CAP; `capped`
   * above it): the list's total, the saved views' counts. `plan` is the
   * page's free-text plan when it has one already. A lone data filter is
   * counted from the search index alone.
   */
  async cappedCount(
    params: ProcessPageParams,
    viewerId: number,
    plan?: PostingPlan | null,
    cap = ListProcessPage.COUNT_CAP
  ) {
    const { only, hidden } = loneDataFilter(params)
    if (only?.counted?.cap === cap && !hidden) {
      // Counted already, with the same statement, when the filter was checked (markBroadFilters).
      return ListProcessPage.capped(only.counted.total, cap)
    }
    const counting = await ListProcessPage.cappedCountQuery(params, viewerId, cap, plan)
    const [row]: { total?: number | string }[] = counting ? await counting.query.exec() : []
    return ListProcessPage.capped(Number(row?.total ?? 0), cap)
  }

  /**
   * The statement `cappedCount` runs (a `total` column), or null when
   * nothing can match (a lone data filter on a workflow the viewer may not
   * see): the list's count, or a lone data filter's from the search index
   * alone. In an object, as `countQuery`'s.
   */
  static async cappedCountQuery(
    params: ProcessPageParams,
    viewerId: number,
    cap = ListProcessPage.COUNT_CAP,
    plan?: PostingPlan | null
  ) {
    const { only, hidden } = loneDataFilter(params)
    if (hidden) return null
    return only
      ? { query: dataOnlyCountQuery(only, cap) }
      : ListProcessPage.countQuery(params, viewerId, cap, plan)
  }

  /** A count read up to `cap` + 1 rows, as shown: the number, or the cap and `capped`. */
  static capped(total: number, cap = ListProcessPage.COUNT_CAP) {
    return total > cap ? { total: cap, capped: true } : { total, capped: false }
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
