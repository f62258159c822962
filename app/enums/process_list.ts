/**
 * The process list's columns and sorts (page, API, saved views), shared with
 * the list page in the browser.
 */

/** Columns the list sorts by. */
export const PROCESS_SORTS = [
  'reference',
  'title',
  'stage',
  'status',
  'priority',
  'due_at',
  'created_at',
  'updated_at',
] as const

export type ProcessSort = (typeof PROCESS_SORTS)[number]

/**
 * The `processes` columns a list row reads: what a row shows, the
 * relations it names and every sort's column (the cursors). Not the
 * process's data (a JSON text of any length, parsed twice per row by a
 * model) nor the engine's bookkeeping. The list's queries select these
 * (`LIST_COLUMNS`), and so does bench:scale's raw baseline.
 */
export const LIST_ROW_COLUMNS = [
  'id',
  'workflow_id',
  'workflow_version_id',
  'reference',
  'title',
  'stage_key',
  'status',
  'priority',
  'assignee_id',
  'due_at',
  'sla_breached',
  'version',
  'created_at',
  'updated_at',
  'closed_at',
  'parent_id',
] as const

/**
 * The list's order when none is chosen: a search lists its matches newest
 * first, like a mailbox (the order its postings are kept in, so a page
 * costs a page whatever the number of matches); otherwise the last
 * changed first.
 */
export function defaultSortOf(filters: { q?: string | null }): ProcessSort {
  return filters.q ? 'created_at' : 'updated_at'
}

/** Columns of the process list a view may show (and `data.<key>` of a searchable field). */
export const VIEW_COLUMNS = [
  'reference',
  'title',
  'workflow',
  'stage',
  'status',
  'priority',
  'assignee',
  'due_at',
  'updated_at',
  'created_at',
] as const

/** What the list shows when no columns are chosen. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'reference',
  'title',
  'workflow',
  'stage',
  'status',
  'assignee',
  'priority',
  'due_at',
  'updated_at',
]

/**
 * The columns shown when none are chosen: a search shows when each match
 * was created, the order it lists them in (`defaultSortOf`), where the
 * list shows the last change — as many columns, so the table fits.
 */
export function defaultColumnsOf(filters: { q?: string | null }): readonly string[] {
  return filters.q
    ? DEFAULT_COLUMNS.map((column) => (column === 'updated_at' ? 'created_at' : column))
    : DEFAULT_COLUMNS
}
