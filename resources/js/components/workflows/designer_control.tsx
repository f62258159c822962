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

/**
 * The display name and machine key every designer row starts with (a
 * stage, a transition, a field); `nameSlot` is the verifier's name for the
 * first ("name" or "label").
 */
export function NameAndKeyControls(props: {
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  nameSlot: 'name' | 'label'
  nameLabel: string
  keyLabel: string
  /** Shown under the key while it still follows the name. */
  keyHint?: string
  name: string
  keyValue: string
  onChange: (patch: Record<string, string>) => void
}) {
  return (
    <>
      <NameControl
        id={props.id(props.nameSlot)}
        label={props.nameLabel}
        problems={props.problems(props.nameSlot)}
        value={props.name}
        onChange={(value) => props.onChange({ [props.nameSlot]: value })}
      />
      <KeyControl
        id={props.id('key')}
        label={props.keyLabel}
        problems={props.problems('key')}
        hint={props.keyHint}
        value={props.keyValue}
        onChange={(key) => props.onChange({ key })}
      />
    </>
  )
}

/**
 * A numbered card of the designer (a stage or a transition): its heading,
 * its tools (move, remove) and the problems about the row as a whole.
 */
export function DesignerRowCard(props: {
  className: string
  headingId: string
  index: number
  title: string
  badge?: ReactNode
  toolsLabel?: string
  tools: ReactNode
  general: readonly DesignerProblem[]
  generalId: string
  hasProblems: boolean
  dataRow?: number
  children: ReactNode
}) {
  return (
    <section
      className={`wf-row-card ${props.className}${props.hasProblems ? ' has-problem' : ''}`}
      aria-labelledby={props.headingId}
      data-stage-row={props.dataRow}
    >
      <div className="wf-row-header">
        <h3 id={props.headingId} tabIndex={-1}>
          <span className="wf-row-number">{props.index + 1}</span>
          {props.title}
          {props.badge}
        </h3>
        <div
          className="wf-row-tools"
          role={props.toolsLabel ? 'group' : undefined}
          aria-label={props.toolsLabel}
        >
          {props.tools}
        </div>
      </div>

      {props.general.length > 0 && (
        <div className="wf-row-problems" role="note">
          <InlineProblems id={props.generalId} problems={props.general} />
        </div>
      )}
      {props.children}
    </section>
  )
}
