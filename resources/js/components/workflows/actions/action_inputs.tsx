import { useState } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { DesignerControl } from '../designer_control.tsx'
import type { DesignerProblem } from '../designer_problems.tsx'
import { jsonText, parseJsonText } from './action_model.ts'

/** What every action input needs: ids, the verifier's problems, the choices it offers. */
export type ActionScope = {
  /** Element id of a slot of this action (`url`, `compensation.url`, …). */
  id: (slot: string) => string
  /** The verifier's problems about a slot of this action. */
  problems: (slot: string) => readonly DesignerProblem[]
  /** Transition keys for onSuccess/onFailure/transition; undefined: a text input. */
  transitionKeys?: readonly string[]
  /** Field keys (for `{{data.<field>}}`) and earlier action keys (for `{{steps.…}}`). */
  fields: readonly string[]
  steps: readonly string[]
}

/** A one-line text (or number) input of an action. */
export function TextInput(props: {
  scope: ActionScope
  slot: string
  label: string
  hint?: string
  value: string | number | undefined
  mono?: boolean
  type?: 'text' | 'number' | 'email' | 'url'
  placeholder?: string
  onChange(value: string): void
}) {
  return (
    <DesignerControl
      id={props.scope.id(props.slot)}
      label={props.label}
      hint={props.hint}
      problems={props.scope.problems(props.slot)}
    >
      {(control) => (
        <input
          {...control}
          type={props.type ?? 'text'}
          className={props.mono ? 'wf-mono' : undefined}
          spellCheck={props.mono ? false : undefined}
          autoCapitalize="off"
          placeholder={props.placeholder}
          value={props.value ?? ''}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </DesignerControl>
  )
}

/** A transition key: a select among the known ones, or text when they are not known. */
export function TransitionInput(props: {
  scope: ActionScope
  slot: string
  label: string
  value: string | undefined
  onChange(value: string): void
}) {
  const { t } = useI18n()
  const keys = props.scope.transitionKeys
  if (!keys) return <TextInput {...props} mono />
  const value = props.value ?? ''
  return (
    <DesignerControl
      id={props.scope.id(props.slot)}
      label={props.label}
      problems={props.scope.problems(props.slot)}
    >
      {(control) => (
        <select {...control} value={value} onChange={(event) => props.onChange(event.target.value)}>
          <option value="">{t('designer.actions.noTransition')}</option>
          {keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
          {value !== '' && !keys.includes(value) && (
            <option value={value}>{t('designer.actions.unknownTransition', { key: value })}</option>
          )}
        </select>
      )}
    </DesignerControl>
  )
}

/**
 * A JSON value edited as text, checked as you type: only valid JSON (or an
 * empty box, meaning none) reaches the definition; otherwise the parse error
 * shows under the box.
 */
export function JsonInput(props: {
  scope: ActionScope
  slot: string
  label: string
  hint: string
  value: unknown
  onChange(value: unknown): void
}) {
  const { t } = useI18n()
  const [text, setText] = useState(() => jsonText(props.value))
  const [error, setError] = useState<string | null>(null)
  const problems: DesignerProblem[] = [
    ...props.scope.problems(props.slot),
    ...(error ? [{ path: '', message: t('designer.actions.invalidJson', { error }) }] : []),
  ]
  return (
    <DesignerControl
      id={props.scope.id(props.slot)}
      label={props.label}
      hint={props.hint}
      problems={problems}
    >
      {(control) => (
        <textarea
          {...control}
          className="wf-mono"
          spellCheck={false}
          rows={4}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            const parsed = parseJsonText(event.target.value)
            setError(parsed.ok ? null : parsed.error)
            if (parsed.ok) props.onChange(parsed.value)
          }}
        />
      )}
    </DesignerControl>
  )
}
