import { errors } from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import ListProcesses from '#actions/processes/list_processes'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import { dataFiltersOf, type FieldLookup } from '#actions/search/data_filters'
import { listProcessesValidator } from '#validators/process'
import { processPageFiltersValidator } from '#validators/process_page'
import { InvalidInput } from '#exceptions/domain_error'

/** Query-string keys a view's filter may hold (the list's, without paging and sort). */
const FILTER_KEYS = new Set([
  'workflow',
  'stage',
  'status',
  'assignee',
  'priority',
  'overdue',
  'dueSoon',
  'createdFrom',
  'createdTo',
  'q',
  'parent',
])

/**
 * A view's filter as list parameters, checked exactly as the list checks
 * its query string (data filters against the workflow's field types);
 * `hidden` are the viewer's hidden workflows, so a shared view never
 * counts what its reader may not see.
 */
export async function viewParams(
  filters: Record<string, string>,
  hidden: number[],
  lookup?: FieldLookup
): Promise<ProcessPageParams> {
  for (const key of Object.keys(filters)) {
    if (!FILTER_KEYS.has(key) && !key.startsWith('data.')) {
      throw new InvalidInput('Unknown filter', [
        { field: `filters.${key}`, message: `"${key}" is not a filter of the process list` },
      ])
    }
  }
  try {
    const input = await listProcessesValidator.validate(filters)
    const extra = await processPageFiltersValidator.validate(filters)
    const { data } = await dataFiltersOf(
      new URLSearchParams(filters),
      { key: input.workflow, hidden },
      lookup
    )
    return {
      ...ListProcesses.filtersFrom(input),
      dueSoon: extra.dueSoon ?? null,
      hiddenWorkflows: hidden,
      data,
    }
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) {
      const messages = error.messages as { field: string; message: string }[]
      throw new InvalidInput(
        'Invalid filter',
        messages.map((m) => ({ field: `filters.${m.field}`, message: m.message }))
      )
    }
    if (error instanceof InvalidInput && error.fieldErrors) {
      throw new InvalidInput(
        error.message,
        error.fieldErrors.map((f) => ({ ...f, field: `filters.${f.field}` }))
      )
    }
    throw error
  }
}

/** Counts above this show as "1,000+": a view's count never scans more rows than this. */
export const VIEW_COUNT_CAP = 1000

/**
 * How many processes match, up to the cap: the list's own capped count
 * (`ListProcessPage.cappedCountQuery`: at most `cap + 1` rows; free text
 * from its ordered postings, a lone data filter from the search index
 * alone), so a view of a million rows costs what a view of a thousand does.
 */
export async function cappedCount(
  params: ProcessPageParams,
  viewerId: number,
  cap = VIEW_COUNT_CAP
) {
  const [counted] = await cappedCounts([params], viewerId, cap)
  return counted!
}

/** A capped count's statement (a `total` column's subquery), or null when nothing can match. */
export type CountStatement = { sql: string; bindings: readonly unknown[] } | null

/** The statement of `params`' capped count, compiled (see `cappedCounts`). */
export async function countStatement(
  params: ProcessPageParams,
  viewerId: number,
  cap = VIEW_COUNT_CAP
): Promise<CountStatement> {
  const counting = await ListProcessPage.cappedCountQuery(params, viewerId, cap)
  if (!counting) return null
  const { sql, bindings } = counting.query.toSQL()
  return { sql, bindings }
}

/**
 * Whether a view's statement depends on more than the view, its viewer
 * and the access epoch: the clock ("overdue", "due soon") or the free-text
 * vocabulary (which words a prefix completes to). Those are compiled for
 * every count; the others can be kept (see visible_views.ts).
 */
export function compiledAnew(filters: Record<string, string>) {
  return ['q', 'overdue', 'dueSoon'].some((key) => Boolean(filters[key]?.trim()))
}

/**
 * `cappedCount` of several filters (the saved views beside the list) in
 * one statement: each view's capped count is a scalar subquery of one
 * SELECT, so ten views cost one round trip, not ten. In the order given.
 */
export async function cappedCounts(
  list: ProcessPageParams[],
  viewerId: number,
  cap = VIEW_COUNT_CAP
): Promise<{ count: number; capped: boolean }[]> {
  return countsOf(
    await Promise.all(list.map((params) => countStatement(params, viewerId, cap))),
    cap
  )
}

/** Runs compiled count statements as the columns of one SELECT: counts in the order given. */
export async function countsOf(
  statements: CountStatement[],
  cap = VIEW_COUNT_CAP
): Promise<{ count: number; capped: boolean }[]> {
  const columns = statements.flatMap((statement, i) =>
    statement ? [db.raw(`(${statement.sql}) AS c${i}`, [...statement.bindings])] : []
  )
  const [row] = columns.length
    ? ((await db.query().select(columns)) as Record<string, number | string>[])
    : []
  return statements.map((_, i) => {
    const { total, capped } = ListProcessPage.capped(Number(row?.[`c${i}`] ?? 0), cap)
    return { count: total, capped }
  })
}
