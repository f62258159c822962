import { useCallback, useEffect, useState } from 'react'
import { usePage } from '@inertiajs/react'
import { useI18n } from '../lib/i18n.ts'

type Flash = { success?: string; error?: string }
type Kind = keyof Flash
type Toast = { id: number; kind: Kind; text: string; url: string }

let lastId = 0

/**
 * Shows the server's flash messages as dismissible toasts in a live
 * region, so screen readers announce them too. Success toasts fade after
 * ten seconds (time to read them); errors stay until dismissed.
 *
 * A toast is kept in state, not read from the current page object: a
 * live update reloads the page's props in the background (without the
 * flash), and the message must not vanish before anyone could read it.
 * A visit that brings a new message of a kind replaces the old one; a
 * visit to another address clears what was shown.
 */
export function FlashMessages() {
  const page = usePage()
  const { t } = useI18n()
  const flash = ((page as unknown as { flash?: Flash }).flash ?? {}) as Flash
  const [toasts, setToasts] = useState<Toast[]>([])

  // A new page object is the only thing that can bring new messages: taken
  // in while rendering (React's pattern for state derived from props).
  const [seen, setSeen] = useState<unknown>(null)
  if (seen !== page) {
    setSeen(page)
    const fresh: Toast[] = (['error', 'success'] as const)
      .filter((kind) => flash[kind])
      .map((kind) => ({ id: ++lastId, kind, text: flash[kind]!, url: page.url }))
    const kinds = new Set(fresh.map((toast) => toast.kind))
    const kept = toasts.filter((toast) => toast.url === page.url && !kinds.has(toast.kind))
    if (kept.length !== toasts.length || fresh.length > 0) setToasts([...kept, ...fresh])
  }

  const dismiss = useCallback(
    (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id)),
    []
  )

  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} label={t('common.dismiss')} onDismiss={dismiss} />
      ))}
    </div>
  )
}

function ToastItem(props: { toast: Toast; label: string; onDismiss: (id: number) => void }) {
  const { toast, onDismiss } = props
  useEffect(() => {
    if (toast.kind !== 'success') return
    const timer = setTimeout(() => onDismiss(toast.id), 10000)
    return () => clearTimeout(timer)
  }, [toast, onDismiss])
  return (
    <div className={`toast alert-${toast.kind}`}>
      <span>{toast.text}</span>
      <button type="button" aria-label={props.label} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  )
}
