import { useState, type FormEvent } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { DataTable } from '../../../components/ui/data_table.tsx'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import type { InertiaProps } from '../../../types.ts'

type Saga = {
  processId: number
  reference: string
  title: string
  status: string
  failedAction: string | null
  reason: string | null
  since: string | null
  compensation: { action: string; attempts: number; error: string | null } | null
}

type Props = InertiaProps<{
  needsAttention: Saga[]
  compensating: Saga[]
  hosts: {
    host: string
    state: 'closed' | 'open' | 'half_open'
    failures: number
    openUntil: string | null
    callsThisMinute: number
    limitPerMinute: number
  }[]
  executions: Record<string, number>
  state: { scope: string; key: string; value: string; version: number; expiresAt: string | null }[]
  locks: { scope: string; name: string; owner: string; expiresAt: string }[]
}>

/**
 * Admin → Automation: failed compensations first (they need a person),
 * then sagas compensating now, the protection of each external host, and
 * the workflow state store.
 */
export default function AutomationAdmin(props: Props) {
  const { t, formatDateTime } = useI18n()

  return (
    <>
      <Head title={t('automation.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('automation.title')}</h1>
          <p>{t('automation.intro')}</p>
        </div>
        <button type="button" className="btn" onClick={() => router.reload()}>
          {t('automation.refresh')}
        </button>
      </div>

      <section className="card" aria-labelledby="automation-attention">
        <h2 id="automation-attention">
          {t('automation.attention.title', { count: props.needsAttention.length })}
        </h2>
        {props.needsAttention.length === 0 ? (
          <p className="queue-note">{t('automation.attention.empty')}</p>
        ) : (
          <ul className="attention-list">
            {props.needsAttention.map((saga) => (
              <AttentionItem key={saga.processId} saga={saga} />
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="automation-compensating">
        <h2 id="automation-compensating">{t('automation.compensating.title')}</h2>
        {props.compensating.length === 0 ? (
          <p className="queue-note">{t('automation.compensating.empty')}</p>
        ) : (
          <ul>
            {props.compensating.map((saga) => (
              <li key={saga.processId}>
                <Link href={urlFor('processes.show', { id: saga.processId })}>
                  {saga.reference}
                </Link>{' '}
                — {saga.title}: {saga.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="automation-hosts">
        <h2 id="automation-hosts">{t('automation.hosts.title')}</h2>
        <p className="queue-note">{t('automation.hosts.intro')}</p>
        <DataTable
          caption={t('automation.hosts.title')}
          columns={['host', 'breaker', 'failures', 'rate'].map((c) =>
            t(`automation.hosts.columns.${c}`)
          )}
          rows={props.hosts}
          rowKey={(host) => host.host}
          empty={t('automation.hosts.empty')}
          row={(host) => (
            <>
              <td>{host.host}</td>
              <td>
                {t(`automation.hosts.state.${host.state}`)}
                {host.openUntil &&
                  ` — ${t('automation.hosts.until', { at: formatDateTime(host.openUntil) })}`}
              </td>
              <td>{host.failures}</td>
              <td>
                {t('automation.hosts.calls', {
                  calls: host.callsThisMinute,
                  limit: host.limitPerMinute,
                })}
              </td>
            </>
          )}
        />
        <p className="queue-note">
          {t('automation.executions', {
            succeeded: props.executions.succeeded ?? 0,
            failed: props.executions.failed ?? 0,
            pending: (props.executions.pending ?? 0) + (props.executions.running ?? 0),
          })}
        </p>
      </section>

      <section className="card" aria-labelledby="automation-state">
        <h2 id="automation-state">{t('automation.state.title')}</h2>
        <p className="queue-note">{t('automation.state.intro')}</p>
        <DataTable
          caption={t('automation.state.title')}
          columns={['scope', 'key', 'value', 'version', 'expires'].map((c) =>
            t(`automation.state.columns.${c}`)
          )}
          rows={props.state}
          rowKey={(entry) => `${entry.scope}/${entry.key}`}
          empty={t('automation.state.empty')}
          row={(entry) => (
            <>
              <td>{entry.scope}</td>
              <td>{entry.key}</td>
              <td>
                <code>{entry.value}</code>
              </td>
              <td>{entry.version}</td>
              <td>{entry.expiresAt ? formatDateTime(entry.expiresAt) : '—'}</td>
            </>
          )}
        />
        <h3 className="queue-subhead">{t('automation.locks.title')}</h3>
        {props.locks.length === 0 ? (
          <p className="queue-note">{t('automation.locks.empty')}</p>
        ) : (
          <ul>
            {props.locks.map((lock) => (
              <li key={`${lock.scope}/${lock.name}`}>
                {t('automation.locks.item', {
                  name: `${lock.scope}/${lock.name}`,
                  owner: lock.owner,
                  at: formatDateTime(lock.expiresAt),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

function AttentionItem(props: { saga: Saga }) {
  const { t, formatDateTime } = useI18n()
  const { saga } = props
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const commentId = `resolve-comment-${saga.processId}`

  const retry = () => {
    setBusy(true)
    router.post(
      urlFor('admin.automation.attention.retry', { process: saga.processId }),
      {},
      { preserveScroll: true, onFinish: () => setBusy(false) }
    )
  }
  const resolve = (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    router.post(
      urlFor('admin.automation.attention.resolve', { process: saga.processId }),
      { comment },
      { preserveScroll: true, onFinish: () => setBusy(false) }
    )
  }

  return (
    <li className="attention-item">
      <p>
        <Link href={urlFor('processes.show', { id: saga.processId })}>{saga.reference}</Link> —{' '}
        {saga.title}
      </p>
      <p>{t('automation.attention.reason', { reason: saga.reason ?? '' })}</p>
      {saga.compensation && (
        <p>
          {t('automation.attention.compensation', {
            action: saga.compensation.action,
            attempts: saga.compensation.attempts,
            error: saga.compensation.error ?? '',
          })}
        </p>
      )}
      {saga.since && (
        <p className="queue-note">
          {t('automation.attention.since', { at: formatDateTime(saga.since) })}
        </p>
      )}
      <div className="attention-actions">
        <button type="button" className="btn btn-primary" onClick={retry} disabled={busy}>
          {t('automation.attention.retry')}
        </button>
        <form onSubmit={resolve}>
          <label htmlFor={commentId}>{t('automation.attention.commentLabel')}</label>
          <textarea
            id={commentId}
            value={comment}
            required
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
          />
          <button type="submit" className="btn" disabled={busy || !comment.trim()}>
            {t('automation.attention.resolve')}
          </button>
        </form>
      </div>
    </li>
  )
}
