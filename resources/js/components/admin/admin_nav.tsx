import { Link, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

/**
 * The admin area's own navigation (Users, Queues, Engine health), shown
 * at the top of every admin page.
 */
export function AdminNav() {
  const { t } = useI18n()
  const path = usePage().url.split('?')[0]!
  const items = [
    { label: t('admin.nav.users'), href: urlFor('users.index') },
    { label: t('teams.title'), href: urlFor('admin.teams.index') },
    { label: t('admin.nav.queues'), href: urlFor('admin.queues.index') },
    { label: t('admin.nav.engine'), href: urlFor('admin.engine.show') },
    { label: t('automation.title'), href: urlFor('admin.automation.index') },
    { label: t('admin.nav.alerts'), href: urlFor('admin.alerts.index') },
    { label: t('admin.nav.calendars'), href: urlFor('admin.calendars.index') },
    { label: t('webhooks.title'), href: urlFor('admin.webhooks.index') },
    { label: t('audit.nav'), href: urlFor('admin.audit.index') },
    { label: t('audit.sso.nav'), href: urlFor('admin.sso.show') },
  ]
  const current = (href: string) => path === href || path.startsWith(`${href}/`)

  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={current(item.href) ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  )
}
