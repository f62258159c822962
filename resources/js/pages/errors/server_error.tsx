import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'

export default function ServerError() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('errors.serverError.title')} />
      <div className="card empty-state">
        <h1>{t('errors.serverError.title')}</h1>
        <p>{t('errors.serverError.body')}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('errors.retry')}
        </button>
      </div>
    </>
  )
}
