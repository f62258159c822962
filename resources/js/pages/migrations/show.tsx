import { Head, router } from '@inertiajs/react'
import { RunProgress, usePolling } from '../../components/ui/run_progress.tsx'
import { useI18n } from '../../lib/i18n.ts'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  migration: {
    id: number
    workflow: { key: string; name: string }
    from: number
    to: number
    status: 'pending' | 'running' | 'completed' | 'failed'
    total: number
    moved: number
    refused: number
    failed: number
    progress: number
    error: string | null
    requestedBy: string | null
    createdAt: string
    finishedAt: string | null
  }
  items: {
    processId: number
    reference: string
    title: string
    fromStage: string
    toStage: string | null
    result: string
    reason: string | null
  }[]
}>

/**
 * Progress of a migration; refreshes itself while it runs.
 */
export default function MigrationsShow({ migration, items }: Props) {
  const { t, formatDateTime } = useI18n()
  const running = migration.status === 'pending' || migration.status === 'running'

  usePolling(running, () => router.reload({ only: ['migration', 'items'] }), 1000)

  return (
    <>
      <Head title={t('migrations.progressTitle', { id: migration.id })} />
      <div className="page-header">
        <div>
          <h1>{t('migrations.progressTitle', { id: migration.id })}</h1>
          <p>
            {migration.workflow.name}: v{migration.from} → v{migration.to} · {migration.requestedBy}{' '}
            · {formatDateTime(migration.createdAt)}
          </p>
        </div>
      </div>
      <RunProgress
        status={migration.status}
        statusLabel={t(`migrations.status.${migration.status}`)}
        progress={migration.progress}
        progressLabel={t('migrations.progress')}
        counts={t('migrations.counts', {
          moved: migration.moved,
          refused: migration.refused,
          failed: migration.failed,
          total: migration.total,
        })}
        error={migration.error}
      />
      {items.length > 0 && (
        <section className="card">
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('migrations.process')}</th>
                  <th scope="col">{t('migrations.move')}</th>
                  <th scope="col">{t('migrations.result')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.processId}>
                    <td>
                      <strong>{item.reference}</strong> {item.title}
                    </td>
                    <td>
                      {item.fromStage} → {item.toStage ?? '—'}
                    </td>
                    <td>
                      <span
                        className={`badge ${item.result === 'moved' ? 'badge-success' : 'badge-danger'}`}
                      >
                        {t(`migrations.results.${item.result}`)}
                      </span>
                      {item.reason && <span> {item.reason}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}
