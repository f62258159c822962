import { useI18n } from '../../lib/i18n.ts'
import { DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import type { EditorField, JsonValue } from './designer_state.ts'
import { optionList } from './field_settings.ts'

const NUMBER = /^-?\d+(\.\d+)?$/

/** A typed number, or the text as typed when it is not one (the verifier says so). */
const numberOrText = (text: string): JsonValue | undefined =>
  text.trim() === '' ? undefined : NUMBER.test(text.trim()) ? Number(text.trim()) : text

/**
 * The value a process starts with, entered the way the field's type calls
 * for: a choice for yes/no and choice fields, boxes for multiselect, an
 * amount for money (in the field's currency), a date, a number or text.
 */
export function DefaultValueInput(props: {
  id: string
  field: EditorField
  problems: readonly DesignerProblem[]
  onChange(value: JsonValue | undefined): void
}) {
  const { t } = useI18n()
  const { field, id } = props
  const value = field.default
  const label = t('designer.fields.default')

  if (field.type === 'multiselect') {
    const chosen = Array.isArray(value) ? value.map(String) : []
    const options = optionList(field.options)
    return (
      <fieldset
        className="wf-choices"
        aria-describedby={props.problems.length ? `${id}-problems` : undefined}
      >
        <legend>{label}</legend>
        {options.length === 0 && (
          <span className="hint" id={id} tabIndex={-1}>
            {t('designer.fields.defaultNoOptions')}
          </span>
        )}
        {options.map((option, index) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              id={index === 0 ? id : undefined}
              checked={chosen.includes(option)}
              onChange={(event) => {
                const next = event.target.checked
                  ? [...chosen, option]
                  : chosen.filter((item) => item !== option)
                props.onChange(next.length > 0 ? next : undefined)
              }}
            />
            {option}
          </label>
        ))}
        <InlineProblems id={`${id}-problems`} problems={props.problems} />
      </fieldset>
    )
  }

  const asText =
    value === undefined || value === null
      ? ''
      : typeof value === 'object' && !Array.isArray(value) && 'amount' in value
        ? String(value.amount)
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)

  return (
    <DesignerControl id={id} label={label} problems={props.problems}>
      {(control) => {
        if (field.type === 'boolean' || field.type === 'select') {
          const choices =
            field.type === 'boolean'
              ? [
                  { value: 'true', label: t('designer.tryIt.yes') },
                  { value: 'false', label: t('designer.tryIt.no') },
                ]
              : optionList(field.options).map((option) => ({ value: option, label: option }))
          return (
            <select
              {...control}
              value={asText}
              onChange={(event) => {
                const text = event.target.value
                if (text === '') props.onChange(undefined)
                else props.onChange(field.type === 'boolean' ? text === 'true' : text)
              }}
            >
              <option value="">{t('designer.fields.noDefault')}</option>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
              {asText !== '' && !choices.some((choice) => choice.value === asText) && (
                <option value={asText}>{asText}</option>
              )}
            </select>
          )
        }
        const numeric = field.type === 'number' || field.type === 'money'
        return (
          <input
            {...control}
            type={numeric ? 'number' : field.type === 'date' ? 'date' : 'text'}
            step={numeric ? 'any' : undefined}
            value={asText}
            onChange={(event) => {
              const text = event.target.value
              if (field.type === 'money') {
                const amount = numberOrText(text)
                const currency = field.currency.trim()
                props.onChange(
                  amount === undefined ? undefined : { amount, ...(currency ? { currency } : {}) }
                )
              } else if (field.type === 'number') {
                props.onChange(numberOrText(text))
              } else {
                props.onChange(text === '' ? undefined : text)
              }
            }}
          />
        )
      }}
    </DesignerControl>
  )
}
