import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { ThroughputChart } from '../../../components/admin/throughput_chart.tsx'
import { QueueCounts, QueueStatus } from '../../../components/admin/queue_counts.tsx'
import type { Data } from '../../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{ queues: Data.QueueReport[] }>

export default function QueuesIndex({ queues }: Props) {
  const { t } = useI18n()
  const driver = queues[0]?.driver ?? 'memory'

  return (
    <>
      <Head title={t('admin.queues.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('admin.queues.title')}</h1>
          <p>{t(`admin.queues.driver.${driver}`)}</p>
        </div>
      </div>

      <ul className="queue-cards" aria-label={t('admin.queues.title')}>
        {queues.map((queue) => (
          <li key={queue.name} className="card queue-card">
            <div className="queue-card-head">
              <h2>
                <Link href={urlFor('admin.queues.show', { queue: queue.name })}>
                  {t(`admin.queues.names.${queue.name}`)}
                </Link>
              </h2>
              <QueueStatus queue={queue} />
            </div>
            {queue.counts ? (
              <>
                <QueueCounts counts={queue.counts} compact />
                <ThroughputChart perMinute={queue.throughput} small />
                <p className="queue-note">
                  {t('admin.queues.completedLastHour', { count: queue.completedLastHour })}
                </p>
              </>
            ) : (
              <p className="alert alert-error">
                {t('admin.queues.unreachable', { error: queue.error ?? '' })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
