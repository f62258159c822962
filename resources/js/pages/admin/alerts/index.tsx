import { Head, Link, router } from '@inertiajs/react'
import { DataTable } from '../../../components/ui/data_table.tsx'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import {
  RuleCondition,
  RuleChannels,
  type AlertRuleView,
} from '../../../components/admin/alert_rule.tsx'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { InertiaProps } from '../../../types.ts'

type AlertEventView = {
  id: number
  ruleId: number
  ruleName: string
  value: number
  resolvedValue: number | null
  message: string
  firedAt: string
  resolvedAt: string | null
  deliveries: {
    change: 'fired' | 'resolved'
    channel: 'email' | 'webhook'
    status: 'pending' | 'delivered' | 'failed'
    attempts: number
    lastError: string | null
  }[]
}

type Props = InertiaProps<{
  rules: AlertRuleView[]
  events: AlertEventView[]
  evaluatedEverySeconds: number
}>

/**
 * Admin → Alerts: every rule with its state, and the history of firings.
 */
export default function AlertsIndex(props: Props) {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('alerts.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('alerts.title')}</h1>
          <p>{t('alerts.intro', { seconds: props.evaluatedEverySeconds })}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => router.reload()}>
            {t('alerts.refresh')}
          </button>
          <Link className="btn btn-primary" href={urlFor('admin.alerts.create')}>
            {t('alerts.new')}
          </Link>
        </div>
      </div>

      <section className="card" aria-labelledby="alert-rules">
        <h2 id="alert-rules">{t('alerts.rules.title')}</h2>
        <DataTable
          caption={t('alerts.rules.title')}
          columns={['name', 'condition', 'state', 'value', 'channels', 'actions'].map((c) =>
            t(`alerts.rules.columns.${c}`)
          )}
          rows={props.rules}
          rowKey={(rule) => String(rule.id)}
          empty={t('alerts.rules.empty')}
          row={(rule) => <RuleRow rule={rule} />}
        />
      </section>

      <section className="card" aria-labelledby="alert-history">
        <h2 id="alert-history">{t('alerts.history.title')}</h2>
        <DataTable
          caption={t('alerts.history.title')}
          columns={['rule', 'fired', 'resolved', 'message', 'deliveries'].map((c) =>
            t(`alerts.history.columns.${c}`)
          )}
          rows={props.events}
          rowKey={(event) => String(event.id)}
          empty={t('alerts.history.empty')}
          row={(event) => <EventRow event={event} />}
        />
      </section>
    </>
  )
}

function RuleRow(props: { rule: AlertRuleView }) {
  const { t, formatDateTime } = useI18n()
  const { rule } = props
  const toggle = () =>
    router.put(
      urlFor('admin.alerts.toggle', { id: rule.id }),
      { enabled: !rule.enabled },
      { preserveScroll: true }
    )
  const remove = () => {
    if (window.confirm(t('alerts.rules.confirmDelete', { name: rule.name }))) {
      router.delete(urlFor('admin.alerts.destroy', { id: rule.id }))
    }
  }
  return (
    <>
      <td>
        <strong>{rule.name}</strong>
        {rule.builtIn && (
          <>
            {' '}
            <span className="badge">{t('alerts.rules.builtIn')}</span>
          </>
        )}
      </td>
      <td>
        <RuleCondition rule={rule} />
      </td>
      <td>
        {!rule.enabled ? (
          <span className="badge">{t('alerts.state.off')}</span>
        ) : rule.state === 'firing' ? (
          <span className="badge badge-danger">
            {t('alerts.state.firing', { since: formatDateTime(rule.firingSince ?? '') })}
          </span>
        ) : (
          <span className="badge badge-success">{t('alerts.state.ok')}</span>
        )}
        {rule.lastError && (
          <p className="engine-error">{t('alerts.rules.error', { error: rule.lastError })}</p>
        )}
      </td>
      <td>
        {rule.lastValue === null ? '—' : rule.lastValue}
        <div className="muted">
          {rule.lastEvaluatedAt
            ? t('alerts.rules.evaluatedAt', { at: formatDateTime(rule.lastEvaluatedAt) })
            : t('alerts.rules.neverEvaluated')}
        </div>
      </td>
      <td>
        <RuleChannels rule={rule} />
      </td>
      <td>
        <div className="toolbar">
          <Link
            className="btn btn-sm"
            href={urlFor('admin.alerts.edit', { id: rule.id })}
            aria-label={`${t('alerts.rules.edit')}: ${rule.name}`}
          >
            {t('alerts.rules.edit')}
          </Link>
          <button
            type="button"
            className="btn btn-sm"
            onClick={toggle}
            aria-label={`${t(rule.enabled ? 'alerts.rules.disable' : 'alerts.rules.enable')}: ${rule.name}`}
          >
            {t(rule.enabled ? 'alerts.rules.disable' : 'alerts.rules.enable')}
          </button>
          {!rule.builtIn && (
            <button
              type="button"
              className="btn btn-sm btn-danger"
              onClick={remove}
              aria-label={`${t('alerts.rules.delete')}: ${rule.name}`}
            >
              {t('alerts.rules.delete')}
            </button>
          )}
        </div>
      </td>
    </>
  )
}

function EventRow(props: { event: AlertEventView }) {
  const { t, formatDateTime } = useI18n()
  const { event } = props
  return (
    <>
      <td>{event.ruleName}</td>
      <td>{formatDateTime(event.firedAt)}</td>
      <td>
        {event.resolvedAt ? (
          formatDateTime(event.resolvedAt)
        ) : (
          <span className="badge badge-danger">{t('alerts.history.stillFiring')}</span>
        )}
      </td>
      <td>{event.message}</td>
      <td>
        {event.deliveries.length === 0 ? (
          '—'
        ) : (
          <ul>
            {event.deliveries.map((delivery, index) => (
              <li key={index} title={delivery.lastError ?? undefined}>
                {t('alerts.history.delivery', {
                  channel: delivery.channel,
                  change: t(`alerts.change.${delivery.change}`),
                  status: t(`alerts.deliveryStatus.${delivery.status}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </td>
    </>
  )
}
