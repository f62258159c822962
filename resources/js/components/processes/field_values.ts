import type { FieldType, MoneyValue, WorkflowDefinition } from '#engine/definition'
import { validateProcessData } from '#engine/data'
import { isFieldRequired, isFieldVisible } from '#engine/field_rules'

/**
 * A field of a workflow definition as pages receive it: the engine's
 * FieldDefinition as plain JSON (its `default` is read where needed).
 */
export type FieldDef = {
  key: string
  label: string
  type: FieldType
  required?: boolean
  options?: string[]
  currency?: string
  rules?: {
    min?: number | string
    max?: number | string
    minLength?: number
    maxLength?: number
    pattern?: string
  }
  visibleWhen?: string
  requiredWhen?: string
  /** `list` fields: the columns of each row. */
  fields?: FieldDef[]
}

/** A `list` field in a form: each row's cells as typed. */
export type ListRows = Record<string, string>[]

/**
 * What a form holds for a field: text for most types (the engine coerces
 * "42" to 42, "true" to true), the chosen options for a multiselect, and an
 * amount with its currency for money. What a person typed stays in the
 * field when the server refuses it.
 */
export type FormValue = string | string[] | { amount: string; currency: string } | ListRows

export function toFormValue(field: FieldDef, value: unknown): FormValue {
  if (field.type === 'list') {
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : []
    return rows.map((row) =>
      Object.fromEntries(
        (field.fields ?? []).map((column) => {
          const cell = toFormValue(column, row?.[column.key])
          return [column.key, typeof cell === 'string' ? cell : JSON.stringify(cell)]
        })
      )
    )
  }
  if (field.type === 'multiselect') {
    return Array.isArray(value) ? value.map(String) : []
  }
  if (field.type === 'money') {
    const money = (value ?? {}) as Partial<MoneyValue>
    return {
      amount: typeof money.amount === 'number' ? String(money.amount) : '',
      currency: money.currency ?? field.currency ?? '',
    }
  }
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

/** Whether the form value is empty (sent as '', which the engine stores as null). */
export function isBlank(value: FormValue | undefined): boolean {
  if (value === undefined) return true
  if (typeof value === 'string') return value === ''
  if (Array.isArray(value)) return value.length === 0
  return value.amount.trim() === ''
}

/** The value to send: '' for a blank field, else what the form holds. */
export function toSent(value: FormValue | undefined): unknown {
  return isBlank(value) ? '' : value
}

const same = (a: FormValue | undefined, b: FormValue) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The values that differ from what the process holds: a patch, so the
 * event records exactly what changed. A cleared field is sent as '',
 * which arrives as null: the engine empties it.
 */
export function changedValues(
  fields: FieldDef[],
  values: Record<string, FormValue>,
  data: Record<string, unknown>
): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.key]
    const saved = toFormValue(field, data[field.key])
    if (value !== undefined && !same(value, saved) && !(isBlank(value) && isBlank(saved))) {
      patch[field.key] = toSent(value)
    }
  }
  return patch
}

/**
 * Process data as it would be with what the form holds now, coerced by the
 * engine; a value it cannot read yet (say "12,0") is left out, so
 * conditions on it do not hold — as on the server.
 */
export function draftData(
  fields: FieldDef[],
  values: Record<string, FormValue>,
  saved: Record<string, unknown>
): Record<string, unknown> {
  const typed: Record<string, unknown> = {}
  for (const field of fields) {
    if (values[field.key] !== undefined) typed[field.key] = toSent(values[field.key])
  }
  const result = validateProcessData(fields, typed)
  const refused = new Set(result.errors.map((error) => error.field))
  const data = { ...saved }
  for (const key of Object.keys(typed)) {
    if (refused.has(key)) delete data[key]
    else data[key] = result.value[key]
  }
  return data
}

/**
 * Whether a field shows and must be filled, for `data`: the engine's own
 * functions, so the form agrees with what the server will decide.
 */
export function fieldState(
  definition: WorkflowDefinition | null | undefined,
  field: FieldDef,
  data: Record<string, unknown>
): { visible: boolean; required: boolean } {
  if (!definition) return { visible: true, required: field.required ?? false }
  return {
    visible: isFieldVisible(definition, field, data),
    required: isFieldRequired(definition, field, data),
  }
}

export type PersonOption = { id: number; name: string; isActive: boolean }

/** A field's value as a person reads it. */
export function displayValue(
  field: FieldDef,
  value: unknown,
  people: PersonOption[],
  t: (key: string, values?: Record<string, string | number>) => string,
  locale = 'en'
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (field.type === 'boolean') return value ? t('processes.fields.yes') : t('processes.fields.no')
  if (field.type === 'user') {
    return people.find((p) => p.id === Number(value))?.name ?? String(value)
  }
  if (field.type === 'multiselect' && Array.isArray(value)) {
    return value.length ? value.join(', ') : '—'
  }
  if (field.type === 'list' && Array.isArray(value)) {
    return value.length ? t('processes.list.rows', { count: value.length }) : '—'
  }
  if (field.type === 'money' && typeof value === 'object') {
    const money = value as Partial<MoneyValue>
    if (typeof money.amount !== 'number') return '—'
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: money.currency ?? 'XXX',
      }).format(money.amount)
    } catch {
      return `${money.amount} ${money.currency ?? ''}`.trim()
    }
  }
  return String(value)
}
