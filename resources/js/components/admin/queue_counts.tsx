import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const

/**
 * A queue's job counts by state, as a definition list (label → number).
 */
export function QueueCounts(props: {
  counts: NonNullable<Data.QueueReport['counts']>
  compact?: boolean
}) {
  const { t } = useI18n()
  return (
    <dl className={`queue-counts${props.compact ? ' compact' : ''}`}>
      {STATES.map((state) => (
        <div
          key={state}
          className={state === 'failed' && props.counts.failed > 0 ? 'has-failed' : undefined}
        >
          <dt>{t(`admin.queues.states.${state}`)}</dt>
          <dd>{props.counts[state].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Running, paused or unreachable, as a badge.
 */
export function QueueStatus({ queue }: { queue: Data.QueueReport }) {
  const { t } = useI18n()
  if (!queue.counts)
    return <span className="badge badge-danger">{t('admin.queues.status.down')}</span>
  return queue.paused ? (
    <span className="badge badge-warning">{t('admin.queues.status.paused')}</span>
  ) : (
    <span className="badge badge-success">{t('admin.queues.status.running')}</span>
  )
}
