import { useEffect } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { InertiaProps } from '../../types.ts'
import type { ReportResult, ReportRunSummary } from '../../components/reports/types.ts'
import { RunStatus } from '../../components/reports/run_status.tsx'
import { ReportChart } from '../../components/reports/report_chart.tsx'
import { ReportTable } from '../../components/reports/report_table.tsx'

type Props = InertiaProps<{
  run: ReportRunSummary & { result: ReportResult | null; workflowName: string | null }
}>

/**
 * One report run: a live progress bar while a worker computes it, then
 * its charts, tables and exports. Reopenable from the list at any time.
 */
export default function ReportsShow({ run }: Props) {
  const { t, formatDateTime } = useI18n()
  const working = run.status === 'pending' || run.status === 'running'

  useEffect(() => {
    if (!working) return
    const timer = setInterval(() => router.reload({ only: ['run'] }), 1000)
    return () => clearInterval(timer)
  }, [working])

  const title = `${t(`reports.kinds.${run.kind}`)} #${run.id}`
  const result = run.result
  return (
    <>
      <Head title={title} />
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p>
            {run.workflowName ?? t('reports.form.allWorkflows')} · {run.params.from} –{' '}
            {run.params.to} ({run.params.timezone}) ·{' '}
            {run.requestedBy ?? t('reports.runs.scheduled')} · {formatDateTime(run.createdAt)}
          </p>
        </div>
        <Link href={urlFor('reports.index')} className="btn">
          {t('reports.back')}
        </Link>
      </div>

      <section className="card" aria-labelledby="run-status-title">
        <h2 id="run-status-title" className="sr-only">
          {t('reports.runs.status')}
        </h2>
        <p>
          <RunStatus status={run.status} />
        </p>
        {run.status !== 'completed' && (
          <progress
            max={100}
            value={run.progress}
            aria-label={t('reports.progress')}
            style={{ width: '100%' }}
          >
            {run.progress}%
          </progress>
        )}
        <p aria-live="polite">
          {working ? t('reports.working', { progress: run.progress }) : null}
          {run.status === 'completed' && result
            ? t('reports.asOf', { at: formatDateTime(result.asOf) })
            : null}
        </p>
        {run.status === 'completed' &&
          result?.notes?.map((note) => (
            <p key={note} className="wf-report-note">
              {t(`reports.notes.${note}`)}
            </p>
          ))}
        {run.error && <div className="alert alert-error">{run.error}</div>}
        {run.status === 'completed' && (
          <p className="wf-export-links">
            <a href={urlFor('reports.runs.export', { id: run.id, format: 'csv' })} download>
              {t('reports.export.csv')}
            </a>{' '}
            <a href={urlFor('reports.runs.export', { id: run.id, format: 'xlsx' })} download>
              {t('reports.export.xlsx')}
            </a>
          </p>
        )}
      </section>

      {result &&
        result.charts.map((chart) => {
          const table = result.tables.find((tb) => tb.key === chart.table)
          return table && table.rows.length ? (
            <ReportChart key={chart.table} chart={chart} table={table} />
          ) : null
        })}
      {result && result.tables.map((table) => <ReportTable key={table.key} table={table} />)}
    </>
  )
}
