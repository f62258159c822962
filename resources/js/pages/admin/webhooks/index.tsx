import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { DataTable } from '../../../components/ui/data_table.tsx'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { WebhookForm, type WebhookView } from '../../../components/admin/webhook_form.tsx'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { InertiaProps } from '../../../types.ts'

type DeliveryView = {
  id: number
  messageId: string
  type: string
  status: 'pending' | 'succeeded' | 'failed'
  attempts: number
  responseStatus: number | null
  durationMs: number | null
  responseSnippet: string | null
  error: string | null
  lastAttemptAt: string | null
  nextAttemptAt: string | null
  createdAt: string
}

type Props = InertiaProps<{
  subscriptions: WebhookView[]
  selectedId: number | null
  deliveries: DeliveryView[]
  eventTypes: string[]
  workflows: { key: string; name: string }[]
  newSecret: string | null
}>

/**
 * Admin → Webhooks: outbound subscriptions (Standard Webhooks), a new
 * secret shown once, and the delivery log of the chosen subscription.
 */
export default function WebhooksIndex(props: Props) {
  const { t } = useI18n()
  const [editing, setEditing] = useState<number | null>(null)
  const selected = props.subscriptions.find((s) => s.id === props.selectedId) ?? null
  return (
    <>
      <Head title={t('webhooks.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('webhooks.title')}</h1>
          <p>{t('webhooks.intro')}</p>
        </div>
      </div>

      {props.newSecret && <SecretOnce secret={props.newSecret} />}

      <section className="card" aria-labelledby="webhook-list">
        <h2 id="webhook-list">{t('webhooks.list.title')}</h2>
        <DataTable
          caption={t('webhooks.list.title')}
          columns={['url', 'events', 'workflow', 'state', 'actions'].map((c) =>
            t(`webhooks.list.columns.${c}`)
          )}
          rows={props.subscriptions}
          rowKey={(s) => String(s.id)}
          empty={t('webhooks.list.empty')}
          row={(s) =>
            editing === s.id ? (
              <td colSpan={5}>
                <WebhookForm
                  webhook={s}
                  eventTypes={props.eventTypes}
                  workflows={props.workflows}
                  onDone={() => setEditing(null)}
                />
              </td>
            ) : (
              <SubscriptionRow webhook={s} onEdit={() => setEditing(s.id)} />
            )
          }
        />
      </section>

      {selected && (
        <section className="card" aria-labelledby="webhook-deliveries">
          <h2 id="webhook-deliveries">{t('webhooks.deliveries.title', { url: selected.url })}</h2>
          <DataTable
            caption={t('webhooks.deliveries.title', { url: selected.url })}
            columns={['type', 'status', 'response', 'duration', 'attempt', 'actions'].map((c) =>
              t(`webhooks.deliveries.columns.${c}`)
            )}
            rows={props.deliveries}
            rowKey={(d) => String(d.id)}
            empty={t('webhooks.deliveries.empty')}
            row={(d) => <DeliveryRow delivery={d} webhook={selected} />}
          />
        </section>
      )}

      <section className="card" aria-labelledby="webhook-new">
        <h2 id="webhook-new">{t('webhooks.form.title')}</h2>
        <WebhookForm eventTypes={props.eventTypes} workflows={props.workflows} />
      </section>
    </>
  )
}

function SecretOnce(props: { secret: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard.writeText(props.secret)
    setCopied(true)
  }
  return (
    <section className="card" role="status" aria-labelledby="webhook-secret">
      <h2 id="webhook-secret">{t('webhooks.secret.title')}</h2>
      <p>{t('webhooks.secret.once')}</p>
      <p>
        <code data-testid="webhook-secret">{props.secret}</code>{' '}
        <button type="button" className="btn btn-sm" onClick={copy}>
          {t(copied ? 'webhooks.secret.copied' : 'webhooks.secret.copy')}
        </button>
      </p>
    </section>
  )
}

function SubscriptionRow(props: { webhook: WebhookView; onEdit: () => void }) {
  const { t, formatDateTime } = useI18n()
  const { webhook } = props
  const label = (action: string) => `${t(`webhooks.actions.${action}`)}: ${webhook.url}`
  const toggle = () =>
    router.put(
      urlFor('admin.webhooks.update', { id: webhook.id }),
      { enabled: !webhook.enabled },
      { preserveScroll: true }
    )
  const rotate = () => {
    if (window.confirm(t('webhooks.actions.confirmRotate'))) {
      router.post(urlFor('admin.webhooks.rotate', { id: webhook.id }))
    }
  }
  const remove = () => {
    if (window.confirm(t('webhooks.actions.confirmDelete', { url: webhook.url }))) {
      router.delete(urlFor('admin.webhooks.destroy', { id: webhook.id }))
    }
  }
  return (
    <>
      <td>
        <code>{webhook.url}</code>
        {webhook.description && <div className="muted">{webhook.description}</div>}
      </td>
      <td>{webhook.events.join(', ')}</td>
      <td>{webhook.workflow ?? t('webhooks.form.allWorkflows')}</td>
      <td>
        {webhook.enabled ? (
          <span className="badge badge-success">{t('webhooks.state.enabled')}</span>
        ) : (
          <span className="badge badge-danger">{t('webhooks.state.disabled')}</span>
        )}
        {webhook.disabledReason && <div className="muted">{webhook.disabledReason}</div>}
        {webhook.failingSince && (
          <div className="muted">
            {t('webhooks.state.failingSince', { at: formatDateTime(webhook.failingSince) })}
          </div>
        )}
        {webhook.previousSecretExpiresAt && (
          <div className="muted">
            {t('webhooks.state.oldSecretUntil', {
              at: formatDateTime(webhook.previousSecretExpiresAt),
            })}
          </div>
        )}
      </td>
      <td>
        <div className="toolbar">
          <Link
            className="btn btn-sm"
            href={`${urlFor('admin.webhooks.index')}?deliveries=${webhook.id}`}
            aria-label={label('deliveries')}
          >
            {t('webhooks.actions.deliveries')}
          </Link>
          <button
            type="button"
            className="btn btn-sm"
            onClick={props.onEdit}
            aria-label={label('edit')}
          >
            {t('webhooks.actions.edit')}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={toggle}
            aria-label={label(webhook.enabled ? 'disable' : 'enable')}
          >
            {t(webhook.enabled ? 'webhooks.actions.disable' : 'webhooks.actions.enable')}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={rotate}
            aria-label={label('rotate')}
          >
            {t('webhooks.actions.rotate')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={remove}
            aria-label={label('delete')}
          >
            {t('webhooks.actions.delete')}
          </button>
        </div>
      </td>
    </>
  )
}

function DeliveryRow(props: { delivery: DeliveryView; webhook: WebhookView }) {
  const { t, formatDateTime } = useI18n()
  const { delivery, webhook } = props
  const redeliver = () =>
    router.post(
      urlFor('admin.webhooks.redeliver', { id: webhook.id, delivery: delivery.id }),
      {},
      { preserveScroll: true }
    )
  const badge =
    delivery.status === 'succeeded'
      ? 'badge-success'
      : delivery.status === 'failed'
        ? 'badge-danger'
        : ''
  return (
    <>
      <td>
        <code>{delivery.type}</code>
        <div className="muted">{delivery.messageId}</div>
      </td>
      <td>
        <span className={`badge ${badge}`}>{t(`webhooks.deliveryStatus.${delivery.status}`)}</span>
        {delivery.nextAttemptAt && delivery.status === 'pending' && (
          <div className="muted">
            {t('webhooks.deliveries.next', { at: formatDateTime(delivery.nextAttemptAt) })}
          </div>
        )}
      </td>
      <td>
        {delivery.responseStatus ?? '—'}
        {(delivery.responseSnippet || delivery.error) && (
          <div className="muted">
            <code>{delivery.responseSnippet ?? delivery.error}</code>
          </div>
        )}
      </td>
      <td>{delivery.durationMs === null ? '—' : `${delivery.durationMs} ms`}</td>
      <td>
        {delivery.attempts}
        {delivery.lastAttemptAt && (
          <div className="muted">{formatDateTime(delivery.lastAttemptAt)}</div>
        )}
      </td>
      <td>
        <button
          type="button"
          className="btn btn-sm"
          onClick={redeliver}
          disabled={!webhook.enabled}
          aria-label={`${t('webhooks.actions.redeliver')}: ${delivery.messageId}`}
        >
          {t('webhooks.actions.redeliver')}
        </button>
      </td>
    </>
  )
}
