import { createContext, use, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { DesignerControl } from './designer_control.tsx'
import type { DesignerProblem } from './designer_problems.tsx'
import { completionsAt, type ExpressionField, type Suggestion } from './expression_completion.ts'
import { ExpressionTryIt } from './expression_try_it.tsx'
import '../../css/designer_language.css'

/** The workflow's fields, for every expression input of the designer. */
export const ExpressionFieldsContext = createContext<readonly ExpressionField[]>([])

/**
 * A CEL condition input: a combobox that completes field keys after
 * `data.` (and the members of `process` and `user`), the verifier's
 * problems underneath, and a "Try it" box that evaluates the condition on
 * sample values with the engine's evaluator.
 */
export function ExpressionInput(props: {
  id: string
  label: string
  value: string
  onChange(value: string): void
  problems?: readonly DesignerProblem[]
  hint?: string
}) {
  const { t } = useI18n()
  const fields = use(ExpressionFieldsContext)
  const input = useRef<HTMLInputElement>(null)
  const [caret, setCaret] = useState<number | null>(null)
  const [dismissed, setDismissed] = useState(false)
  const [active, setActive] = useState(0)
  const [tryOpen, setTryOpen] = useState(false)
  const pendingCaret = useRef<number | null>(null)

  const completion =
    caret === null ? null : completionsAt(props.value, Math.min(caret, props.value.length), fields)
  const suggestions = completion?.suggestions ?? []
  const open = !dismissed && suggestions.length > 0
  const current = Math.min(active, suggestions.length - 1)
  const listId = `${props.id}-suggestions`
  const optionId = (index: number) => `${props.id}-suggestion-${index}`

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current) return
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current)
    pendingCaret.current = null
  })

  const track = () => {
    const element = input.current
    setCaret(element && document.activeElement === element ? element.selectionStart : null)
  }

  const accept = (suggestion: Suggestion) => {
    if (!completion) return
    const next =
      props.value.slice(0, suggestion.from) + suggestion.text + props.value.slice(completion.to)
    const at = suggestion.from + suggestion.text.length
    pendingCaret.current = at
    setCaret(at)
    setActive(0)
    // "data." goes on to its fields; a whole name is done.
    setDismissed(!suggestion.text.endsWith('.'))
    props.onChange(next)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return
      event.preventDefault()
      if (!open) {
        setDismissed(false)
        setActive(event.key === 'ArrowDown' ? 0 : count - 1)
      } else {
        setActive((current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
      }
    } else if ((event.key === 'Enter' || event.key === 'Tab') && open) {
      event.preventDefault()
      accept(suggestions[current]!)
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      event.stopPropagation()
      setDismissed(true)
    }
  }

  const describe = (suggestion: Suggestion) => {
    if (suggestion.kind === 'field') {
      const type = t(`designer.fieldTypes.${suggestion.field.type}`)
      const label = suggestion.field.label.trim()
      return label && label !== suggestion.name ? `${type} · ${label}` : type
    }
    if (suggestion.kind === 'member') return t(`designer.expression.celTypes.${suggestion.celType}`)
    return t(`designer.expression.variables.${suggestion.name}`)
  }

  return (
    <div className="wf-expression">
      <DesignerControl
        id={props.id}
        label={props.label}
        problems={props.problems}
        hint={props.hint ?? t('designer.expression.hint')}
      >
        {(control) => (
          <div className="wf-combobox">
            <input
              {...control}
              ref={input}
              type="text"
              role="combobox"
              className="wf-mono"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              maxLength={1000}
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open ? optionId(current) : undefined}
              value={props.value}
              onChange={(event) => {
                setDismissed(false)
                setActive(0)
                setCaret(event.target.selectionStart)
                props.onChange(event.target.value)
              }}
              onKeyDown={onKeyDown}
              onKeyUp={(event) => {
                if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) track()
              }}
              onClick={track}
              onFocus={track}
              onBlur={() => setCaret(null)}
            />
            <ul
              id={listId}
              role="listbox"
              className="wf-suggestions"
              aria-label={t('designer.expression.suggestions', { label: props.label })}
              hidden={!open}
            >
              {open &&
                suggestions.map((suggestion, index) => (
                  <li
                    key={`${suggestion.kind}-${suggestion.name}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === current}
                    className={index === current ? 'is-active' : undefined}
                    // Keeps focus (and the caret) in the input.
                    onMouseDown={(event) => {
                      event.preventDefault()
                      accept(suggestion)
                    }}
                  >
                    <span className="wf-mono">{suggestion.text}</span>
                    <span className="wf-suggestion-detail">{describe(suggestion)}</span>
                  </li>
                ))}
            </ul>
          </div>
        )}
      </DesignerControl>
      <button
        type="button"
        className="btn btn-sm wf-try-toggle"
        id={`${props.id}-try`}
        aria-expanded={tryOpen}
        aria-controls={`${props.id}-try-panel`}
        aria-label={t('designer.tryIt.buttonFor', { label: props.label })}
        onClick={() => setTryOpen((value) => !value)}
      >
        {t('designer.tryIt.button')}
      </button>
      <div id={`${props.id}-try-panel`} hidden={!tryOpen}>
        {tryOpen && (
          <ExpressionTryIt
            id={`${props.id}-try`}
            label={props.label}
            source={props.value}
            fields={fields}
          />
        )}
      </div>
    </div>
  )
}
