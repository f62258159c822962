import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'

/** A field of a workflow definition (see FieldDefinition on the server). */
export type FieldDef = {
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'select' | 'boolean' | 'user'
  required?: boolean
  options?: string[]
}

export type PersonOption = { id: number; name: string; isActive: boolean }

/**
 * Process data as form text: every field is edited as a string (the
 * engine coerces "42" to 42, "true" to true, a user id to a number), so
 * what a person typed stays in the field when the server refuses it.
 */
export function toFormValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

/**
 * The values that differ from what the process holds: a patch, so the
 * event records exactly what changed. A cleared field is sent as '',
 * which arrives as null: the engine empties it.
 */
export function changedValues(
  fields: FieldDef[],
  values: Record<string, string>,
  data: Record<string, unknown>
) {
  const patch: Record<string, string> = {}
  for (const field of fields) {
    const value = values[field.key] ?? ''
    if (value !== toFormValue(data[field.key])) patch[field.key] = value
  }
  return patch
}

/**
 * One labelled control for a field, by type, with its error.
 */
export function DataField(props: {
  field: FieldDef
  value: string
  onChange: (value: string) => void
  error?: string
  people: PersonOption[]
  disabled?: boolean
  /** Marks the field required (e.g. a transition needs it) even if the definition does not. */
  required?: boolean
}) {
  const { t } = useI18n()
  const { field, value, onChange, disabled } = props
  const required = props.required ?? field.required ?? false
  const label = required ? `${field.label} *` : field.label
  const hint =
    field.type === 'date'
      ? undefined
      : field.type === 'number'
        ? t('processes.fields.numberHint')
        : undefined

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
          default:
            return (
              <input
                {...common}
                type="text"
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            )
        }
      }}
    </Field>
  )
}

/** A field's value as a person reads it. */
export function displayValue(
  field: FieldDef,
  value: unknown,
  people: PersonOption[],
  t: (key: string) => string
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (field.type === 'boolean') return value ? t('processes.fields.yes') : t('processes.fields.no')
  if (field.type === 'user') {
    return people.find((p) => p.id === Number(value))?.name ?? String(value)
  }
  return String(value)
}
