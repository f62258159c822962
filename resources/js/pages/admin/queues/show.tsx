import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { ThroughputChart } from '../../../components/admin/throughput_chart.tsx'
import { QueueCounts, QueueStatus } from '../../../components/admin/queue_counts.tsx'
import { EmptyState } from '../../../components/ui/empty_state.tsx'
import type { Data } from '../../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{
  queue: Data.QueueReport
  failed: Data.FailedJob[]
  queueNames: string[]
}>

export default function QueueShow({ queue, failed, queueNames }: Props) {
  const { t, formatDateTime } = useI18n()
  const name = t(`admin.queues.names.${queue.name}`)
  const params = { queue: queue.name }
  const post = (url: string) => router.post(url, {}, { preserveScroll: true })

  return (
    <>
      <Head title={t('admin.queues.showTitle', { name })} />
      <AdminNav />
      <nav className="queue-tabs" aria-label={t('admin.queues.pick')}>
        {queueNames.map((other) => (
          <Link
            key={other}
            href={urlFor('admin.queues.show', { queue: other })}
            aria-current={other === queue.name ? 'page' : undefined}
          >
            {t(`admin.queues.names.${other}`)}
          </Link>
        ))}
      </nav>

      <div className="page-header">
        <div>
          <h1>
            {t('admin.queues.showTitle', { name })} <QueueStatus queue={queue} />
          </h1>
          <p>
            {t('admin.queues.settings', {
              concurrency: queue.settings.concurrency,
              attempts: queue.settings.attempts,
            })}
          </p>
        </div>
        {queue.counts && (
          <div className="form-actions">
            {queue.paused ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => post(urlFor('admin.queues.resume', params))}
              >
                {t('admin.queues.resume')}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={() =>
                  window.confirm(t('admin.queues.confirmPause', { name })) &&
                  post(urlFor('admin.queues.pause', params))
                }
              >
                {t('admin.queues.pause')}
              </button>
            )}
          </div>
        )}
      </div>

      {queue.counts ? (
        <section className="card" aria-labelledby="queue-numbers">
          <h2 id="queue-numbers">{t('admin.queues.numbers')}</h2>
          {queue.paused && <p className="alert alert-warning">{t('admin.queues.pausedNote')}</p>}
          <QueueCounts counts={queue.counts} />
          <h3 className="queue-subhead">{t('admin.queues.chart.title')}</h3>
          <ThroughputChart perMinute={queue.throughput} />
        </section>
      ) : (
        <p className="alert alert-error">
          {t('admin.queues.unreachable', { error: queue.error ?? '' })}
        </p>
      )}

      <section className="card" aria-labelledby="queue-failed">
        <div className="toolbar">
          <h2 id="queue-failed">
            {t('admin.queues.failedTitle', { count: queue.counts?.failed ?? failed.length })}
          </h2>
          {failed.length > 0 && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => post(urlFor('admin.queues.retry_all', params))}
            >
              {t('admin.queues.retryAll')}
            </button>
          )}
        </div>
        {failed.length === 0 ? (
          <EmptyState title={t('admin.queues.noFailed.title')}>
            {t('admin.queues.noFailed.body')}
          </EmptyState>
        ) : (
          <ul className="failed-jobs">
            {failed.map((job) => (
              <li key={job.id} className="failed-job">
                <div className="failed-job-head">
                  <div>
                    <strong>{job.name}</strong> <code className="job-id">#{job.id}</code>
                    <p className="failed-job-error">{job.error}</p>
                    <p className="queue-note">
                      {t('admin.queues.failedMeta', {
                        attempts: job.attempts,
                        at: formatDateTime(job.failedAt),
                      })}
                    </p>
                  </div>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() =>
                        post(urlFor('admin.queues.jobs.retry', { ...params, job: job.id }))
                      }
                    >
                      {t('admin.queues.retry')}
                      <span className="sr-only"> {job.id}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() =>
                        window.confirm(t('admin.queues.confirmRemove', { id: job.id })) &&
                        router.delete(
                          urlFor('admin.queues.jobs.destroy', { ...params, job: job.id }),
                          { preserveScroll: true }
                        )
                      }
                    >
                      {t('admin.queues.remove')}
                      <span className="sr-only"> {job.id}</span>
                    </button>
                  </div>
                </div>
                <details className="failed-job-details">
                  <summary>{t('admin.queues.details')}</summary>
                  <h4>{t('admin.queues.payload')}</h4>
                  <pre>{job.payload}</pre>
                  <h4>{t('admin.queues.stack')}</h4>
                  <pre>{job.stack ?? t('admin.queues.noStack')}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
