import { Link } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'

/**
 * Previous / next links for a server-paginated list, keeping the query string.
 */
export function Pagination(props: {
  meta: {
    currentPage: number
    lastPage: number
    total: number
    previousPageUrl: string | null
    nextPageUrl: string | null
  }
}) {
  const { t } = useI18n()
  const { meta } = props
  if (meta.lastPage <= 1) return null

  return (
    <nav className="pagination" aria-label={t('common.pagination.label')}>
      {meta.previousPageUrl ? (
        <Link className="btn btn-sm" href={meta.previousPageUrl} preserveScroll>
          {t('common.pagination.previous')}
        </Link>
      ) : (
        <span className="btn btn-sm" aria-disabled="true">
          {t('common.pagination.previous')}
        </span>
      )}
      <span className="current">
        {t('common.pagination.page', { page: meta.currentPage, last: meta.lastPage })}
      </span>
      {meta.nextPageUrl ? (
        <Link className="btn btn-sm" href={meta.nextPageUrl} preserveScroll>
          {t('common.pagination.next')}
        </Link>
      ) : (
        <span className="btn btn-sm" aria-disabled="true">
          {t('common.pagination.next')}
        </span>
      )}
    </nav>
  )
}
