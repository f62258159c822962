import { Head, Link, router, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { InertiaProps } from '../../types.ts'
import { Field } from '../../components/ui/field.tsx'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { Pagination } from '../../components/ui/pagination.tsx'
import type { ReportRunSummary } from '../../components/reports/types.ts'
import { ReportKindField, ReportWorkflowField } from '../../components/reports/report_fields.tsx'
import { RunStatus } from '../../components/reports/run_status.tsx'

type Props = InertiaProps<{
  runs: {
    data: ReportRunSummary[]
    metadata: {
      currentPage: number
      lastPage: number
      total: number
      previousPageUrl: string | null
      nextPageUrl: string | null
    }
  }
  workflows: { id: number; name: string; versions: number[] }[]
  users: { id: number; name: string }[]
  roles: string[]
  schedules: {
    id: number
    kind: string
    frequency: 'daily' | 'weekly'
    workflowId: number | null
    timezone: string
    recipients: string[]
    nextRunAt: string
    lastRunAt: string | null
  }[]
}>

/** The zones this browser knows (IANA names), for the time zone suggestions. */
const timeZones = (): string[] =>
  (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? []
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/**
 * Ask for a report (it is computed in the background), reopen earlier
 * runs, and schedule reports by e-mail.
 */
export default function ReportsIndex({ runs, workflows, users, roles, schedules }: Props) {
  const { t, formatDateTime } = useI18n()
  const today = new Date()
  const monthAgo = new Date(today.getTime() - 29 * 86400_000)
  const form = useForm({
    kind: 'cycle_time' as string,
    workflowId: '' as string,
    version: '' as string,
    from: isoDay(monthAgo),
    to: isoDay(today),
    timezone: browserZone(),
    assigneeId: '' as string,
    role: '' as string,
    granularity: 'day' as string,
  })
  const schedule = useForm({
    kind: 'throughput' as string,
    workflowId: '' as string,
    frequency: 'weekly' as string,
    timezone: browserZone(),
    recipients: [] as number[],
  })
  const versions = workflows.find((w) => String(w.id) === form.data.workflowId)?.versions ?? []
  const optional = (value: string) =>
    value === '' ? null : Number.isNaN(Number(value)) ? value : Number(value)

  return (
    <>
      <Head title={t('nav.reports')} />
      <div className="page-header">
        <div>
          <h1>{t('nav.reports')}</h1>
          <p>{t('reports.intro')}</p>
        </div>
      </div>

      <form
        className="card"
        aria-labelledby="report-form-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.transform((data: typeof form.data) => ({
            ...data,
            workflowId: optional(data.workflowId),
            version: optional(data.version),
            assigneeId: optional(data.assigneeId),
            role: optional(data.role),
          }))
          form.post(urlFor('reports.runs.store'))
        }}
      >
        <h2 id="report-form-title">{t('reports.form.title')}</h2>
        <div className="form-row">
          <ReportKindField
            value={form.data.kind}
            error={form.errors.kind}
            onChange={(value) => form.setData('kind', value)}
          />
          <ReportWorkflowField
            value={form.data.workflowId}
            error={form.errors.workflowId}
            workflows={workflows}
            onChange={(value) => form.setData({ ...form.data, workflowId: value, version: '' })}
          />
          <Field label={t('reports.form.version')} error={form.errors.version}>
            {(c) => (
              <select
                {...c}
                value={form.data.version}
                disabled={!versions.length}
                onChange={(e) => form.setData('version', e.target.value)}
              >
                <option value="">{t('reports.form.allVersions')}</option>
                {versions.map((n) => (
                  <option key={n} value={n}>
                    v{n}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('reports.form.from')} error={form.errors.from}>
            {(c) => (
              <input
                {...c}
                type="date"
                value={form.data.from}
                onChange={(e) => form.setData('from', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('reports.form.to')} error={form.errors.to}>
            {(c) => (
              <input
                {...c}
                type="date"
                value={form.data.to}
                onChange={(e) => form.setData('to', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('reports.form.timezone')} error={form.errors.timezone}>
            {(c) => (
              <input
                {...c}
                type="text"
                list="report-time-zones"
                autoComplete="off"
                value={form.data.timezone}
                onChange={(e) => form.setData('timezone', e.target.value)}
              />
            )}
          </Field>
          <datalist id="report-time-zones">
            {timeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <Field label={t('reports.form.granularity')} error={form.errors.granularity}>
            {(c) => (
              <select
                {...c}
                value={form.data.granularity}
                onChange={(e) => form.setData('granularity', e.target.value)}
              >
                <option value="day">{t('reports.form.day')}</option>
                <option value="week">{t('reports.form.week')}</option>
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('reports.form.assignee')} error={form.errors.assigneeId}>
            {(c) => (
              <select
                {...c}
                value={form.data.assigneeId}
                onChange={(e) => form.setData('assigneeId', e.target.value)}
              >
                <option value="">{t('reports.form.anyone')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('reports.form.role')} error={form.errors.role}>
            {(c) => (
              <select
                {...c}
                value={form.data.role}
                onChange={(e) => form.setData('role', e.target.value)}
              >
                <option value="">{t('reports.form.anyRole')}</option>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`reports.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {t('reports.form.submit')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('reports.runs.title')}</h2>
        {runs.data.length === 0 ? (
          <EmptyState title={t('reports.empty.title')}>{t('reports.empty.body')}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="report-runs">
              <thead>
                <tr>
                  <th scope="col">{t('reports.runs.report')}</th>
                  <th scope="col">{t('reports.runs.period')}</th>
                  <th scope="col">{t('reports.runs.requestedBy')}</th>
                  <th scope="col">{t('reports.runs.requestedAt')}</th>
                  <th scope="col">{t('reports.runs.status')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link href={urlFor('reports.runs.show', { id: run.id })}>
                        {t(`reports.kinds.${run.kind}`)} #{run.id}
                      </Link>
                    </td>
                    <td>
                      {run.params.from} – {run.params.to}
                    </td>
                    <td>
                      {run.scheduled ? t('reports.runs.scheduled') : (run.requestedBy ?? '—')}
                    </td>
                    <td>{formatDateTime(run.createdAt)}</td>
                    <td>
                      <RunStatus status={run.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination meta={runs.metadata} />
      </section>

      <section className="card" aria-labelledby="schedules-title">
        <h2 id="schedules-title">{t('reports.schedules.title')}</h2>
        <p>{t('reports.schedules.help')}</p>
        {schedules.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.runs.report')}</th>
                  <th scope="col">{t('reports.schedules.frequency')}</th>
                  <th scope="col">{t('reports.schedules.recipients')}</th>
                  <th scope="col">{t('reports.schedules.next')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('reports.schedules.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedules.map((s) => (
                  <tr key={s.id}>
                    <td>{t(`reports.kinds.${s.kind}`)}</td>
                    <td>{t(`reports.schedules.${s.frequency}`)}</td>
                    <td>{s.recipients.join(', ')}</td>
                    <td>{formatDateTime(s.nextRunAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-sm btn-danger"
                        onClick={() =>
                          router.delete(urlFor('reports.schedules.destroy', { id: s.id }))
                        }
                      >
                        {t('reports.schedules.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            schedule.transform((data: typeof schedule.data) => ({
              ...data,
              workflowId: optional(data.workflowId),
            }))
            schedule.post(urlFor('reports.schedules.store'), {
              onSuccess: () => schedule.reset('recipients'),
            })
          }}
        >
          <div className="form-row">
            <ReportKindField
              value={schedule.data.kind}
              error={schedule.errors.kind}
              onChange={(value) => schedule.setData('kind', value)}
            />
            <ReportWorkflowField
              value={schedule.data.workflowId}
              error={schedule.errors.workflowId}
              workflows={workflows}
              onChange={(value) => schedule.setData('workflowId', value)}
            />
            <Field label={t('reports.schedules.frequency')} error={schedule.errors.frequency}>
              {(c) => (
                <select
                  {...c}
                  value={schedule.data.frequency}
                  onChange={(e) => schedule.setData('frequency', e.target.value)}
                >
                  <option value="daily">{t('reports.schedules.daily')}</option>
                  <option value="weekly">{t('reports.schedules.weekly')}</option>
                </select>
              )}
            </Field>
            <Field label={t('reports.schedules.recipients')} error={schedule.errors.recipients}>
              {(c) => (
                <select
                  {...c}
                  multiple
                  size={Math.min(5, Math.max(2, users.length))}
                  value={schedule.data.recipients.map(String)}
                  onChange={(e) =>
                    schedule.setData(
                      'recipients',
                      [...e.target.selectedOptions].map((o) => Number(o.value))
                    )
                  }
                >
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn" disabled={schedule.processing}>
              {t('reports.schedules.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  )
}
