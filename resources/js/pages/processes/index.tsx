import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { CursorPagination } from '../../components/ui/cursor_pagination.tsx'
import { SortableHeader } from '../../components/ui/sortable_header.tsx'
import {
  cleanFilters,
  ProcessFilters,
  type ListFilters,
} from '../../components/processes/process_filters.tsx'
import { BulkActions } from '../../components/processes/bulk_actions.tsx'
import type { SearchField } from '../../components/processes/data_filters.tsx'
import { SavedViews, type SavedViewItem } from '../../components/processes/saved_views.tsx'
import {
  SelectPageCheckbox,
  SelectRowCheckbox,
  useBulkSelection,
} from '../../components/processes/bulk_selection.tsx'
import {
  DueDate,
  Person,
  PriorityBadge,
  ShortDateTime,
  StatusBadge,
} from '../../components/processes/badges.tsx'
import {
  ColumnPicker,
  FieldValue,
  useColumnLabel,
  type ColumnOption,
  type FieldCell,
} from '../../components/processes/list_columns.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'
import { PROCESS_SORTS, defaultColumnsOf, defaultSortOf } from '#enums/process_list'
import {
  ArchivedMatches,
  type ArchivedMatch,
} from '../../components/processes/archived_matches.tsx'

/** Columns the list sorts by: the server's own list. */
const SORTABLE = new Set<string>(PROCESS_SORTS)
/** Columns left out on small screens. */
const HIDE_SMALL = new Set(['workflow', 'priority', 'updated_at', 'created_at'])
const CELL_CLASS: Record<string, string> = {
  reference: 'cell-ref',
  title: 'cell-title',
  workflow: 'hide-sm',
  priority: 'hide-sm',
  updated_at: 'hide-sm',
  created_at: 'hide-sm',
}
/** The server's default column set (what the list shows when none is chosen). */

/** One process column's cell. */
function ProcessCell({ column, process }: { column: string; process: Data.Process }) {
  switch (column) {
    case 'reference':
      return (
        <Link href={urlFor('processes.show', { id: process.id })} className="ref-link">
          {process.reference}
        </Link>
      )
    case 'title':
      return <Link href={urlFor('processes.show', { id: process.id })}>{process.title}</Link>
    case 'workflow':
      return <>{process.workflow.name}</>
    case 'stage':
      return <>{process.stage.name}</>
    case 'status':
      return <StatusBadge status={process.status} />
    case 'assignee':
      return <Person person={process.assignee} />
    case 'priority':
      return <PriorityBadge priority={process.priority} />
    case 'due_at':
      return <DueDate dueAt={process.dueAt} overdue={process.overdue} />
    case 'updated_at':
      return <ShortDateTime iso={process.updatedAt} />
    case 'created_at':
      return <ShortDateTime iso={process.createdAt} />
    default:
      return null
  }
}

type Props = InertiaProps<{
  processes: {
    data: Data.Process[]
    metadata: {
      /** Exact up to the cap; with `capped`, "more than total". */
      total: number
      capped: boolean
      perPage: number
      firstPageUrl: string
      nextPageUrl: string | null
      previousPageUrl: string | null
    }
  }
  filters: ListFilters
  /** The columns shown, in order: a saved view's, chosen ones or the default set. */
  columns: string[]
  columnOptions: ColumnOption[]
  /** The saved view the list was opened from, if any. */
  activeView: number | null
  /** The data columns' values, by process id and field key. */
  fieldValues: Record<number, Record<string, FieldCell>>
  workflows: Data.WorkflowOption[]
  searchFields: Record<string, SearchField[]>
  views: SavedViewItem[]
  /** The views' capped counts, by id: a deferred prop, loaded after the page. */
  viewCounts?: Record<number, { count: number; capped: boolean }>
  myTeams: string[]
  people: Data.Person[]
  allowed: { start: boolean; bulk: boolean }
  archived?: ArchivedMatch[]
}>

