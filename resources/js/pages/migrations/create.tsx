import { useState } from 'react'
import { Head, Link, router, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import type { InertiaProps } from '../../types.ts'

type Stage = { key: string; name: string; type?: string }
type Plan = {
  moves: {
    processId: number
    reference: string
    title: string
    fromStage: string
    toStage: string
  }[]
  refused: {
    processId: number
    reference: string
    title: string
    fromStage: string
    reason: string
  }[]
}
type Props = InertiaProps<{
  workflow: { key: string; name: string }
  versions: { number: number; status: string; active: number }[]
  from: { number: number; stages: Stage[] } | null
  to: { number: number; stages: Stage[] } | null
  mapping: Record<string, string>
  plan: Plan | null
}>

export default function MigrationsCreate({ workflow, versions, from, to, mapping, plan }: Props) {
  const { t } = useI18n()
  const [map, setMap] = useState<Record<string, string>>(mapping)
  const confirm = useForm({})
  const query = (extra: Record<string, unknown>) => ({
    from: from?.number,
    to: to?.number,
    ...extra,
  })

  const preview = () =>
    router.get(urlFor('migrations.create', { key: workflow.key }), query({ map }) as never, {
      preserveScroll: true,
    })

  return (
    <>
      <Head title={t('migrations.title', { name: workflow.name })} />
      <div className="page-header">
        <div>
          <h1>{t('migrations.title', { name: workflow.name })}</h1>
          <p>{t('migrations.subtitle')}</p>
        </div>
      </div>

      {!from || !to ? (
        <div className="card">
          <EmptyState title={t('migrations.nothing.title')}>
            {t('migrations.nothing.body')}
          </EmptyState>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="mapping-title">
            <h2 id="mapping-title">
              {t('migrations.mapping', { from: from.number, to: to.number })}
            </h2>
            <div className="inline-form" style={{ marginBottom: '1rem' }}>
              <div className="field">
                <label htmlFor="from-version">{t('migrations.fromVersion')}</label>
                <select
                  id="from-version"
                  value={from.number}
                  onChange={(e) =>
                    router.get(urlFor('migrations.create', { key: workflow.key }), {
                      from: e.target.value,
                      to: to.number,
                    })
                  }
                >
                  {versions
                    .filter((v) => v.number < to.number)
                    .map((v) => (
                      <option key={v.number} value={v.number}>
                        {t('migrations.versionOption', { number: v.number, active: v.active })}
                      </option>
                    ))}
                </select>
              </div>
            </div>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('migrations.oldStage')}</th>
                    <th scope="col">{t('migrations.newStage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {from.stages.map((stage) => (
                    <tr key={stage.key}>
                      <td>
                        <label htmlFor={`map-${stage.key}`}>{stage.name}</label>{' '}
                        <code>{stage.key}</code>
                      </td>
                      <td>
                        <select
                          id={`map-${stage.key}`}
                          value={map[stage.key] ?? ''}
                          onChange={(e) => setMap({ ...map, [stage.key]: e.target.value })}
                        >
                          <option value="">{t('migrations.noMapping')}</option>
                          {to.stages.map((s) => (
                            <option key={s.key} value={s.key}>
                              {s.name} ({s.key})
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="form-actions" style={{ marginTop: '1rem' }}>
              <button type="button" className="btn btn-primary" onClick={preview}>
                {t('migrations.preview')}
              </button>
            </div>
          </section>

          {plan && (
            <section className="card" aria-labelledby="plan-title">
              <h2 id="plan-title">{t('migrations.dryRun')}</h2>
              <p>
                {t('migrations.summary', {
                  moves: plan.moves.length,
                  refused: plan.refused.length,
                })}
              </p>
              {plan.refused.length > 0 && (
                <>
                  <h3>{t('migrations.refused')}</h3>
                  <ul>
                    {plan.refused.map((r) => (
                      <li key={r.processId}>
                        <strong>{r.reference}</strong> {r.title} — {r.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {plan.moves.length > 0 && (
                <>
                  <h3>{t('migrations.willMove')}</h3>
                  <ul>
                    {plan.moves.slice(0, 200).map((m) => (
                      <li key={m.processId}>
                        <strong>{m.reference}</strong> {m.title}: {m.fromStage} → {m.toStage}
                      </li>
                    ))}
                  </ul>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={confirm.processing}
                    onClick={() => {
                      if (
                        !window.confirm(
                          t('migrations.confirm', { count: plan.moves.length, to: to.number })
                        )
                      )
                        return
                      confirm.transform(() => ({ from: from.number, to: to.number, map }))
                      confirm.post(urlFor('migrations.store', { key: workflow.key }))
                    }}
                  >
                    {t('migrations.start', { count: plan.moves.length })}
                  </button>
                </>
              )}
            </section>
          )}
        </>
      )}
      <p>
        <Link href={urlFor('workflows.index')}>{t('migrations.back')}</Link>
      </p>
    </>
  )
}
