import { useId, type ReactNode } from 'react'

/**
 * A labelled form control with its hint and error wired up for screen
 * readers (aria-describedby / aria-invalid).
 */
export function Field(props: {
  label: string
  error?: string | string[]
  hint?: string
  children: (control: {
    'id': string
    'aria-invalid': boolean
    'aria-describedby'?: string
  }) => ReactNode
}) {
  const id = useId()
  const error = Array.isArray(props.error) ? props.error[0] : props.error
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy || undefined,
      })}
      {props.hint && (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
