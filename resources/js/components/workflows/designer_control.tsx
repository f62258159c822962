import type { ReactNode } from 'react'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'

export type ControlProps = {
  'id': string
  'aria-invalid': boolean
  'aria-describedby'?: string
}

/**
 * A labelled designer control with its hint and the verifier's problems
 * about it right underneath, wired to the control for screen readers.
 */
export function DesignerControl(props: {
  id: string
  label: string
  problems?: readonly DesignerProblem[]
  hint?: string
  className?: string
  children: (control: ControlProps) => ReactNode
}) {
  const problems = props.problems ?? []
  const describedBy = [
    props.hint ? `${props.id}-hint` : null,
    problems.length > 0 ? `${props.id}-problems` : null,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={['field', props.className].filter(Boolean).join(' ')}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        'id': props.id,
        'aria-invalid': problems.length > 0,
        'aria-describedby': describedBy || undefined,
      })}
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <InlineProblems id={`${props.id}-problems`} problems={problems} />
    </div>
  )
}

type TextControlProps = {
  id: string
  label: string
  problems?: readonly DesignerProblem[]
  hint?: string
  value: string
  onChange(value: string): void
}

/** A display name (of a stage or a transition). */
export function NameControl(props: TextControlProps) {
  return (
    <DesignerControl id={props.id} label={props.label} problems={props.problems} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={props.value}
          maxLength={200}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </DesignerControl>
  )
}

/** A machine key (of a stage or a transition): monospaced, no spell-check. */
export function KeyControl(props: TextControlProps) {
  return (
    <DesignerControl id={props.id} label={props.label} problems={props.problems} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          className="wf-mono"
          spellCheck={false}
          autoCapitalize="off"
          value={props.value}
          maxLength={64}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </DesignerControl>
  )
}
