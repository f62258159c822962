import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../client.ts'
import { useI18n } from '../lib/i18n.ts'
import { EmptyState } from '../components/ui/empty_state.tsx'
import type { InertiaProps } from '../types.ts'

export default function Dashboard({ user }: InertiaProps) {
  const { t } = useI18n()

  return (
    <>
      <Head title={t('nav.dashboard')} />
      <div className="page-header">
        <div>
          <h1>{t('dashboard.greeting', { name: user?.name ?? '' })}</h1>
          <p>{t('dashboard.subtitle')}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="my-tasks">
        <h2 id="my-tasks">{t('dashboard.myTasks')}</h2>
        <EmptyState
          title={t('dashboard.noTasks.title')}
          action={
            <Link className="btn btn-primary" href={urlFor('workflows.index')}>
              {t('dashboard.noTasks.action')}
            </Link>
          }
        >
          {t('dashboard.noTasks.body')}
        </EmptyState>
      </section>
    </>
  )
}
