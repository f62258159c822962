import { useEffect, type ReactNode } from 'react'

/**
 * The progress card of a background run (a migration, a bulk operation):
 * its status, a progress bar, the counts so far (announced politely to
 * screen readers) and its error. `children` adds lines of its own.
 */
export function RunProgress(props: {
  status: string
  statusLabel: string
  progress: number
  progressLabel: string
  counts: string
  countsTestId?: string
  error: string | null
  children?: ReactNode
}) {
  const badge =
    props.status === 'completed'
      ? 'badge-success'
      : props.status === 'failed'
        ? 'badge-danger'
        : 'badge-primary'
  return (
    <section className="card">
      <p>
        <span className={`badge ${badge}`}>{props.statusLabel}</span>
      </p>
      <progress
        max={100}
        value={props.progress}
        aria-label={props.progressLabel}
        style={{ width: '100%' }}
      >
        {props.progress}%
      </progress>
      <p aria-live="polite" data-testid={props.countsTestId}>
        {props.counts}
      </p>
      {props.children}
      {props.error && <div className="alert alert-error">{props.error}</div>}
    </section>
  )
}

/** Calls `refresh` every `ms` while `running` (live pushes may come sooner). */
export function usePolling(running: boolean, refresh: () => void, ms: number) {
  useEffect(() => {
    if (!running) return
    const timer = setInterval(refresh, ms)
    return () => clearInterval(timer)
    // `refresh` is a fresh closure every render; the timer only needs the latest run state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, ms])
}
