import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal dialog on the native <dialog> element: the browser traps focus,
 * Escape closes it and the rest of the page is inert. Focus goes back to
 * whatever had it when the dialog opened.
 */
export function ModalDialog(props: {
  open: boolean
  onClose: () => void
  title: string
  children: ReactNode
  /** Extra class on the <dialog>, e.g. for width. */
  className?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const opener = useRef<Element | null>(null)
  const { open, onClose } = props

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement
      dialog.showModal()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const onNativeClose = () => {
      if (opener.current instanceof HTMLElement) opener.current.focus()
      onClose()
    }
    dialog.addEventListener('close', onNativeClose)
    return () => dialog.removeEventListener('close', onNativeClose)
  }, [onClose])

  return (
    <dialog
      ref={ref}
      className={['modal', props.className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{props.title}</h2>
      {open && props.children}
    </dialog>
  )
}
