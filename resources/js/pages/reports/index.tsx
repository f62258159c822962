import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'

export default function ReportsIndex() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('nav.reports')} />
      <div className="page-header">
        <h1>{t('nav.reports')}</h1>
      </div>
      <div className="card">
        <EmptyState title={t('reports.empty.title')}>{t('reports.empty.body')}</EmptyState>
      </div>
    </>
  )
}
