import { useId, useRef, useState } from 'react'
import { router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

/** A column the list can show (data columns carry their field's label and type). */
export type ColumnOption = { key: string; label?: string; type?: string; currency?: string }

export type FieldCell = string | number | boolean | { id: number; name: string } | null

/** Process columns' label keys (`processes.columns.*`). */
const LABEL_KEYS: Record<string, string> = {
  reference: 'reference',
  title: 'title',
  workflow: 'workflow',
  stage: 'stage',
  status: 'status',
  assignee: 'assignee',
  priority: 'priority',
  due_at: 'due',
  updated_at: 'updated',
  created_at: 'created',
}

/** A column's header text: a process column's name, or the field's label. */
export function useColumnLabel() {
  const { t } = useI18n()
  return (option: ColumnOption) =>
    option.label ?? t(`processes.columns.${LABEL_KEYS[option.key] ?? option.key}`)
}

/** A searchable field's value, formatted by the field's type. */
export function FieldValue(props: { option: ColumnOption; value: FieldCell | undefined }) {
  const { t, locale } = useI18n()
  const { option, value } = props
  if (value === null || value === undefined || value === '') {
    return <span className="muted">—</span>
  }
  if (typeof value === 'boolean') {
    return <>{value ? t('processes.fields.yes') : t('processes.fields.no')}</>
  }
  if (typeof value === 'object') return <>{value.name}</>
  if (typeof value === 'number') {
    return <span className="num">{formatNumber(value, option, locale)}</span>
  }
  if (option.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date, not an instant: formatted in UTC so it never shifts a day.
    return (
      <time dateTime={value}>
        {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${value}T00:00:00Z`)
        )}
      </time>
    )
  }
  return <span className="cell-text">{value}</span>
}

/** A number, or a money field's amount in its currency (plain when the code is unknown). */
function formatNumber(value: number, option: ColumnOption, locale: string) {
  if (option.type === 'money' && option.currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: option.currency }).format(
        value
      )
    } catch {
      // An unknown currency code: the plain number.
    }
  }
  return new Intl.NumberFormat(locale).format(value)
}

/**
 * Chooses the list's columns: a disclosure with a checkbox per column (in
 * the order shown, new ones last), applied to the list; the owner of the
 * view the list was opened from can save them in it.
 */
export function ColumnPicker(props: {
  columns: string[]
  options: ColumnOption[]
  /** Shows the columns; `then` runs once the list shows them. */
  onApply: (columns: string[], then?: () => void) => void
  view: { id: number; name: string; mine: boolean } | null
}) {
  const { t } = useI18n()
  const label = useColumnLabel()
  const panelId = useId()
  const [open, setOpen] = useState(false)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const [error, setError] = useState<string | undefined>()
  const [chosen, setChosen] = useState(props.columns)
  const toggle = (key: string, on: boolean) =>
    setChosen((current) => (on ? [...current, key] : current.filter((c) => c !== key)))
  const ordered = [
    ...chosen.map((key) => props.options.find((o) => o.key === key)).filter((o) => o !== undefined),
    ...props.options.filter((o) => !chosen.includes(o.key)),
  ]

  return (
    <div className="column-picker">
      <button
        ref={toggleRef}
        type="button"
        className="btn btn-sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setChosen(props.columns)
          setOpen(!open)
        }}
      >
        {t('processes.columnPicker.toggle')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <form
          id={panelId}
          className="column-picker-panel"
          onSubmit={(event) => {
            event.preventDefault()
            props.onApply(chosen)
            setOpen(false)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false)
              toggleRef.current?.focus()
            }
          }}
        >
          <fieldset className="checkbox-group">
            <legend>{t('processes.columnPicker.legend')}</legend>
            {ordered.map((option) => (
              <label key={option.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.key)}
                  onChange={(e) => toggle(option.key, e.target.checked)}
                />{' '}
                {label(option)}
              </label>
            ))}
          </fieldset>
          {chosen.length === 0 && (
            <p className="hint" role="status">
              {t('processes.columnPicker.none')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-sm" disabled={!chosen.length}>
              {t('processes.columnPicker.apply')}
            </button>
            {props.view?.mine && (
              <button
                type="button"
                className="btn btn-sm"
                disabled={!chosen.length}
                onClick={() => {
                  setOpen(false)
                  setError(undefined)
                  // Shown first, then saved: the view's page keeps the confirmation.
                  props.onApply(chosen, () =>
                    router.patch(
                      urlFor('views.update', { id: props.view!.id }),
                      { columns: chosen },
                      {
                        preserveScroll: true,
                        onError: (errors: Record<string, string>) =>
                          setError(errors.columns ?? Object.values(errors)[0]),
                      }
                    )
                  )
                }}
              >
                {t('processes.columnPicker.saveToView', { name: props.view.name })}
              </button>
            )}
            <button type="button" className="btn btn-sm" onClick={() => setOpen(false)}>
              {t('processes.columnPicker.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
