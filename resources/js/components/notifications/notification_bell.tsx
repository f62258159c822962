import { useEffect, useState } from 'react'
import { Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { useLiveChannel } from './live_channel.ts'
import { unreadCount, useUnreadCount } from './unread_count.ts'

/** How long the "new notification" note stays under the bell. */
const NOTE_MS = 8000

/**
 * The top bar's bell: how many unread notifications there are, a link to
 * the list, and a short note when one arrives. The number comes from a
 * small endpoint (one indexed COUNT) when the shell loads, then follows
 * live updates on the person's channel; pages that carry
 * `unreadNotifications` in their props (the notifications page) set it
 * too, and so does coming back to the tab.
 */
export function NotificationBell({ userId }: { userId: number }) {
  const { t } = useI18n()
  const unread = useUnreadCount()
  const [note, setNote] = useState<{ title: string; key: number } | null>(null)

  useEffect(() => {
    void unreadCount.refresh()
    const onVisible = () => document.visibilityState === 'visible' && void unreadCount.refresh()
    document.addEventListener('visibilitychange', onVisible)
    const stopListening = router.on(
      'success',
      (event: CustomEvent<{ page: { props: object } }>) => {
        const count = (event.detail.page.props as { unreadNotifications?: unknown })
          .unreadNotifications
        if (typeof count === 'number') unreadCount.set(count)
      }
    )
    return () => {
      document.removeEventListener('visibilitychange', onVisible)
      stopListening()
    }
  }, [userId])

  useLiveChannel(`users/${userId}`, (message) => {
    if (message.type === 'notification') {
      void unreadCount.refresh()
      setNote({ title: String(message.title ?? ''), key: Date.now() })
    } else if (message.type === 'notifications.read' && typeof message.unread === 'number') {
      unreadCount.set(message.unread)
    }
  })

  useEffect(() => {
    if (!note) return
    const timer = setTimeout(() => setNote(null), NOTE_MS)
    return () => clearTimeout(timer)
  }, [note])

  const count = unread ?? 0
  const label =
    count > 0 ? t('notifications.bell.unread', { count }) : t('notifications.bell.label')

  return (
    <div className="bell">
      <Link
        href={urlFor('notifications.index')}
        className="bell-link"
        aria-label={label}
        title={label}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z M10 20a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </svg>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </Link>
      <div className="bell-note-region" role="status" aria-live="polite">
        {note && (
          <div className="bell-note" key={note.key}>
            <Link href={urlFor('notifications.index')} onClick={() => setNote(null)}>
              {t('notifications.bell.arrived', { title: note.title })}
            </Link>
            <button type="button" aria-label={t('common.dismiss')} onClick={() => setNote(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
