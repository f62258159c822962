import { useEffect, useRef, useState } from 'react'
import { router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import { postJson, type BulkApiError } from './bulk_request.tsx'

export type BulkActionName = 'assign' | 'transition' | 'cancel'

type Target = { ids: number[] } | { filter: Record<string, string> }

type Preview = {
  total: number
  applicable: number
  refused: number
  limit: number
  tooMany: boolean
  reasons: { code: string; count: number }[]
  samples: {
    processId: number
    reference: string
    title: string
    code: string
    detail: string | null
  }[]
}

/** A refusal or failure code in words (unknown codes show as they are). */
export function useReasonLabel() {
  const { t } = useI18n()
  return (code: string | null) => {
    if (!code) return ''
    const key = `processes.bulk.reasons.${code}`
    const label = t(key)
    return label === key ? code : label
  }
}

/**
 * The body of a bulk action dialog: the action's parameters, the server's
 * preview (how many change, which are refused and why), then the
 * confirmation that starts the run. Changing a parameter drops the
 * preview, so what is confirmed is always what was previewed.
 */
export function BulkDialog(props: {
  action: BulkActionName
  target: Target
  people: { id: number; name: string }[]
  onClose: () => void
}) {
  const { t } = useI18n()
  const reasonLabel = useReasonLabel()
  const [assignee, setAssignee] = useState('')
  const [transition, setTransition] = useState('')
  const [reason, setReason] = useState('')
  const [transitions, setTransitions] = useState<
    { key: string; label: string; count: number }[] | null
  >(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [errors, setErrors] = useState<BulkApiError[]>([])
  const [busy, setBusy] = useState(false)
  const summary = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (props.action !== 'transition') return
    let live = true
    postJson<{ transitions: { key: string; label: string; count: number }[] }>(
      urlFor('processes.bulk.transitions'),
      props.target
    ).then((answer) => {
      if (!live) return
      if (answer.ok) setTransitions(answer.data.transitions)
      else setErrors(answer.errors)
    })
    return () => {
      live = false
    }
    // The target is fixed while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.action])

  useEffect(() => {
    if (preview) summary.current?.focus()
  }, [preview])

  const body = () => ({
    action: props.action,
    ...props.target,
    ...(props.action === 'assign'
      ? { assigneeId: assignee === 'none' ? null : assignee ? Number(assignee) : undefined }
      : {}),
    ...(props.action === 'transition' ? { transition: transition || undefined } : {}),
    ...(props.action === 'cancel' && reason.trim() ? { reason: reason.trim() } : {}),
  })
  const changed = (apply: () => void) => {
    apply()
    setPreview(null)
    setErrors([])
  }
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message
  const generalErrors = errors.filter((e) => !e.field)

  const runPreview = async () => {
    setBusy(true)
    const answer = await postJson<{ preview: Preview }>(urlFor('processes.bulk.preview'), body())
    setBusy(false)
    if (answer.ok) {
      setErrors([])
      setPreview(answer.data.preview)
    } else {
      setPreview(null)
      setErrors(answer.errors)
    }
  }

  const confirm = () => {
    router.post(urlFor('processes.bulk.store'), body(), {
      onStart: () => setBusy(true),
      onFinish: () => setBusy(false),
      onError: (fieldErrors: Record<string, string>) =>
        setErrors(
          Object.entries(fieldErrors).map(([field, message]) => ({
            code: 'invalid',
            field,
            message: String(message),
          }))
        ),
    })
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void runPreview()
      }}
    >
      {props.action === 'assign' && (
        <Field label={t('processes.bulk.assignee')} error={fieldError('assigneeId')}>
          {(control) => (
            <select
              {...control}
              value={assignee}
              onChange={(e) => changed(() => setAssignee(e.target.value))}
            >
              <option value="">{t('processes.bulk.choose')}</option>
              <option value="none">{t('processes.unassigned')}</option>
              {props.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {props.action === 'transition' && (
        <Field
          label={t('processes.bulk.transition')}
          error={fieldError('transition')}
          hint={t('processes.bulk.transitionHint')}
        >
          {(control) => (
            <select
              {...control}
              value={transition}
              disabled={transitions === null}
              onChange={(e) => changed(() => setTransition(e.target.value))}
            >
              <option value="">
                {transitions === null ? t('processes.bulk.loading') : t('processes.bulk.choose')}
              </option>
              {(transitions ?? []).map((option) => (
                <option key={option.key} value={option.key}>
                  {t('processes.bulk.transitionOption', {
                    label: option.label,
                    count: option.count,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {props.action === 'cancel' && (
        <>
          <p>{t('processes.bulk.cancelExplain')}</p>
          <Field label={t('processes.bulk.reason')} error={fieldError('reason')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={reason}
                onChange={(e) => changed(() => setReason(e.target.value))}
              />
            )}
          </Field>
        </>
      )}

      {generalErrors.length > 0 && (
        <div className="alert alert-error" role="alert">
          {generalErrors.map((e, i) => (
            <p key={i}>{e.message}</p>
          ))}
        </div>
      )}

      {preview && (
        <div
          ref={summary}
          tabIndex={-1}
          className="card"
          aria-live="polite"
          data-testid="bulk-preview"
        >
          <p>
            <strong>
              {t('processes.bulk.preview.summary', {
                applicable: preview.applicable,
                total: preview.total,
              })}
            </strong>
          </p>
          {preview.refused > 0 && (
            <>
              <p>{t('processes.bulk.preview.refused', { count: preview.refused })}</p>
              <ul>
                {preview.reasons.map((r) => (
                  <li key={r.code}>
                    {reasonLabel(r.code)}: {r.count}
                  </li>
                ))}
              </ul>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{t('processes.bulk.preview.samples')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('processes.columns.reference')}</th>
                      <th scope="col">{t('processes.columns.title')}</th>
                      <th scope="col">{t('processes.bulk.why')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.samples.map((s) => (
                      <tr key={s.processId}>
                        <td>{s.reference}</td>
                        <td>{s.title}</td>
                        <td>
                          {reasonLabel(s.code)}
                          {s.detail ? ` (${s.detail})` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.refused > preview.samples.length && (
                <p className="muted">
                  {t('processes.bulk.preview.more', {
                    count: preview.refused - preview.samples.length,
                  })}
                </p>
              )}
            </>
          )}
          {preview.tooMany && (
            <div className="alert alert-warning" role="alert">
              {t('processes.bulk.preview.tooMany', { limit: preview.limit })}
            </div>
          )}
        </div>
      )}

      <div className="form-actions">
        {preview && preview.applicable > 0 && !preview.tooMany ? (
          <button
            type="button"
            className={`btn ${props.action === 'cancel' ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy}
            onClick={confirm}
          >
            {t(`processes.bulk.confirm.${props.action}`, { count: preview.applicable })}
          </button>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('processes.bulk.previewButton')}
          </button>
        )}
        <button type="button" className="btn" onClick={props.onClose}>
          {t('processes.bulk.close')}
        </button>
      </div>
    </form>
  )
}
