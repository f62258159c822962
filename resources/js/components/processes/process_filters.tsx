import { useState } from 'react'
import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { DataFilters, type SearchField } from './data_filters.tsx'
import { defaultSortOf } from '#enums/process_list'

export type ListFilters = Partial<
  Record<
    | 'workflow'
    | 'stage'
    | 'status'
    | 'assignee'
    | 'priority'
    | 'overdue'
    | 'dueSoon'
    | 'createdFrom'
    | 'createdTo'
    | 'q'
    | 'sort'
    | 'direction'
    | 'parent',
    string
  >
> & { [dataFilter: `data.${string}`]: string | undefined }

export const STATUSES = ['active', 'completed', 'cancelled', 'failed'] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const SORTS = [
  'updated_at',
  'created_at',
  'due_at',
  'reference',
  'title',
  'stage',
  'status',
  'priority',
] as const

/** Drops empty values so the URL only carries the filters in use. */
export function cleanFilters(filters: ListFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')
  ) as Record<string, string>
}

/**
 * The list's filters as a GET form: applying them changes the URL, so any
 * view of the list can be bookmarked or shared. Collapsible on small
 * screens, open when a filter is in use.
 */
export function ProcessFilters(props: {
  filters: ListFilters
  workflows: { key: string; name: string; stages: { key: string; name: string }[] }[]
  people: { id: number; name: string }[]
  /** Each workflow's searchable fields, by workflow key. */
  searchFields?: Record<string, SearchField[]>
  onApply: (filters: ListFilters) => void
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<ListFilters>(props.filters)
  const inUse = Object.keys(
    cleanFilters({ ...props.filters, sort: '', direction: '', q: '' })
  ).length
  const [open, setOpen] = useState(
    () => inUse > 0 || typeof window === 'undefined' || window.innerWidth > 760
  )
  const set = (key: keyof ListFilters, value: string) =>
    setValues((current) => ({ ...current, [key]: value }))
  const workflow = props.workflows.find((w) => w.key === values.workflow)
  const stages = workflow?.stages ?? []

  const select = (
    key: keyof ListFilters,
    label: string,
    options: { value: string; label: string }[],
    extra: { disabled?: boolean; hint?: string; fallback?: string } = {}
  ) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        name={key}
        value={values[key] || extra.fallback || ''}
        disabled={extra.disabled}
        aria-describedby={extra.hint ? `filter-${key}-hint` : undefined}
        onChange={(e) => {
          set(key, e.target.value)
          if (key === 'workflow') {
            // Another workflow has other fields: its data filters start empty.
            setValues((current) =>
              Object.fromEntries(
                Object.entries({ ...current, stage: '' }).filter(([k]) => !k.startsWith('data.'))
              )
            )
          }
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {extra.hint && (
        <span className="hint" id={`filter-${key}-hint`}>
          {extra.hint}
        </span>
      )}
    </div>
  )

  return (
    <form
      role="search"
      aria-label={t('processes.filters.label')}
      className="process-filters"
      onSubmit={(event) => {
        event.preventDefault()
        props.onApply(values)
      }}
    >
      <div className="search-row">
        <div className="field">
          <label htmlFor="filter-q">{t('processes.filters.search')}</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            value={values.q ?? ''}
            placeholder={t('processes.filters.searchPlaceholder')}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('common.search')}
        </button>
        <button
          type="button"
          className="btn"
          aria-expanded={open}
          aria-controls="more-filters"
          onClick={() => setOpen((o) => !o)}
        >
          {inUse
            ? t('processes.filters.toggleCount', { count: inUse })
            : t('processes.filters.toggle')}
        </button>
      </div>

      <div id="more-filters" className="filter-grid" hidden={!open}>
        {select('workflow', t('processes.filters.workflow'), [
          { value: '', label: t('processes.filters.any') },
          ...props.workflows.map((w) => ({ value: w.key, label: w.name })),
        ])}
        {select(
          'stage',
          t('processes.filters.stage'),
          [
            { value: '', label: t('processes.filters.any') },
            ...stages.map((s) => ({ value: s.key, label: s.name })),
            ...(values.stage && !stages.some((s) => s.key === values.stage)
              ? [{ value: values.stage, label: values.stage }]
              : []),
          ],
          workflow ? {} : { disabled: !values.stage, hint: t('processes.filters.stageHint') }
        )}
        <DataFilters
          fields={props.searchFields?.[values.workflow ?? ''] ?? []}
          values={values}
          onChange={(next) => setValues(next as ListFilters)}
        />
        {select('status', t('processes.filters.status'), [
          { value: '', label: t('processes.filters.any') },
          ...STATUSES.map((s) => ({ value: s, label: t(`processes.status.${s}`) })),
        ])}
        {select('assignee', t('processes.filters.assignee'), [
          { value: '', label: t('processes.filters.anyone') },
          { value: 'me', label: t('processes.filters.me') },
          { value: 'none', label: t('processes.filters.unassigned') },
          ...props.people.map((p) => ({ value: String(p.id), label: p.name })),
        ])}
        {select('priority', t('processes.filters.priority'), [
          { value: '', label: t('processes.filters.any') },
          ...PRIORITIES.map((p) => ({ value: p, label: t(`processes.priority.${p}`) })),
        ])}
        {select('parent', t('processes.filters.parent'), [
          { value: '', label: t('processes.filters.any') },
          { value: 'top_level', label: t('processes.filters.topLevel') },
          { value: 'has_parent', label: t('processes.filters.hasParent') },
        ])}
        <div className="field">
          <label htmlFor="filter-createdFrom">{t('processes.filters.createdFrom')}</label>
          <input
            id="filter-createdFrom"
            type="date"
            value={values.createdFrom ?? ''}
            onChange={(e) => set('createdFrom', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-createdTo">{t('processes.filters.createdTo')}</label>
          <input
            id="filter-createdTo"
            type="date"
            value={values.createdTo ?? ''}
            onChange={(e) => set('createdTo', e.target.value)}
          />
        </div>
        {select(
          'sort',
          t('processes.filters.sort'),
          SORTS.map((s) => ({ value: s, label: t(`processes.sort.${s}`) })),
          { fallback: defaultSortOf(values) }
        )}
        {select(
          'direction',
          t('processes.filters.direction'),
          [
            { value: 'desc', label: t('processes.filters.descending') },
            { value: 'asc', label: t('processes.filters.ascending') },
          ],
          { fallback: 'desc' }
        )}
        <fieldset className="filter-flags">
          <legend>{t('processes.filters.deadline')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.overdue === 'true'}
              onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
            />
            {t('processes.filters.overdue')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.dueSoon === 'true'}
              onChange={(e) => set('dueSoon', e.target.checked ? 'true' : '')}
            />
            {t('processes.filters.dueSoon')}
          </label>
        </fieldset>
        <div className="form-actions filter-actions">
          <button type="submit" className="btn btn-primary">
            {t('processes.filters.apply')}
          </button>
          <Link className="btn" href={urlFor('processes.index')}>
            {t('processes.filters.clear')}
          </Link>
        </div>
      </div>
    </form>
  )
}
