import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { RunProgress, usePolling } from '../../../components/ui/run_progress.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { useReasonLabel } from '../../../components/processes/bulk_dialog.tsx'
import { useLiveChannel } from '../../../components/notifications/live_channel.ts'
import { Pagination } from '../../../components/ui/pagination.tsx'
import type { InertiaProps, Paginated } from '../../../types.ts'

type Outcome = 'pending' | 'succeeded' | 'refused' | 'failed'

type Props = InertiaProps<{
  operation: {
    id: number
    action: 'assign' | 'transition' | 'cancel'
    transition: string | null
    assignee: string | null
    reason: string | null
    byFilter: boolean
    status: 'pending' | 'running' | 'completed' | 'failed'
    total: number
    processed: number
    succeeded: number
    refused: number
    failed: number
    progress: number
    error: string | null
    requestedBy: string | null
    createdAt: string
    finishedAt: string | null
  }
  items: Paginated<{
    processId: number
    reference: string
    title: string
    outcome: Outcome
    code: string | null
    message: string | null
  }>
  outcome: Outcome | null
}>

const BADGES: Record<Outcome, string> = {
  pending: 'badge',
  succeeded: 'badge badge-success',
  refused: 'badge badge-warning',
  failed: 'badge badge-danger',
}

/**
 * One bulk operation: progress while the background job runs (the page
 * reloads its props every second until it finishes), then the outcome
 * for every process.
 */
export default function BulkOperationShow({ operation, items, outcome, user }: Props) {
  const { t, formatDateTime } = useI18n()
  const reasonLabel = useReasonLabel()
  const running = operation.status === 'pending' || operation.status === 'running'

  // The job announces each round to the person who started it (server-sent
  // events); polling covers everyone else and a worker without transmit.
  const refresh = () => router.reload({ only: ['operation', 'items'] })
  useLiveChannel(running && user ? `users/${user.id}` : null, (message) => {
    if (message.type === 'bulk.progress' && message.bulkOperationId === operation.id) refresh()
  })
  usePolling(running, refresh, 2000)

  const what =
    operation.action === 'transition'
      ? t('processes.bulk.describe.transition', { transition: operation.transition ?? '' })
      : operation.action === 'assign'
        ? operation.assignee
          ? t('processes.bulk.describe.assign', { name: operation.assignee })
          : t('processes.bulk.describe.unassign')
        : t('processes.bulk.describe.cancel')

  return (
    <>
      <Head title={t('processes.bulk.pageTitle', { id: operation.id })} />
      <div className="page-header">
        <div>
          <h1>{t('processes.bulk.pageTitle', { id: operation.id })}</h1>
          <p>
            {what} ·{' '}
            {operation.byFilter ? t('processes.bulk.byFilter') : t('processes.bulk.byRows')} ·{' '}
            {operation.requestedBy ?? '—'} · {formatDateTime(operation.createdAt)}
          </p>
        </div>
        <div className="form-actions">
          <Link className="btn" href={urlFor('processes.index')}>
            {t('processes.bulk.backToList')}
          </Link>
        </div>
      </div>
      <RunProgress
        status={operation.status}
        statusLabel={t(`processes.bulk.status.${operation.status}`)}
        progress={operation.progress}
        progressLabel={t('processes.bulk.progress')}
        counts={t('processes.bulk.counts', {
          processed: operation.processed,
          total: operation.total,
          succeeded: operation.succeeded,
          refused: operation.refused,
          failed: operation.failed,
        })}
        countsTestId="bulk-counts"
        error={operation.error}
      >
        {operation.reason && (
          <p>
            {t('processes.bulk.reason')}: {operation.reason}
          </p>
        )}
      </RunProgress>
      <section className="card">
        <h2>{t('processes.bulk.results')}</h2>
        <nav className="queue-tabs" aria-label={t('processes.bulk.filterOutcome')}>
          {([null, 'succeeded', 'refused', 'failed'] as const).map((value) => (
            <Link
              key={value ?? 'all'}
              className={`btn btn-sm${value === outcome ? ' btn-primary' : ''}`}
              aria-current={value === outcome ? 'page' : undefined}
              href={urlFor(
                'processes.bulk.show',
                { id: operation.id },
                { qs: value ? { outcome: value } : {} }
              )}
              preserveScroll
            >
              {value
                ? `${t(`processes.bulk.outcomes.${value}`)} (${operation[value]})`
                : `${t('processes.bulk.allOutcomes')} (${operation.total})`}
            </Link>
          ))}
        </nav>
        {items.data.length === 0 && <p className="muted">{t('processes.bulk.noResults')}</p>}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('processes.columns.reference')}</th>
                <th scope="col">{t('processes.columns.title')}</th>
                <th scope="col">{t('processes.bulk.outcome')}</th>
                <th scope="col">{t('processes.bulk.message')}</th>
              </tr>
            </thead>
            <tbody>
              {items.data.map((item) => (
                <tr key={item.processId}>
                  <td>
                    <Link href={urlFor('processes.show', { id: item.processId })}>
                      {item.reference}
                    </Link>
                  </td>
                  <td>{item.title}</td>
                  <td>
                    <span className={BADGES[item.outcome]}>
                      {t(`processes.bulk.outcomes.${item.outcome}`)}
                    </span>
                  </td>
                  <td>
                    {reasonLabel(item.code)}
                    {item.code && item.message ? ': ' : ''}
                    {item.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination meta={items.metadata} />
      </section>
    </>
  )
}