export default function ProcessesIndex({
  processes,
  filters,
  columns,
  columnOptions,
  activeView,
  fieldValues,
  workflows,
  searchFields,
  views,
  viewCounts,
  myTeams,
  people,
  allowed: can,
  archived,
}: Props) {
  const { t } = useI18n()
  // A search with no chosen sort lists newest first (the server's `defaultSortOf`).
  const sort = filters.sort ?? defaultSortOf(filters)
  const direction = (filters.direction ?? 'desc') as 'asc' | 'desc'
  const active = cleanFilters(filters)
  const bulk = useBulkSelection(processes.data.map((p) => p.id))
  const selectable = can.bulk
  const filtered = Object.keys(cleanFilters({ ...filters, sort: '', direction: '' })).length > 0

  const label = useColumnLabel()
  const view = views.find((v) => v.id === activeView) ?? null
  const display = (chosen: string[]) => ({
    // The columns go in the address only when chosen: the defaults follow the filter (a search adds "Created").
    ...(chosen.join(',') !== defaultColumnsOf(filters).join(',')
      ? { columns: chosen.join(',') }
      : {}),
    ...(view ? { view: String(view.id) } : {}),
  })
  const visit = (next: ListFilters, chosen = columns, then?: () => void) =>
    router.get(
      urlFor('processes.index'),
      { ...cleanFilters(next), ...display(chosen) },
      { preserveState: true, preserveScroll: true, onSuccess: () => then?.() }
    )
  const onSort = (column: string, dir: 'asc' | 'desc') =>
    visit({ ...filters, sort: column, direction: dir })
  const shown = columns
    .map((key) => columnOptions.find((o) => o.key === key))
    .filter((o) => o !== undefined)

  const header = (option: ColumnOption) => (
    <SortableHeader
      key={option.key}
      column={option.key}
      sort={sort}
      direction={direction}
      onSort={onSort}
      className={HIDE_SMALL.has(option.key) ? 'hide-sm' : undefined}
      firstDirection={option.key.endsWith('_at') && option.key !== 'due_at' ? 'desc' : 'asc'}
    >
      {label(option)}
    </SortableHeader>
  )

  return (
    <>
      <Head title={t('nav.processes')} />
      <div className="page-header">
        <div>
          <h1>{t('nav.processes')}</h1>
          <p aria-live="polite">
            {processes.metadata.capped
              ? t('processes.list.countCapped', { count: processes.metadata.total })
              : t('processes.list.count', { count: processes.metadata.total })}
          </p>
        </div>
        <div className="form-actions">
          <a className="btn" href={urlFor('processes.export', {}, { qs: active })} download>
            {t('processes.list.export')}
            <span className="sr-only">
              {' '}
              {t('processes.list.exportLabel', { count: processes.metadata.total })}
            </span>
          </a>
          {can.start && (
            <Link
              className="btn btn-primary"
              href={urlFor(
                'processes.create',
                {},
                { qs: filters.workflow ? { workflow: filters.workflow } : {} }
              )}
            >
              {t('processes.list.start')}
            </Link>
          )}
        </div>
      </div>

      <SavedViews
        views={views}
        counts={viewCounts}
        filters={active}
        columns={columns}
        teams={myTeams}
      />

      <ArchivedMatches items={archived ?? []} />
      <div className="card">
        <ProcessFilters
          key={JSON.stringify(filters)}
          filters={filters}
          workflows={workflows}
          searchFields={searchFields}
          people={people}
          onApply={visit}
        />

        <ColumnPicker
          key={columns.join(',')}
          columns={columns}
          options={columnOptions}
          view={view}
          onApply={(chosen, then) => visit(filters, chosen, then)}
        />

        <BulkActions
          filters={active}
          total={processes.metadata.total}
          allowed={can.bulk}
          people={people}
          pageCount={processes.data.length}
          state={bulk}
        />

        {processes.data.length === 0 ? (
          filtered ? (
            <EmptyState
              title={t('processes.list.noMatch.title')}
              action={
                <Link className="btn" href={urlFor('processes.index')}>
                  {t('processes.filters.clear')}
                </Link>
              }
            >
              {t('processes.list.noMatch.body')}
            </EmptyState>
          ) : (
            <EmptyState
              title={t('processes.empty.title')}
              action={
                can.start ? (
                  <Link className="btn btn-primary" href={urlFor('processes.create')}>
                    {t('processes.list.start')}
                  </Link>
                ) : undefined
              }
            >
              {t('processes.empty.body')}
            </EmptyState>
          )
        ) : (
          <div className="table-wrap">
            <table className="process-table">
              <caption className="sr-only">
                {t('processes.list.captionCursor', { count: processes.data.length })}
              </caption>
              <thead>
                <tr>
                  {selectable && (
                    <th scope="col">
                      <SelectPageCheckbox state={bulk} />
                    </th>
                  )}
                  {shown.map((option) =>
                    SORTABLE.has(option.key) ? (
                      header(option)
                    ) : (
                      <th
                        key={option.key}
                        scope="col"
                        className={HIDE_SMALL.has(option.key) ? 'hide-sm' : undefined}
                      >
                        {label(option)}
                      </th>
                    )
                  )}
                </tr>
              </thead>
              <tbody>
                {processes.data.map((process) => (
                  <tr key={process.id} className={process.overdue ? 'is-overdue' : undefined}>
                    {selectable && (
                      <td>
                        <SelectRowCheckbox
                          state={bulk}
                          id={process.id}
                          reference={process.reference}
                        />
                      </td>
                    )}
                    {shown.map((option) => (
                      <td
                        key={option.key}
                        data-label={option.key === 'reference' ? undefined : label(option)}
                        className={CELL_CLASS[option.key]}
                      >
                        {option.key.startsWith('data.') ? (
                          <FieldValue
                            option={option}
                            value={fieldValues[process.id]?.[option.key.slice(5)]}
                          />
                        ) : (
                          <ProcessCell column={option.key} process={process} />
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CursorPagination meta={processes.metadata} firstLabel={t('processes.list.firstPage')} />
      </div>
    </>
  )
}
