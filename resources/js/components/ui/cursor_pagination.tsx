import { Link } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'

/**
 * Previous / next links of a cursor-paginated list: each link carries the
 * cursor of the row it continues from, and the query string.
 */
export function CursorPagination(props: {
  meta: { previousPageUrl: string | null; nextPageUrl: string | null; firstPageUrl: string }
  firstLabel: string
}) {
  const { t } = useI18n()
  const { meta } = props
  if (!meta.previousPageUrl && !meta.nextPageUrl) return null

  const link = (url: string | null, label: string) =>
    url ? (
      <Link className="btn btn-sm" href={url} preserveScroll>
        {label}
      </Link>
    ) : (
      <span className="btn btn-sm" aria-disabled="true">
        {label}
      </span>
    )

  return (
    <nav className="pagination" aria-label={t('common.pagination.label')}>
      {link(meta.previousPageUrl ? meta.firstPageUrl : null, props.firstLabel)}
      {link(meta.previousPageUrl, t('common.pagination.previous'))}
      {link(meta.nextPageUrl, t('common.pagination.next'))}
    </nav>
  )
}
