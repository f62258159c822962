import { useState } from 'react'
import { useI18n } from '../../lib/i18n.ts'

/** A searchable field of the chosen workflow, as the list page receives it. */
export type SearchField = {
  key: string
  label: string
  type: string
  operators: string[]
  options?: string[]
}

const PARAM = /^data\.([A-Za-z0-9_-]+)\[([a-z]+)\]$/

/** The `data.<key>[<op>]` entries of the list's filters, by field key. */
export function dataEntries(values: Record<string, string | undefined>) {
  const byKey = new Map<string, { op: string; value: string }>()
  for (const [name, value] of Object.entries(values)) {
    const match = PARAM.exec(name)
    if (match && value !== undefined) byKey.set(match[1]!, { op: match[2]!, value })
  }
  return byKey
}

/**
 * One condition per searchable field of the chosen workflow (operator +
 * value, typed by the field): they become `data.<key>[<op>]=<value>` in the URL.
 */
export function DataFilters(props: {
  fields: SearchField[]
  values: Record<string, string | undefined>
  onChange: (next: Record<string, string | undefined>) => void
}) {
  const { t } = useI18n()
  const entries = dataEntries(props.values)
  // The operator chosen before a value is typed is kept here (the URL only holds filled ones).
  const [chosen, setChosen] = useState<Record<string, string>>({})
  if (props.fields.length === 0) return null

  const update = (field: SearchField, op: string, value: string) => {
    setChosen((current) => ({ ...current, [field.key]: op }))
    const next: Record<string, string | undefined> = {}
    for (const [name, v] of Object.entries(props.values)) {
      if (!name.startsWith(`data.${field.key}[`)) next[name] = v
    }
    if (value !== '') next[`data.${field.key}[${op}]`] = value
    props.onChange(next)
  }

  return (
    <fieldset className="filter-data">
      <legend>{t('search.fields.legend')}</legend>
      <p className="hint">{t('search.fields.hint')}</p>
      {props.fields.map((field) => {
        const current = entries.get(field.key)
        const op = current?.op ?? chosen[field.key] ?? field.operators[0]!
        const value = current?.value ?? ''
        const id = `filter-data-${field.key}`
        return (
          <div className="field filter-data-row" key={field.key}>
            <span className="label" id={`${id}-label`}>
              {field.label}
            </span>
            <select
              id={`${id}-op`}
              aria-label={t('search.fields.operator', { field: field.label })}
              value={op}
              onChange={(e) => update(field, e.target.value, value)}
            >
              {field.operators.map((o) => (
                <option key={o} value={o}>
                  {t(`search.operators.${o}`)}
                </option>
              ))}
            </select>
            <ValueInput
              id={id}
              field={field}
              value={value}
              label={t('search.fields.value', { field: field.label })}
              onChange={(v) => update(field, op, v)}
            />
          </div>
        )
      })}
    </fieldset>
  )
}

function ValueInput(props: {
  id: string
  field: SearchField
  value: string
  label: string
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  const { field } = props
  if (field.type === 'boolean' || (field.type === 'select' && field.options)) {
    const options =
      field.type === 'boolean'
        ? [
            { value: 'true', label: t('search.fields.yes') },
            { value: 'false', label: t('search.fields.no') },
          ]
        : field.options!.map((o) => ({ value: o, label: o }))
    return (
      <select
        id={props.id}
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('search.fields.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  }
  const type =
    field.type === 'number' || field.type === 'money' || field.type === 'user'
      ? 'number'
      : field.type === 'date'
        ? 'date'
        : 'text'
  return (
    <input
      id={props.id}
      aria-label={props.label}
      type={type}
      step={type === 'number' ? 'any' : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  )
}
