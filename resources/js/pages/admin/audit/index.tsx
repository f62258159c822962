import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { EmptyState } from '../../../components/ui/empty_state.tsx'
import type { Data } from '../../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../../types.ts'

type Filters = {
  actor: string
  action: string
  subjectType: string
  subjectId: string
  from: string
  to: string
}

type Props = InertiaProps<{
  events: Data.AuditEvent[]
  nextCursor: string | null
  cursor: string | null
  filters: Filters
  actions: string[]
}>

/** Only the filters with a value, as a query string object. */
const given = (filters: Filters) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))

const changes = (value: Record<string, unknown> | null) =>
  value ? JSON.stringify(value).slice(0, 300) : '—'

export default function AuditIndex({ events, nextCursor, cursor, filters, actions }: Props) {
  const { t, formatDateTime } = useI18n()
  const [form, setForm] = useState<Filters>(filters)
  const filtered = Object.keys(given(filters)).length > 0
  const families = [...new Set(actions.map((action) => action.split('.')[0]!))]
  const field = (key: keyof Filters) => ({
    id: `audit-${key}`,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  })
  const csvQuery = new URLSearchParams(given(filters) as Record<string, string>).toString()

  return (
    <>
      <Head title={t('audit.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p>{t('audit.intro')}</p>
        </div>
        <a
          className="btn"
          href={`${urlFor('admin.audit.export')}${csvQuery ? `?${csvQuery}` : ''}`}
        >
          {t('audit.export')}
        </a>
      </div>

      <div className="card">
        <form
          role="search"
          aria-label={t('audit.filters.label')}
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault()
            router.get(urlFor('admin.audit.index'), given(form), { replace: true })
          }}
        >
          <div className="inline-form">
            <div className="field">
              <label htmlFor="audit-actor">{t('audit.filters.actor')}</label>
              <input type="search" {...field('actor')} />
            </div>
            <div className="field">
              <label htmlFor="audit-action">{t('audit.filters.action')}</label>
              <select {...field('action')}>
                <option value="">{t('audit.filters.anyAction')}</option>
                {families.map((family) => (
                  <optgroup key={family} label={family}>
                    <option value={`${family}.*`}>{t('audit.filters.family', { family })}</option>
                    {actions
                      .filter((action) => action.startsWith(`${family}.`))
                      .map((action) => (
                        <option key={action} value={action}>
                          {t(`audit.actions.${action}`)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-subjectType">{t('audit.filters.subjectType')}</label>
              <input {...field('subjectType')} />
            </div>
            <div className="field">
              <label htmlFor="audit-subjectId">{t('audit.filters.subjectId')}</label>
              <input {...field('subjectId')} />
            </div>
            <div className="field">
              <label htmlFor="audit-from">{t('audit.filters.from')}</label>
              <input type="date" {...field('from')} />
            </div>
            <div className="field">
              <label htmlFor="audit-to">{t('audit.filters.to')}</label>
              <input type="date" {...field('to')} />
            </div>
            <button type="submit" className="btn">
              {t('audit.filters.apply')}
            </button>
            {filtered && (
              <Link className="btn" href={urlFor('admin.audit.index')}>
                {t('audit.filters.clear')}
              </Link>
            )}
          </div>
        </form>

        {events.length === 0 ? (
          <EmptyState title={t('audit.empty.title')}>
            {filtered ? t('audit.empty.filtered') : t('audit.empty.none')}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.when')}</th>
                  <th scope="col">{t('audit.columns.actor')}</th>
                  <th scope="col">{t('audit.columns.action')}</th>
                  <th scope="col">{t('audit.columns.subject')}</th>
                  <th scope="col" className="hide-sm">
                    {t('audit.columns.changes')}
                  </th>
                  <th scope="col" className="hide-sm">
                    {t('audit.columns.origin')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.createdAt)}</td>
                    <td>{event.actor?.email ?? t('audit.nobody')}</td>
                    <td>
                      {t(`audit.actions.${event.action}`)}
                      <div className="queue-note">
                        <code>{event.action}</code>
                      </div>
                    </td>
                    <td>
                      {event.subject ? (
                        <>
                          {event.subject.label ?? event.subject.id}
                          <div className="queue-note">
                            {event.subject.type} #{event.subject.id}
                          </div>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="hide-sm engine-error">
                      <div>{changes(event.before)}</div>
                      <div>→ {changes(event.after)}</div>
                    </td>
                    <td className="hide-sm">
                      {event.ip ?? '—'}
                      {event.userAgent && <div className="queue-note">{event.userAgent}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {(cursor || nextCursor) && (
          <nav className="toolbar" aria-label={t('audit.title')}>
            {cursor && (
              <Link className="btn" href={urlFor('admin.audit.index')} data={given(filters)}>
                {t('audit.newer')}
              </Link>
            )}
            {nextCursor && (
              <Link
                className="btn"
                href={urlFor('admin.audit.index')}
                data={{ ...given(filters), cursor: nextCursor }}
              >
                {t('audit.older')}
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  )
}
