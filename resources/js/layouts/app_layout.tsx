import { BrandName } from '../components/brand_mark.tsx'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Link, router, usePage } from '@inertiajs/react'
import { urlFor } from '../client.ts'
import { LOCALES, useI18n } from '../lib/i18n.ts'
import { FlashMessages } from '../components/flash_messages.tsx'
import { NotificationBell } from '../components/notifications/notification_bell.tsx'
import type { SharedProps } from '../types.ts'

/**
 * The signed-in shell: top bar with navigation (items the role may not
 * use are hidden), the user menu and flash messages.
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  const page = usePage<SharedProps>()
  const { t, locale } = useI18n()
  const { user, can } = page.props
  const [navOpen, setNavOpen] = useState(false)

  const items = [
    { label: t('nav.dashboard'), href: urlFor('dashboard'), show: true },
    { label: t('nav.processes'), href: urlFor('processes.index'), show: true },
    { label: t('nav.queues'), href: urlFor('queues.index'), show: true },
    { label: t('nav.workflows'), href: urlFor('workflows.index'), show: true },
    { label: t('nav.reports'), href: urlFor('reports.index'), show: can.viewReports },
    { label: t('nav.admin'), href: urlFor('users.index'), show: can.viewAdmin },
  ].filter((item) => item.show)

  const path = page.url.split('?')[0]!
  const isCurrent = (href: string) =>
    href === urlFor('users.index')
      ? path.startsWith('/admin')
      : href === '/'
        ? path === '/'
        : path === href || path.startsWith(`${href}/`)

  // The small-screen menu closes whenever a visit starts.
  useEffect(() => router.on('start', () => setNavOpen(false)), [])

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn btn-sm menu-toggle"
          aria-expanded={navOpen}
          aria-controls="primary-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
          <span className="sr-only">{t('nav.menu')}</span>
        </button>
        <Link href={urlFor('dashboard')} className="brand">
          <BrandName />
        </Link>
        <nav
          id="primary-nav"
          className={`nav${navOpen ? ' open' : ''}`}
          aria-label={t('nav.label')}
        >
          {items.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={isCurrent(item.href) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        {user && <NotificationBell userId={user.id} />}
        {user && <UserMenu user={user} locale={locale} />}
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
      <FlashMessages />
    </>
  )
}

function UserMenu({ user, locale }: { user: NonNullable<SharedProps['user']>; locale: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onClick = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        ref.current?.querySelector('button')?.focus()
      }
    }
    document.addEventListener('mousedown', onClick)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onClick)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {user.initials}
        </span>
        <span className="name">{user.name}</span>
        <span className="sr-only">{t('nav.userMenu')}</span>
      </button>
      {open && (
        <ul className="dropdown">
          <li className="meta">
            {user.email}
            <br />
            <span className="badge badge-primary">{t(`roles.${user.role}`)}</span>
          </li>
          <li>
            <Link href={urlFor('profile.show')}>{t('nav.profile')}</Link>
          </li>
          {user.role === 'manager' && (
            <li>
              <Link href={urlFor('teams.led')}>{t('teams.led.title')}</Link>
            </li>
          )}
          {LOCALES.filter((l) => l.code !== locale).map((l) => (
            <li key={l.code}>
              <button
                type="button"
                lang={l.code}
                onClick={() => router.post(urlFor('locale.update'), { locale: l.code })}
              >
                {l.label}
              </button>
            </li>
          ))}
          <li>
            <button type="button" onClick={() => router.post(urlFor('session.destroy'))}>
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      )}
    </div>
  )
}
