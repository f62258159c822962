import { useId } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import type { FieldDef, ListRows, PersonOption } from './field_values.ts'
import { displayValue } from './field_values.ts'

/**
 * A `list` field edited as a table: one row per item, one input per
 * column, a button to add a row and one per row to remove it. Every
 * control is labelled with its column and row for screen readers; a cell
 * the server refused (error key `data.items.2.qty`) says why under it.
 */
export function ListField(props: {
  field: FieldDef
  label: string
  value: ListRows
  onChange: (rows: ListRows) => void
  error?: string
  errors?: Record<string, string | undefined>
  disabled?: boolean
}) {
  const { t } = useI18n()
  const id = useId()
  const { field, value: rows, disabled } = props
  const columns = field.fields ?? []
  const blank = () => Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<string, string>
  const set = (index: number, key: string, cell: string) =>
    props.onChange(rows.map((row, i) => (i === index ? { ...row, [key]: cell } : row)))

  return (
    <fieldset
      className="field list-field"
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.label}</legend>
      <table className="list-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.required ? `${column.label} *` : column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('processes.list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 2} className="muted">
                {t('processes.list.empty')}
              </td>
            </tr>
          )}
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{index + 1}</th>
              {columns.map((column) => {
                const error = props.errors?.[`data.${field.key}.${index}.${column.key}`]
                const cellId = `${id}-${index}-${column.key}`
                return (
                  <td key={column.key}>
                    <Cell
                      id={cellId}
                      column={column}
                      value={row[column.key] ?? ''}
                      label={t('processes.list.cell', { column: column.label, row: index + 1 })}
                      name={`data.${field.key}.${index}.${column.key}`}
                      disabled={disabled}
                      error={error}
                      onChange={(cell) => set(index, column.key, cell)}
                    />
                    {error && (
                      <span className="error" id={`${cellId}-error`} role="alert">
                        {error}
                      </span>
                    )}
                  </td>
                )
              })}
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={disabled}
                  onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
                >
                  {t('processes.list.remove', { row: index + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled}
        onClick={() => props.onChange([...rows, blank()])}
      >
        {t('processes.list.add', { label: field.label })}
      </button>
      {props.error && (
        <span className="error" id={`${id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </fieldset>
  )
}

function Cell(props: {
  id: string
  column: FieldDef
  value: string
  label: string
  name: string
  disabled?: boolean
  error?: string
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  const common = {
    'id': props.id,
    'name': props.name,
    'aria-label': props.label,
    'aria-invalid': Boolean(props.error) || undefined,
    'aria-describedby': props.error ? `${props.id}-error` : undefined,
    'aria-required': props.column.required || undefined,
    'disabled': props.disabled,
  }
  if (props.column.type === 'select' || props.column.type === 'boolean') {
    const options =
      props.column.type === 'boolean'
        ? [
            ['true', t('processes.fields.yes')],
            ['false', t('processes.fields.no')],
          ]
        : (props.column.options ?? []).map((o) => [o, o])
    return (
      <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('processes.fields.choose')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    )
  }
  return (
    <input
      {...common}
      type={props.column.type === 'date' ? 'date' : 'text'}
      inputMode={props.column.type === 'number' ? 'decimal' : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  )
}

/** A list field's rows as a read-only table. */
export function ListTable(props: { field: FieldDef; value: unknown; people: PersonOption[] }) {
  const { t, locale } = useI18n()
  const rows = Array.isArray(props.value) ? (props.value as Record<string, unknown>[]) : []
  const columns = props.field.fields ?? []
  if (rows.length === 0) return <>—</>
  return (
    <table className="list-table">
      <caption className="visually-hidden">{props.field.label}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <th scope="row">{index + 1}</th>
            {columns.map((column) => (
              <td key={column.key}>
                {displayValue(column, row?.[column.key], props.people, t, locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
