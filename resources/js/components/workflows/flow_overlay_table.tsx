import { Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { FlowOverlay } from '../canvas/overlay.ts'
import { formatSeconds } from '../reports/format.ts'

type Named = { key: string; name?: string; label?: string }

/**
 * "Where processes went" on a published version, as tables: transitions
 * with how many took them, stages with the median time spent, how many are
 * there now and overdue, and a link to them. A period selector reloads it.
 */
export function FlowOverlayTable(props: {
  workflowKey: string
  flow: FlowOverlay
  days: number
  stages: readonly Named[]
  transitions: readonly (Named & { from: string; to: string })[]
}) {
  const { t } = useI18n()
  const { flow } = props
  return (
    <section className="card" aria-labelledby="flow-heading">
      <div className="wf-card-header">
        <h2 id="flow-heading">{t('workflows.flow.title')}</h2>
        <div className="field">
          <label htmlFor="flow-days">{t('workflows.flow.period')}</label>
          <select
            id="flow-days"
            value={props.days}
            onChange={(event) =>
              router.get(
                urlFor('workflows.show', { key: props.workflowKey }),
                { days: event.target.value },
                { preserveScroll: true, only: ['flow', 'flowDays'] }
              )
            }
          >
            {[7, 30, 90].map((days) => (
              <option key={days} value={days}>
                {t('workflows.flow.lastDays', { days })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="wf-muted">
        {t('workflows.flow.range', { from: flow.period.from, to: flow.period.to })}
      </p>
      <table className="table">
        <caption>{t('workflows.flow.transitions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workflows.flow.transition')}</th>
            <th scope="col">{t('workflows.flow.fromTo')}</th>
            <th scope="col">{t('workflows.flow.taken')}</th>
          </tr>
        </thead>
        <tbody>
          {props.transitions.map((transition) => (
            <tr key={transition.key}>
              <th scope="row">{transition.label || transition.key}</th>
              <td>
                {transition.from} → {transition.to}
              </td>
              <td>{flow.transitions[transition.key]?.count ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t('workflows.flow.stages')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workflows.flow.stage')}</th>
            <th scope="col">{t('workflows.flow.median')}</th>
            <th scope="col">{t('workflows.flow.now')}</th>
            <th scope="col">{t('workflows.flow.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {props.stages.map((stage) => {
            const row = flow.stages[stage.key]
            if (!row) return null
            const name = stage.name || stage.key
            return (
              <tr key={stage.key}>
                <th scope="row">
                  <Link href={row.listUrl} aria-label={t('workflows.flow.list', { stage: name })}>
                    {name}
                  </Link>
                </th>
                <td>{row.medianSeconds === null ? '—' : formatSeconds(row.medianSeconds)}</td>
                <td>{row.current}</td>
                <td>{row.overdue}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
