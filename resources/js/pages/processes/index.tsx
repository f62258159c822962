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
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'
import {
  ArchivedMatches,
  type ArchivedMatch,
} from '../../components/processes/archived_matches.tsx'

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
  workflows: Data.WorkflowOption[]
  searchFields: Record<string, SearchField[]>
  views: SavedViewItem[]
  myTeams: string[]
  people: Data.Person[]
  allowed: { start: boolean; bulk: boolean }
  archived?: ArchivedMatch[]
}>

export default function ProcessesIndex({
  processes,
  filters,
  workflows,
  searchFields,
  views,
  myTeams,
  people,
  allowed: can,
  archived,
}: Props) {
  const { t } = useI18n()
  const sort = filters.sort ?? 'updated_at'
  const direction = (filters.direction ?? 'desc') as 'asc' | 'desc'
  const active = cleanFilters(filters)
  const bulk = useBulkSelection(processes.data.map((p) => p.id))
  const selectable = can.bulk
  const filtered = Object.keys(cleanFilters({ ...filters, sort: '', direction: '' })).length > 0

  const visit = (next: ListFilters) =>
    router.get(urlFor('processes.index'), cleanFilters(next), {
      preserveState: true,
      preserveScroll: true,
    })
  const onSort = (column: string, dir: 'asc' | 'desc') =>
    visit({ ...filters, sort: column, direction: dir })

  const header = (column: string, label: string, className?: string) => (
    <SortableHeader
      column={column}
      sort={sort}
      direction={direction}
      onSort={onSort}
      className={className}
      firstDirection={column.endsWith('_at') && column !== 'due_at' ? 'desc' : 'asc'}
    >
      {label}
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

      <SavedViews views={views} filters={active} teams={myTeams} />

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
                  {header('reference', t('processes.columns.reference'))}
                  {header('title', t('processes.columns.title'))}
                  <th scope="col" className="hide-sm">
                    {t('processes.columns.workflow')}
                  </th>
                  {header('stage', t('processes.columns.stage'))}
                  {header('status', t('processes.columns.status'))}
                  <th scope="col">{t('processes.columns.assignee')}</th>
                  {header('priority', t('processes.columns.priority'), 'hide-sm')}
                  {header('due_at', t('processes.columns.due'))}
                  {header('updated_at', t('processes.columns.updated'), 'hide-sm')}
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
                    <td className="cell-ref">
                      <Link
                        href={urlFor('processes.show', { id: process.id })}
                        className="ref-link"
                      >
                        {process.reference}
                      </Link>
                    </td>
                    <td data-label={t('processes.columns.title')} className="cell-title">
                      <Link href={urlFor('processes.show', { id: process.id })}>
                        {process.title}
                      </Link>
                    </td>
                    <td className="hide-sm">{process.workflow.name}</td>
                    <td data-label={t('processes.columns.stage')}>{process.stage.name}</td>
                    <td data-label={t('processes.columns.status')}>
                      <StatusBadge status={process.status} />
                    </td>
                    <td data-label={t('processes.columns.assignee')}>
                      <Person person={process.assignee} />
                    </td>
                    <td className="hide-sm">
                      <PriorityBadge priority={process.priority} />
                    </td>
                    <td data-label={t('processes.columns.due')}>
                      <DueDate dueAt={process.dueAt} overdue={process.overdue} />
                    </td>
                    <td className="hide-sm">
                      <ShortDateTime iso={process.updatedAt} />
                    </td>
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
