import { useId } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import type { FieldDef, FormValue, ListRows, PersonOption } from './field_values.ts'
import { ListField } from './list_field.tsx'

// Older imports read these from here (timeline, board, assignment).
export { displayValue, type FieldDef, type PersonOption } from './field_values.ts'

type Props = {
  field: FieldDef
  value: FormValue
  onChange: (value: FormValue) => void
  error?: string
  people: PersonOption[]
  disabled?: boolean
  /** Marks the field required (e.g. a transition needs it, or its requiredWhen holds). */
  required?: boolean
  /** Every error of the form, for the cells of a list field (`data.items.2.qty`). */
  errors?: Record<string, string | undefined>
}

const TEXT_INPUTS: Partial<Record<FieldDef['type'], 'text' | 'email' | 'url'>> = {
  text: 'text',
  email: 'email',
  url: 'url',
}

/**
 * One labelled control for a field, by type, with its error.
 */
export function DataField(props: Props) {
  const { t } = useI18n()
  const { field, onChange, disabled } = props
  const required = props.required ?? field.required ?? false
  const label = required ? `${field.label} *` : field.label
  if (field.type === 'list') {
    return (
      <ListField
        field={field}
        label={label}
        value={Array.isArray(props.value) ? (props.value as ListRows) : []}
        onChange={onChange}
        error={props.error}
        errors={props.errors}
        disabled={disabled}
      />
    )
  }
  if (field.type === 'multiselect') return <OptionsField {...props} label={label} />
  if (field.type === 'money') return <MoneyField {...props} label={label} required={required} />
  const value = typeof props.value === 'string' ? props.value : ''
  const hint = field.type === 'number' ? t('processes.fields.numberHint') : undefined

  return (
    <Field label={label} error={props.error} hint={hint}>
      {(control) => {
        const common = {
          ...control,
          'name': `data.${field.key}`,
          disabled,
          'aria-required': required || undefined,
        }
        switch (field.type) {
          case 'select':
            return (
              <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('processes.fields.choose')}</option>
                {(field.options ?? []).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
                {value && !(field.options ?? []).includes(value) && (
                  <option value={value}>{value}</option>
                )}
              </select>
            )
          case 'boolean':
            return (
              <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('processes.fields.notSet')}</option>
                <option value="true">{t('processes.fields.yes')}</option>
                <option value="false">{t('processes.fields.no')}</option>
              </select>
            )
          case 'user': {
            const known = props.people.some((p) => String(p.id) === value)
            return (
              <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('processes.fields.nobody')}</option>
                {props.people
                  .filter((p) => p.isActive || String(p.id) === value)
                  .map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name}
                    </option>
                  ))}
                {value && !known && <option value={value}>{value}</option>}
              </select>
            )
          }
          case 'date':
            return (
              <input
                {...common}
                type="date"
                value={value.slice(0, 10)}
                onChange={(e) => onChange(e.target.value)}
              />
            )
          case 'number':
            return (
              <input
                {...common}
                type="text"
                inputMode="decimal"
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            )
          case 'long_text':
            return (
              <textarea
                {...common}
                rows={4}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            )
          default:
            return (
              <input
                {...common}
                type={TEXT_INPUTS[field.type] ?? 'text'}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            )
        }
      }}
    </Field>
  )
}

/** An amount and its ISO currency code; the label names the amount, the code has its own. */
function MoneyField(props: Props & { label: string }) {
  const { t } = useI18n()
  const { field, disabled } = props
  const value =
    typeof props.value === 'object' && !Array.isArray(props.value)
      ? props.value
      : { amount: '', currency: field.currency ?? '' }
  return (
    <Field label={props.label} error={props.error} hint={t('processes.fields.moneyHint')}>
      {(control) => (
        <span className="money-input">
          <input
            {...control}
            name={`data.${field.key}.amount`}
            type="text"
            inputMode="decimal"
            disabled={disabled}
            aria-required={props.required || undefined}
            value={value.amount}
            onChange={(e) => props.onChange({ ...value, amount: e.target.value })}
          />
          <input
            name={`data.${field.key}.currency`}
            className="currency"
            type="text"
            maxLength={3}
            autoCapitalize="characters"
            disabled={disabled}
            aria-label={t('processes.fields.currencyOf', { label: field.label })}
            aria-invalid={control['aria-invalid']}
            value={value.currency}
            onChange={(e) => props.onChange({ ...value, currency: e.target.value.toUpperCase() })}
          />
        </span>
      )}
    </Field>
  )
}

/** A multiselect: one checkbox per option, grouped under the field's label. */
function OptionsField(props: Props & { label: string }) {
  const id = useId()
  const { field, disabled } = props
  const chosen = Array.isArray(props.value) ? (props.value as string[]) : []
  const toggle = (option: string, on: boolean) =>
    props.onChange(
      on
        ? (field.options ?? []).filter((o) => o === option || chosen.includes(o))
        : chosen.filter((o) => o !== option)
    )
  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={props.error ? `${id}-error` : undefined}
      aria-invalid={Boolean(props.error)}
    >
      <legend>{props.label}</legend>
      {(field.options ?? []).map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            name={`data.${field.key}`}
            value={option}
            disabled={disabled}
            checked={chosen.includes(option)}
            onChange={(e) => toggle(option, e.target.checked)}
          />
          {option}
        </label>
      ))}
      {props.error && (
        <span className="error" id={`${id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </fieldset>
  )
}
