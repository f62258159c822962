import { useEffect, useState } from 'react'
import { usePage } from '@inertiajs/react'
import { useI18n } from '../lib/i18n.ts'

type Flash = { success?: string; error?: string }

/**
 * Shows the server's flash messages as dismissible toasts in a live
 * region, so screen readers announce them too. Success toasts fade after
 * ten seconds (time to read them); errors stay until dismissed. A new visit brings a new
 * set, identified by the page object it arrived with.
 */
export function FlashMessages() {
  const page = usePage()
  const { t } = useI18n()
  const flash = ((page as unknown as { flash?: Flash }).flash ?? {}) as Flash
  const [dismissed, setDismissed] = useState<{ page: unknown; kinds: string[] }>({
    page: null,
    kinds: [],
  })
  const hidden = dismissed.page === page ? dismissed.kinds : []

  const dismiss = (kind: string) => setDismissed({ page, kinds: [...hidden, kind] })

  useEffect(() => {
    if (!flash.success) return
    const timer = setTimeout(
      () =>
        setDismissed((d) => ({ page, kinds: [...(d.page === page ? d.kinds : []), 'success'] })),
      10000
    )
    return () => clearTimeout(timer)
  }, [page, flash.success])

  const toasts = (['error', 'success'] as const).filter(
    (kind) => flash[kind] && !hidden.includes(kind)
  )

  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((kind) => (
        <div key={kind} className={`toast alert-${kind}`}>
          <span>{flash[kind]}</span>
          <button type="button" aria-label={t('common.dismiss')} onClick={() => dismiss(kind)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
