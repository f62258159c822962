import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'

export default function WorkflowsIndex() {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('nav.workflows')} />
      <div className="page-header">
        <h1>{t('nav.workflows')}</h1>
      </div>
      <div className="card">
        <EmptyState title={t('workflows.empty.title')}>{t('workflows.empty.body')}</EmptyState>
      </div>
    </>
  )
}
