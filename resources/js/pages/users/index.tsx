import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { Pagination } from '../../components/ui/pagination.tsx'
import { AdminNav } from '../../components/admin/admin_nav.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps, Paginated } from '../../types.ts'

type Props = InertiaProps<{ users: Paginated<Data.User>; filters: { q: string } }>

const ROLES = ['admin', 'manager', 'member'] as const

export default function UsersIndex({ users, filters, user: me }: Props) {
  const { t, formatDate } = useI18n()
  const [q, setQ] = useState(filters.q)

  const update = (id: number, changes: { role?: string; isActive?: boolean }) =>
    router.patch(urlFor('users.update', { id }), changes, { preserveScroll: true })

  return (
    <>
      <Head title={t('users.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p>{t('users.subtitle', { count: users.metadata.total })}</p>
        </div>
        <Link className="btn btn-primary" href={urlFor('users.create')}>
          {t('users.new')}
        </Link>
      </div>

      <div className="card">
        <form
          role="search"
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault()
            router.get(urlFor('users.index'), q ? { q } : {}, {
              preserveState: true,
              replace: true,
            })
          }}
        >
          <div className="inline-form">
            <div className="field">
              <label htmlFor="user-search">{t('users.search')}</label>
              <input
                id="user-search"
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('users.searchPlaceholder')}
              />
            </div>
            <button type="submit" className="btn">
              {t('common.search')}
            </button>
          </div>
        </form>

        {users.data.length === 0 ? (
          <EmptyState
            title={filters.q ? t('users.emptySearch.title') : t('users.empty.title')}
            action={
              filters.q ? (
                <Link className="btn" href={urlFor('users.index')}>
                  {t('common.clearSearch')}
                </Link>
              ) : undefined
            }
          >
            {filters.q ? t('users.emptySearch.body', { q: filters.q }) : t('users.empty.body')}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.columns.name')}</th>
                  <th scope="col" className="hide-sm">
                    {t('users.columns.email')}
                  </th>
                  <th scope="col">{t('users.columns.role')}</th>
                  <th scope="col">{t('users.columns.status')}</th>
                  <th scope="col" className="hide-sm">
                    {t('users.columns.created')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => {
                  const self = u.id === me?.id
                  return (
                    <tr key={u.id}>
                      <td>
                        <strong>{u.name}</strong>
                        {self && (
                          <span className="badge" style={{ marginLeft: 6 }}>
                            {t('users.you')}
                          </span>
                        )}
                      </td>
                      <td className="hide-sm">{u.email}</td>
                      <td>
                        <label className="sr-only" htmlFor={`role-${u.id}`}>
                          {t('users.changeRoleFor', { name: u.name })}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          value={u.role}
                          disabled={self}
                          onChange={(e) => update(u.id, { role: e.target.value })}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`roles.${role}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span className={`badge ${u.isActive ? 'badge-success' : 'badge-danger'}`}>
                          {u.isActive ? t('users.active') : t('users.inactive')}
                        </span>
                      </td>
                      <td className="hide-sm">{formatDate(u.createdAt)}</td>
                      <td style={{ textAlign: 'right' }}>
                        {!self &&
                          (u.isActive ? (
                            <button
                              type="button"
                              className="btn btn-danger btn-sm"
                              onClick={() =>
                                window.confirm(t('users.confirmDeactivate', { name: u.name })) &&
                                update(u.id, { isActive: false })
                              }
                            >
                              {t('users.deactivate')}
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-sm"
                              onClick={() => update(u.id, { isActive: true })}
                            >
                              {t('users.reactivate')}
                            </button>
                          ))}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination meta={users.metadata} />
      </div>
    </>
  )
}
