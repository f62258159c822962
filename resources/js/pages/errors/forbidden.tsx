import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

export default function Forbidden() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('errors.forbidden.title')} />
      <div className="card empty-state">
        <h1>{t('errors.forbidden.title')}</h1>
        <p>{t('errors.forbidden.body')}</p>
        <Link className="btn btn-primary" href={urlFor('dashboard')}>
          {t('errors.backHome')}
        </Link>
      </div>
    </>
  )
}
