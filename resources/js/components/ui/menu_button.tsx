import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

export type MenuItem = { key: string; label: string; onSelect: () => void; hint?: string }

/**
 * A button that opens a small menu of actions (WAI-ARIA menu button):
 * Enter, Space or ArrowDown open it on the first item, arrows move, Home
 * and End jump, Escape closes and gives focus back to the button, Tab or
 * a click elsewhere closes it.
 */
export function MenuButton(props: {
  label: string
  /** Accessible name when the visible label is not enough (e.g. names the item). */
  ariaLabel?: string
  items: MenuItem[]
  /** Shown instead of the items when there are none. */
  emptyText?: string
  className?: string
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])

  // Focus moves into the menu before it is painted, so a key pressed
  // right after opening already goes to the first item.
  useLayoutEffect(() => {
    if (open) itemRefs.current[0]?.focus()
  }, [open])

  useEffect(() => {
    if (!open) return
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onPointer)
    return () => document.removeEventListener('mousedown', onPointer)
  }, [open])

  const close = (focusButton: boolean) => {
    setOpen(false)
    if (focusButton) button.current?.focus()
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const items = itemRefs.current.filter(Boolean) as HTMLButtonElement[]
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        focus(index + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        focus(index - 1)
        break
      case 'Home':
        event.preventDefault()
        focus(0)
        break
      case 'End':
        event.preventDefault()
        focus(items.length - 1)
        break
      case 'Escape':
        event.preventDefault()
        close(true)
        break
      case 'Tab':
        close(false)
        break
    }
  }

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={props.className ?? 'btn btn-sm'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {props.label}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <ul className="menu-list" role="menu" id={id} onKeyDown={onMenuKey}>
          {props.items.length === 0 && props.emptyText && (
            <li role="none" className="menu-empty">
              {props.emptyText}
            </li>
          )}
          {props.items.map((item, index) => (
            <li role="none" key={item.key}>
              <button
                ref={(element) => {
                  itemRefs.current[index] = element
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true)
                  item.onSelect()
                }}
              >
                {item.label}
                {item.hint && <span className="menu-hint">{item.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
