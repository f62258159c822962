import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { Pagination } from '../../components/ui/pagination.tsx'
import { useLiveChannel } from '../../components/notifications/live_channel.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps, Paginated } from '../../types.ts'

type Filter = 'all' | 'unread'

type Props = InertiaProps<{
  notifications: Paginated<Data.Notification>
  filter: Filter
  unreadNotifications: number
}>

export default function NotificationsIndex({
  notifications,
  filter,
  unreadNotifications,
  user,
}: Props) {
  const { t, formatDateTime } = useI18n()
  const list = notifications.data

  // A new notification shows up here at once, not only in the bell.
  useLiveChannel(user ? `users/${user.id}` : null, (message) => {
    if (message.type === 'notification') {
      router.reload({ only: ['notifications', 'unreadNotifications'] })
    }
  })

  const filterUrl = (value: Filter) =>
    urlFor('notifications.index', {}, { qs: value === 'all' ? {} : { filter: value } })

  return (
    <>
      <Head title={t('notifications.title')} />
      <div className="page-header">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p>{t('notifications.subtitle', { count: unreadNotifications })}</p>
        </div>
        <div className="form-actions">
          <Link className="btn" href={urlFor('notifications.preferences.show')}>
            {t('notifications.preferences.link')}
          </Link>
          {unreadNotifications > 0 && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() =>
                router.post(urlFor('notifications.read_all'), {}, { preserveScroll: true })
              }
            >
              {t('notifications.markAllRead')}
            </button>
          )}
        </div>
      </div>

      <div className="card">
        <nav className="notif-filter" aria-label={t('notifications.filter.label')}>
          {(['all', 'unread'] as const).map((value) => (
            <Link
              key={value}
              href={filterUrl(value)}
              aria-current={filter === value ? 'page' : undefined}
              preserveScroll
            >
              {t(`notifications.filter.${value}`)}
            </Link>
          ))}
        </nav>

        {list.length === 0 ? (
          <EmptyState
            title={
              filter === 'unread'
                ? t('notifications.emptyUnread.title')
                : t('notifications.empty.title')
            }
          >
            {filter === 'unread'
              ? t('notifications.emptyUnread.body')
              : t('notifications.empty.body')}
          </EmptyState>
        ) : (
          <ul className="notif-list" aria-label={t('notifications.title')}>
            {list.map((notification) => (
              <li
                key={notification.id}
                className={`notif-item${notification.read ? '' : ' is-unread'}`}
              >
                <span className="notif-dot" aria-hidden="true" />
                <div className="notif-main">
                  <p className="notif-title">
                    {!notification.read && (
                      <span className="sr-only">{t('notifications.unreadMark')} </span>
                    )}
                    {notification.title}
                  </p>
                  {notification.body && <p className="notif-body">{notification.body}</p>}
                  <p className="notif-meta">
                    <span className="badge">{t(`notifications.kinds.${notification.kind}`)}</span>{' '}
                    <time dateTime={notification.createdAt}>
                      {formatDateTime(notification.createdAt)}
                    </time>
                  </p>
                </div>
                <div className="notif-actions">
                  {notification.processId !== null && (
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() =>
                        router.post(urlFor('notifications.open', { id: notification.id }))
                      }
                    >
                      {t('notifications.open')}
                    </button>
                  )}
                  {!notification.read && (
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() =>
                        router.post(
                          urlFor('notifications.read', { id: notification.id }),
                          {},
                          { preserveScroll: true }
                        )
                      }
                    >
                      {t('notifications.markRead')}
                      <span className="sr-only">: {notification.title}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination meta={notifications.metadata} />
      </div>
    </>
  )
}
