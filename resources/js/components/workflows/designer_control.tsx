import { useI18n } from '../../lib/i18n.ts'
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
 * stage, a transition, a field), and its type where it has one. `prefix`
 * names the row's translations (`<prefix>.<nameSlot>`, `.key`, `.keyAuto`,
 * `.type`); `nameSlot` is the verifier's name for the first input.
 */
export function RowIdentity<Row extends { key: string; autoKey: boolean; type?: string }>(props: {
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  prefix: string
  nameSlot: 'name' | 'label'
  row: Row & { name?: string; label?: string }
  types?: { values: readonly string[]; labelOf: (type: string) => string }
  onChange: (patch: Record<string, string>) => void
}) {
  const { t } = useI18n()
  const { id, problems, prefix, nameSlot, row } = props
  return (
    <>
      <NameControl
        id={id(nameSlot)}
        label={t(`${prefix}.${nameSlot}`)}
        problems={problems(nameSlot)}
        value={row[nameSlot] ?? ''}
        onChange={(value) => props.onChange({ [nameSlot]: value })}
      />
      <KeyControl
        id={id('key')}
        label={t(`${prefix}.key`)}
        problems={problems('key')}
        hint={row.autoKey ? t(`${prefix}.keyAuto`) : undefined}
        value={row.key}
        onChange={(key) => props.onChange({ key })}
      />
      {props.types && (
        <ChoiceControl
          id={id('type')}
          label={t(`${prefix}.type`)}
          problems={problems('type')}
          values={props.types.values}
          labelOf={props.types.labelOf}
          value={row.type ?? ''}
          onChange={(type) => props.onChange({ type })}
        />
      )}
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

/**
 * A section of the designer's list (stages, transitions): its heading,
 * the problems about the list as a whole, its rows and the button that
 * adds one.
 */
export function DesignerSection(props: {
  id: string
  heading: string
  problems: readonly DesignerProblem[]
  addLabel: string
  addDisabled?: boolean
  onAdd: () => void
  children: ReactNode
}) {
  return (
    <section className="wf-section" aria-labelledby={`${props.id}-heading`}>
      <div className="wf-section-header">
        <h2 id={`${props.id}-heading`} tabIndex={-1}>
          {props.heading}
        </h2>
      </div>
      <InlineProblems id={`${props.id}-problems`} problems={props.problems} />
      {props.children}
      <button
        type="button"
        id={`add-${props.id.replace(/s$/, '')}`}
        className="btn"
        disabled={props.addDisabled}
        onClick={props.onAdd}
      >
        {props.addLabel}
      </button>
    </section>
  )
}

/**
 * A choice among fixed values (a stage's type, an outcome, a role), each
 * shown by `labelOf`; `none` adds an empty first option with that label.
 */
export function ChoiceControl(props: {
  id: string
  label: string
  problems?: readonly DesignerProblem[]
  values: readonly string[]
  labelOf: (value: string) => string
  none?: string
  value: string
  onChange(value: string): void
}) {
  return (
    <DesignerControl id={props.id} label={props.label} problems={props.problems}>
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.none !== undefined && <option value="">{props.none}</option>}
          {props.values.map((value) => (
            <option key={value} value={value}>
              {props.labelOf(value)}
            </option>
          ))}
        </select>
      )}
    </DesignerControl>
  )
}
