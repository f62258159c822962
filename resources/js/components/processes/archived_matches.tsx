import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

export type ArchivedMatch = {
  processId: number
  reference: string
  title: string
  status: string
  workflowName: string
  bundle: string
}

/**
 * Archived processes whose reference the list's search named: their rows
 * left the live tables, so the list itself no longer has them.
 */
export function ArchivedMatches({ items }: { items: ArchivedMatch[] }) {
  const { t } = useI18n()
  if (!items.length) return null
  return (
    <section className="card" aria-labelledby="archived-matches">
      <h2 id="archived-matches">{t('archives.page.searchTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.processId}>
            <Link href={urlFor('processes.show', { id: item.processId })}>
              {item.reference} · {item.title}
            </Link>{' '}
            <span className="badge">{t('archives.page.badge')}</span> · {item.workflowName} ·{' '}
            <code>{item.bundle}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
