import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { EmptyState } from '../../../components/ui/empty_state.tsx'
import type { Data } from '../../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{
  driver: 'bullmq' | 'memory'
  checkedAt: string
  aliveWithinSeconds: number
  outbox: { due: number; scheduled: number; oldestDueSeconds: number | null; failed: number }
  outboxProblems: Data.OutboxProblem[]
  workers: Data.WorkerHeartbeat[]
  stalled: { days: number; total: number }
  stalledProcesses: Data.StalledProcess[]
}>

const STALLED_CHOICES = [1, 3, 7, 14, 30]

export default function EngineHealth(props: Props) {
  const { t, formatDateTime } = useI18n()
  const { outbox, stalled, stalledProcesses } = props
  // A due message should be published within seconds; a minute means the relay is not running.
  const backlogLate = (outbox.oldestDueSeconds ?? 0) > 60

  return (
    <>
      <Head title={t('admin.engine.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('admin.engine.title')}</h1>
          <p>{t('admin.engine.checkedAt', { at: formatDateTime(props.checkedAt) })}</p>
        </div>
        <button type="button" className="btn" onClick={() => router.reload()}>
          {t('admin.engine.refresh')}
        </button>
      </div>

      <section className="card" aria-labelledby="engine-outbox">
        <h2 id="engine-outbox">{t('admin.engine.outbox.title')}</h2>
        <p className="queue-note">{t('admin.engine.outbox.intro')}</p>
        <dl className="queue-counts">
          <div className={backlogLate ? 'has-failed' : undefined}>
            <dt>{t('admin.engine.outbox.due')}</dt>
            <dd>{outbox.due}</dd>
          </div>
          <div className={backlogLate ? 'has-failed' : undefined}>
            <dt>{t('admin.engine.outbox.oldest')}</dt>
            <dd>
              {outbox.oldestDueSeconds === null
                ? t('admin.engine.outbox.none')
                : formatAge(outbox.oldestDueSeconds, t)}
            </dd>
          </div>
          <div>
            <dt>{t('admin.engine.outbox.scheduled')}</dt>
            <dd>{outbox.scheduled}</dd>
          </div>
          <div className={outbox.failed > 0 ? 'has-failed' : undefined}>
            <dt>{t('admin.engine.outbox.failed')}</dt>
            <dd>{outbox.failed}</dd>
          </div>
        </dl>
        {backlogLate && <p className="alert alert-warning">{t('admin.engine.outbox.late')}</p>}

        <h3 className="queue-subhead">{t('admin.engine.outbox.problems')}</h3>
        {props.outboxProblems.length === 0 ? (
          <p className="queue-note">{t('admin.engine.outbox.noProblems')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('admin.engine.outbox.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.engine.outbox.columns.message')}</th>
                  <th scope="col">{t('admin.engine.outbox.columns.status')}</th>
                  <th scope="col">{t('admin.engine.outbox.columns.error')}</th>
                  <th scope="col" className="hide-sm">
                    {t('admin.engine.outbox.columns.created')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.outboxProblems.map((message) => (
                  <tr key={message.id}>
                    <td>
                      <code>{message.topic}</code>
                      <div className="queue-note">
                        #{message.id}
                        {message.processId !== null && (
                          <>
                            {' · '}
                            <Link href={urlFor('processes.show', { id: message.processId })}>
                              {t('admin.engine.processLink', { id: message.processId })}
                            </Link>
                          </>
                        )}
                      </div>
                    </td>
                    <td>
                      <span
                        className={`badge ${message.status === 'failed' ? 'badge-danger' : 'badge-warning'}`}
                      >
                        {t(`admin.engine.outbox.status.${message.status}`, {
                          attempts: message.attempts,
                        })}
                      </span>
                    </td>
                    <td className="engine-error">{message.lastError || '—'}</td>
                    <td className="hide-sm">{formatDateTime(message.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="engine-workers">
        <h2 id="engine-workers">{t('admin.engine.workers.title')}</h2>
        <p className="queue-note">
          {t(`admin.engine.workers.intro.${props.driver}`, { seconds: props.aliveWithinSeconds })}
        </p>
        {props.workers.length === 0 ? (
          <EmptyState title={t('admin.engine.workers.empty.title')}>
            {t(`admin.engine.workers.empty.${props.driver}`)}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('admin.engine.workers.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.engine.workers.columns.worker')}</th>
                  <th scope="col">{t('admin.engine.workers.columns.state')}</th>
                  <th scope="col" className="hide-sm">
                    {t('admin.engine.workers.columns.queues')}
                  </th>
                  <th scope="col">{t('admin.engine.workers.columns.beat')}</th>
                  <th scope="col" className="hide-sm">
                    {t('admin.engine.workers.columns.started')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.workers.map((worker) => (
                  <tr key={worker.id}>
                    <td>
                      <code>{worker.id}</code>
                    </td>
                    <td>
                      <span className={`badge ${worker.alive ? 'badge-success' : 'badge-danger'}`}>
                        {worker.alive
                          ? t('admin.engine.workers.alive')
                          : t('admin.engine.workers.silent')}
                      </span>
                    </td>
                    <td className="hide-sm">
                      {worker.queues.map((q) => t(`admin.queues.names.${q}`)).join(', ')}
                    </td>
                    <td>{formatDateTime(worker.beatAt)}</td>
                    <td className="hide-sm">{formatDateTime(worker.startedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="engine-stalled">
        <div className="toolbar">
          <div>
            <h2 id="engine-stalled">{t('admin.engine.stalled.title', { count: stalled.total })}</h2>
            <p className="queue-note">{t('admin.engine.stalled.intro', { days: stalled.days })}</p>
          </div>
          <div className="field engine-days">
            <label htmlFor="stalled-days">{t('admin.engine.stalled.daysLabel')}</label>
            <select
              id="stalled-days"
              value={stalled.days}
              onChange={(event) =>
                router.get(
                  urlFor('admin.engine.show'),
                  { days: event.target.value },
                  { preserveScroll: true, preserveState: true, replace: true }
                )
              }
            >
              {[...new Set([...STALLED_CHOICES, stalled.days])]
                .sort((a, b) => a - b)
                .map((days) => (
                  <option key={days} value={days}>
                    {t('admin.engine.stalled.days', { days })}
                  </option>
                ))}
            </select>
          </div>
        </div>
        {stalledProcesses.length === 0 ? (
          <EmptyState title={t('admin.engine.stalled.empty.title')}>
            {t('admin.engine.stalled.empty.body', { days: stalled.days })}
          </EmptyState>
        ) : (
          <>
            <ul className="stalled-list">
              {stalledProcesses.map((process) => (
                <li key={process.id}>
                  <div className="stalled-head">
                    <Link href={urlFor('processes.show', { id: process.id })}>
                      <strong>{process.reference}</strong> {process.title}
                    </Link>
                    <span className="queue-note">
                      {process.workflowName} · {process.stageName}
                    </span>
                  </div>
                  <p className="stalled-reason">{stalledReason(process, t, formatDateTime)}</p>
                </li>
              ))}
            </ul>
            {stalled.total > stalledProcesses.length && (
              <p className="queue-note">
                {t('admin.engine.stalled.more', {
                  shown: stalledProcesses.length,
                  total: stalled.total,
                })}
              </p>
            )}
          </>
        )}
      </section>
    </>
  )
}

type Translate = (key: string, data?: Record<string, unknown>) => string

/**
 * Why a process counts as stalled, in a sentence or three.
 */
function stalledReason(
  process: Data.StalledProcess,
  t: Translate,
  formatDateTime: (iso: string | null) => string
) {
  const parts = [
    t('admin.engine.stalled.reason.idle', {
      days: process.idleDays,
      stage: process.stageName,
      since: formatDateTime(process.lastActivityAt),
    }),
    process.dueAt
      ? t('admin.engine.stalled.reason.deadlinePassed', { at: formatDateTime(process.dueAt) })
      : t('admin.engine.stalled.reason.noDeadline'),
    process.assignee
      ? t('admin.engine.stalled.reason.assigned', { name: process.assignee.name })
      : t('admin.engine.stalled.reason.unassigned'),
  ]
  return parts.join(' ')
}

function formatAge(seconds: number, t: Translate) {
  if (seconds < 120) return t('admin.engine.age.seconds', { count: seconds })
  if (seconds < 7200) return t('admin.engine.age.minutes', { count: Math.round(seconds / 60) })
  return t('admin.engine.age.hours', { count: Math.round(seconds / 3600) })
}
