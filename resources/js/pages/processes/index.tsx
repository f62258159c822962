import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'

export default function ProcessesIndex() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('nav.processes')} />
      <div className="page-header">
        <h1>{t('nav.processes')}</h1>
      </div>
      <div className="card">
        <EmptyState title={t('processes.empty.title')}>{t('processes.empty.body')}</EmptyState>
      </div>
    </>
  )
}
