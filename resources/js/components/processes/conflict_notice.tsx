import { useEffect, useRef } from 'react'
import { useI18n } from '../../lib/i18n.ts'

export type Conflict = { reference: string; stage: string; version: number }

/**
 * Shown when a command lost a race: someone else changed the process
 * after the page was loaded. Nothing was written; the page already shows
 * the fresh state. Takes focus so keyboard and screen-reader users learn
 * about it at once.
 */
export function ConflictNotice(props: { conflict: Conflict; onDismiss: () => void }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    ref.current?.focus()
  }, [props.conflict])

  return (
    <div
      ref={ref}
      className="alert alert-warning conflict-notice"
      role="alert"
      tabIndex={-1}
      data-testid="conflict-notice"
    >
      <strong>{t('processes.conflict.title', { reference: props.conflict.reference })}</strong>
      <p>{t('processes.conflict.body', { stage: props.conflict.stage })}</p>
      <button type="button" className="btn btn-sm" onClick={props.onDismiss}>
        {t('processes.conflict.dismiss')}
      </button>
    </div>
  )
}
