import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

export default function NotFound() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('errors.notFound.title')} />
      <div className="card empty-state">
        <h1>{t('errors.notFound.title')}</h1>
        <p>{t('errors.notFound.body')}</p>
        <Link className="btn btn-primary" href={urlFor('dashboard')}>
          {t('errors.backHome')}
        </Link>
      </div>
    </>
  )
}
