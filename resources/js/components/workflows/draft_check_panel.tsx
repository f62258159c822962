import { useState } from 'react'
import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import { RunProgress, usePolling } from '../ui/run_progress.tsx'
import { postJson, type BulkApiError } from '../processes/bulk_request.tsx'
import {
  DRAFT_CHECK_VERDICTS,
  type DraftCheckSummary,
  type ProcessVerdict,
} from '#engine/draft_check'

type CheckResult = {
  draftVersion: number
  limit: number
  checkedAt: string
  summary: DraftCheckSummary
  processes: (ProcessVerdict & { url: string })[]
}

type CheckRun = {
  id: number
  status: 'pending' | 'running' | 'completed' | 'failed'
  progress: number
  statusUrl: string
  error: string | null
  result: CheckResult | null
}

type State =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'running'; run: CheckRun }
  | { kind: 'done'; result: CheckResult }
  | { kind: 'failed'; errors: BulkApiError[] }

const DEFAULT_LIMIT = 500
const MAX_LIMIT = 5000

async function getRun(url: string): Promise<CheckRun | null> {
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
    if (!response.ok) return null
    return ((await response.json()) as { data: CheckRun }).data
  } catch {
    return null
  }
}

/**
 * "Test against history" in the designer: replays the latest processes of
 * the published versions through the saved draft (a few at once, many in
 * a worker whose progress is polled) and lists those the draft would
 * treat differently, each with a link and the reason.
 */
