import { useI18n } from '../../lib/i18n.ts'

export type Attempt = {
  id: number
  number: number
  request: string
  outcome: string
  status: number | null
  durationMs: number | null
  error: string | null
  startedAt: string | null
}

export type Execution = {
  id: number
  kind: 'action' | 'compensation'
  action: string
  type: string
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'resolved'
  attempts: number
  maxAttempts: number
  idempotencyKey: string
  lastError: string | null
  nextAttemptAt: string | null
  finishedAt: string | null
  attemptLog: Attempt[]
}

export type ProcessAutomation = {
  saga: { status: string; reason: string | null; resolutionComment: string | null } | null
  executions: Execution[]
}

/**
 * The process's automated steps and compensations, each with its
 * attempts (request, answer, duration, error). Rendered only for
 * processes whose workflow has actions.
 */
export function ActionSteps(props: { automation: ProcessAutomation | undefined }) {
  const { t, formatDateTime } = useI18n()
  const automation = props.automation
  if (!automation || (automation.executions.length === 0 && !automation.saga)) return null

  return (
    <section className="card area-automation" aria-labelledby="automation-title">
      <h2 id="automation-title">{t('automation.process.title')}</h2>
      {automation.saga && (
        <p
          className={`alert ${automation.saga.status === 'needs_attention' ? 'alert-error' : 'alert-warning'}`}
          role={automation.saga.status === 'needs_attention' ? 'alert' : 'status'}
        >
          {t(`automation.process.saga.${automation.saga.status}`)}
          {automation.saga.reason && ` — ${automation.saga.reason}`}
        </p>
      )}
      <ol className="action-steps">
        {automation.executions.map((execution) => (
          <li key={execution.id} className={`action-step action-${execution.status}`}>
            <details open={execution.status === 'failed'}>
              <summary>
                {t(`automation.process.kind.${execution.kind}`)} <strong>{execution.action}</strong>{' '}
                — {t(`automation.process.status.${execution.status}`)}
                {execution.type === 'http' && ` (${execution.attempts}/${execution.maxAttempts})`}
                {execution.nextAttemptAt &&
                  execution.status === 'pending' &&
                  ` · ${formatDateTime(execution.nextAttemptAt)}`}
              </summary>
              <p className="muted">
                {t('automation.process.key', { key: execution.idempotencyKey })}
              </p>
              {execution.lastError && <p className="field-error">{execution.lastError}</p>}
              {execution.attemptLog.length > 0 && (
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">
                      {t('automation.process.attempts')}: {execution.action}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('automation.process.columns.number')}</th>
                        <th scope="col">{t('automation.process.columns.request')}</th>
                        <th scope="col">{t('automation.process.columns.status')}</th>
                        <th scope="col">{t('automation.process.columns.duration')}</th>
                        <th scope="col">{t('automation.process.columns.error')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {execution.attemptLog.map((attempt) => (
                        <tr key={attempt.id}>
                          <td>{attempt.number}</td>
                          <td>
                            <code>{attempt.request}</code>
                          </td>
                          <td>{attempt.status ?? t('automation.process.noAnswer')}</td>
                          <td>
                            {attempt.durationMs === null
                              ? '—'
                              : t('automation.process.duration', { ms: attempt.durationMs })}
                          </td>
                          <td>{attempt.error ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  )
}
