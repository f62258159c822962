import { useState } from 'react'
import { Link, router, useForm, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import type { SharedProps } from '../../types.ts'

export type SavedViewItem = {
  id: number
  name: string
  filters: Record<string, string>
  columns: string[]
  sort: string
  direction: string
  visibility: string
  team: string | null
  role: string | null
  mine: boolean
  watching: boolean
  count: number | null
  countCapped: boolean
}

/**
 * The saved views beside the process list, each with its live count
 * (capped), and a form that saves the list's current filter, columns and
 * sort. A view opens the list with its filter, sort and columns.
 */
export function SavedViews(props: {
  views: SavedViewItem[]
  /** Counts by view id, once they have come (the list loads them after the page); a view's own otherwise. */
  counts?: Record<number, { count: number; capped: boolean }>
  filters: Record<string, string>
  /** The columns the list shows now, saved with a new view. */
  columns: string[]
  teams: string[]
}) {
  const { t } = useI18n()
  const { user } = usePage<SharedProps>().props
  const [saving, setSaving] = useState(false)
  const { sort, direction, ...filters } = props.filters
  const form = useForm({
    name: '',
    visibility: 'private',
    team: props.teams[0] ?? '',
    role: 'member',
  })
  const roles = ['member', 'manager', 'admin']

  return (
    <aside className="card saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('search.views.title')}</h2>
      {props.views.length === 0 ? (
        <p className="hint">{t('search.views.empty')}</p>
      ) : (
        <ul className="saved-view-list">
          {props.views.map((view) => (
            <li key={view.id}>
              <Link
                href={urlFor(
                  'processes.index',
                  {},
                  {
                    qs: {
                      ...view.filters,
                      sort: view.sort,
                      direction: view.direction,
                      columns: view.columns.join(','),
                      view: String(view.id),
                    },
                  }
                )}
              >
                {view.name}
              </Link>{' '}
              <ViewCount view={view} counts={props.counts} />
              <button
                type="button"
                className="btn btn-sm btn-link"
                aria-pressed={view.watching}
                aria-label={t(
                  view.watching ? 'search.views.unwatchLabel' : 'search.views.watchLabel',
                  {
                    name: view.name,
                  }
                )}
                onClick={() =>
                  view.watching
                    ? router.delete(urlFor('views.unwatch', { id: view.id }), {
                        preserveScroll: true,
                      })
                    : router.post(
                        urlFor('views.watch', { id: view.id }),
                        {},
                        { preserveScroll: true }
                      )
                }
              >
                {t(view.watching ? 'search.views.unwatch' : 'search.views.watch')}
              </button>
              {view.mine && (
                <button
                  type="button"
                  className="btn btn-sm btn-link"
                  aria-label={`${t('search.views.delete')}: ${view.name}`}
                  onClick={() =>
                    router.delete(urlFor('views.destroy', { id: view.id }), {
                      preserveScroll: true,
                    })
                  }
                >
                  {t('search.views.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {saving ? (
        <form
          className="saved-view-form"
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((values: typeof form.data) => ({
              name: values.name,
              visibility: values.visibility,
              ...(values.visibility === 'team' ? { team: values.team } : {}),
              ...(values.visibility === 'role' ? { role: values.role } : {}),
              filters,
              columns: props.columns,
              ...(sort ? { sort } : {}),
              ...(direction ? { direction } : {}),
            }))
            form.post(urlFor('views.store'), {
              preserveScroll: true,
              onSuccess: () => {
                form.reset('name')
                setSaving(false)
              },
            })
          }}
        >
          <Field label={t('search.views.name')} error={form.errors.name}>
            {(control) => (
              <input
                {...control}
                value={form.data.name}
                maxLength={120}
                required
                onChange={(e) => form.setData('name', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('search.views.visibility')} error={form.errors.visibility}>
            {(control) => (
              <select
                {...control}
                value={form.data.visibility}
                onChange={(e) => form.setData('visibility', e.target.value)}
              >
                <option value="private">{t('search.views.private')}</option>
                {props.teams.length > 0 && <option value="team">{t('search.views.team')}</option>}
                {user?.role !== 'member' && <option value="role">{t('search.views.role')}</option>}
              </select>
            )}
          </Field>
          {form.data.visibility === 'team' && (
            <Field label={t('search.views.teamLabel')} error={form.errors.team}>
              {(control) => (
                <select
                  {...control}
                  value={form.data.team}
                  onChange={(e) => form.setData('team', e.target.value)}
                >
                  {props.teams.map((team) => (
                    <option key={team} value={team}>
                      {team}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {form.data.visibility === 'role' && (
            <Field label={t('search.views.roleLabel')} error={form.errors.role}>
              {(control) => (
                <select
                  {...control}
                  value={form.data.role}
                  onChange={(e) => form.setData('role', e.target.value)}
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.processing}>
              {t('search.views.save')}
            </button>
            <button type="button" className="btn" onClick={() => setSaving(false)}>
              {t('search.views.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-sm" onClick={() => setSaving(true)}>
          {t('search.views.save')}
        </button>
      )}
    </aside>
  )
}

/**
 * A view's count badge: its own count (the API's views carry one), else
 * the page's deferred counts — "…" while they load, nothing for a view
 * that could not be counted (its filter no longer holds).
 */
function ViewCount(props: {
  view: SavedViewItem
  counts?: Record<number, { count: number; capped: boolean }>
}) {
  const { t } = useI18n()
  const own = props.view.count !== null
  if (!own && props.counts === undefined) {
    return (
      <span className="badge badge-pending" title={t('search.views.counting')}>
        <span aria-hidden="true">…</span>
        <span className="sr-only">{t('search.views.counting')}</span>
      </span>
    )
  }
  const counted = own
    ? { count: props.view.count!, capped: props.view.countCapped }
    : props.counts![props.view.id]
  if (!counted) return null
  return (
    <span className="badge">
      {counted.capped
        ? t('search.views.countCapped', { count: counted.count })
        : t('search.views.count', { count: counted.count })}
    </span>
  )
}