export function DraftCheckPanel(props: {
  workflowKey: string
  hasDraft: boolean
  dirty: boolean
  /** The latest result (to draw on the canvas), null while none. */
  onResult?: (result: CheckResult | null) => void
}) {
  const { t } = useI18n()
  const [limit, setLimit] = useState(String(DEFAULT_LIMIT))
  const [state, setRawState] = useState<State>({ kind: 'idle' })
  const { onResult } = props
  const setState = (next: State) => {
    setRawState(next)
    if (next.kind === 'done') onResult?.(next.result)
    else if (next.kind !== 'running') onResult?.(null)
  }

  const parsed = Number(limit)
  const limitError =
    limit.trim() === '' || !Number.isInteger(parsed) || parsed < 1 || parsed > MAX_LIMIT
      ? t('draft_check.limitInvalid', { max: MAX_LIMIT })
      : undefined

  const run = async () => {
    if (limitError) return
    setState({ kind: 'asking' })
    const answer = await postJson<{ data: CheckResult | CheckRun }>(
      urlFor('workflows.draft.check', { key: props.workflowKey }),
      { limit: parsed }
    )
    if (!answer.ok) return setState({ kind: 'failed', errors: answer.errors })
    const data = answer.data.data
    if ('statusUrl' in data) setState({ kind: 'running', run: data })
    else setState({ kind: 'done', result: data })
  }

  const running = state.kind === 'running' ? state.run : null
  usePolling(
    running !== null,
    async () => {
      if (!running) return
      const next = await getRun(running.statusUrl)
      if (!next) return
      if (next.status === 'completed' && next.result)
        setState({ kind: 'done', result: next.result })
      else if (next.status === 'failed') {
        setState({ kind: 'failed', errors: [{ code: 'failed', message: next.error ?? '' }] })
      } else setState({ kind: 'running', run: next })
    },
    1000
  )

  return (
    <section className="card" aria-labelledby="draft-check-heading" data-testid="draft-check">
      <h2 id="draft-check-heading">{t('draft_check.title')}</h2>
      <p className="hint">{t('draft_check.intro')}</p>
      {!props.hasDraft ? (
        <p>{t('draft_check.noDraft')}</p>
      ) : (
        <>
          {props.dirty && <p className="hint">{t('draft_check.unsaved')}</p>}
          <Field
            label={t('draft_check.limit')}
            hint={t('draft_check.limitHint')}
            error={limitError}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={MAX_LIMIT}
                step={1}
                inputMode="numeric"
                value={limit}
                onChange={(event) => setLimit(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="button"
              className="btn"
              disabled={state.kind === 'asking' || running !== null || limitError !== undefined}
              aria-busy={state.kind === 'asking' || running !== null}
              onClick={run}
            >
              {state.kind === 'asking' || running ? t('draft_check.running') : t('draft_check.run')}
            </button>
          </div>
        </>
      )}
      <div className="dc-result" aria-live="polite">
        {running && (
          <RunProgress
            status={running.status}
            statusLabel={t(`draft_check.status.${running.status}`)}
            progress={running.progress}
            progressLabel={t('draft_check.progressLabel')}
            counts={t('draft_check.progress', { progress: running.progress })}
            error={null}
          />
        )}
        {state.kind === 'failed' && <CheckErrors errors={state.errors} />}
        {state.kind === 'done' && <CheckResultView result={state.result} />}
      </div>
    </section>
  )
}

function CheckErrors(props: { errors: BulkApiError[] }) {
  const { t } = useI18n()
  const [first, ...rest] = props.errors
  const problems = first?.code === 'invalid_definition'
  return (
    <div className="alert alert-error" role="alert">
      <p>
        {problems
          ? t('draft_check.definitionProblems')
          : t('draft_check.error', { message: first?.message ?? '' })}
      </p>
      {rest.length > 0 && (
        <ul>
          {rest.map((error, index) => (
            <li key={index}>
              {error.field && <code>{error.field}</code>} {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function CheckResultView(props: { result: CheckResult }) {
  const { t } = useI18n()
  const { summary, processes } = props.result
  return (
    <div data-testid="draft-check-result">
      {summary.checked === 0 ? (
        <p className="empty-state">{t('draft_check.noProcesses')}</p>
      ) : summary.affected === 0 ? (
        <p className="alert alert-success">
          {t('draft_check.allSame', { checked: summary.checked })}
        </p>
      ) : (
        <>
          <p>
            {t('draft_check.summary', {
              checked: summary.checked,
              version: props.result.draftVersion,
              unchanged: summary.unchanged,
              affected: summary.affected,
            })}
          </p>
          <ul className="dc-counts" aria-label={t('draft_check.countsLabel')}>
            {DRAFT_CHECK_VERDICTS.filter(
              (verdict) => verdict !== 'unchanged' && summary.verdicts[verdict] > 0
            ).map((verdict) => (
              <li key={verdict} className="badge badge-warning">
                {t(`draft_check.verdicts.${verdict}`)}: {summary.verdicts[verdict]}
              </li>
            ))}
          </ul>
          <h3>{t('draft_check.affected')}</h3>
          <ul className="dc-list">
            {processes.map((process) => (
              <li key={process.processId}>
                <Link href={process.url}>
                  <strong>{process.reference}</strong> — {process.title}
                </Link>
                <div>
                  <span className="badge badge-warning">
                    {t(`draft_check.verdicts.${process.verdict}`)}
                  </span>{' '}
                  <span className="hint">
                    {process.stage
                      ? t('draft_check.now', {
                          stage: process.stage,
                          status: t(`processes.status.${process.status}`),
                        })
                      : null}
                  </span>
                </div>
                <p>{reasonOf(t, process)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

type Translate = (key: string, data?: Record<string, unknown>) => string

/** The difference as a sentence in the page's language. */
function reasonOf(t: Translate, process: ProcessVerdict): string {
  const difference = process.difference
  if (!difference) return ''
  const values = {
    stage: difference.stage,
    transition: difference.transition ?? '',
    historyTo: difference.historyTo ?? '',
    draftTo: difference.draftTo ?? '',
    fields: difference.fields.join(', '),
    message: difference.message,
  }
  let key: string = process.verdict
  if (process.verdict === 'routes_differently') {
    if (difference.draftTo === null) key = 'routes_differently_waits'
    else if (difference.historyTo === null) key = 'routes_differently_now'
  }
  if (process.verdict === 'blocked_by_field_rule' && difference.transition === null) {
    key = 'blocked_by_field_rule_data'
  }
  const sentence = t(`draft_check.reasons.${key}`, values)
  return difference.sequence === null
    ? sentence
    : `${sentence} (${t('draft_check.event', { sequence: difference.sequence })})`
}
