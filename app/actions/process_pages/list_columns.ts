import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import { searchableFieldsOf, type SearchKind } from '#engine/search_fields'
import { DEFAULT_COLUMNS, VIEW_COLUMNS } from '#enums/process_list'

/** Most columns a list shows at once (the view validator's limit). */
const MAX_COLUMNS = 30

/** A column the list can show: a process column, or a searchable field of the filtered workflow. */
export type ColumnOption = {
  key: string
  /** For data columns: the field's label, type and (money) currency. */
  label?: string
  type?: string
  currency?: string
}

/**
 * The columns the list can show: the process columns, and `data.<key>` for
 * each searchable field of the workflow the list is filtered on (data
 * columns need one workflow, as data filters do).
 */
export function columnOptions(definition: WorkflowDefinition | undefined): ColumnOption[] {
  const fields = definition ? searchableFieldsOf(definition) : []
  const currencies = new Map<string, string>()
  for (const stage of definition?.stages ?? []) {
    for (const field of stage.fields ?? []) {
      if (field.currency && !currencies.has(field.key)) currencies.set(field.key, field.currency)
    }
  }
  return [
    ...VIEW_COLUMNS.map((key) => ({ key })),
    ...fields.map((field) => ({
      key: `data.${field.key}`,
      label: field.label,
      type: field.type,
      ...(currencies.has(field.key) ? { currency: currencies.get(field.key) } : {}),
    })),
  ]
}

/**
 * The columns asked for (`?columns=a,b`, or a view's), in order, keeping
 * only those the list can show now: a data column of a workflow the list
 * is no longer filtered on is left out, not an error (it is a display
 * preference). None left: the default set.
 */
export function chosenColumns(
  requested: string | string[] | undefined,
  options: ColumnOption[],
  defaults: readonly string[] = DEFAULT_COLUMNS
) {
  const known = new Set(options.map((o) => o.key))
  const asked = (Array.isArray(requested) ? requested : String(requested ?? '').split(','))
    .map((c) => c.trim())
    .filter((c) => known.has(c))
  const columns = [...new Set(asked)].slice(0, MAX_COLUMNS)
  return columns.length ? columns : [...defaults]
}

const KIND_COLUMN: Record<SearchKind, 'num_value' | 'text_value' | 'date_value'> = {
  number: 'num_value',
  user: 'num_value',
  boolean: 'num_value',
  date: 'date_value',
  text: 'text_value',
}

export type FieldCell = string | number | boolean | { id: number; name: string } | null

/**
 * The values of the data columns shown, for the processes of one page,
 * from the search index (`process_field_values`): one query for any number
 * of rows and columns, reading only the fields asked for, and one more
 * naming the people of `user` fields. Values by process id, then field key.
 */
export async function loadFieldValues(
  processIds: number[],
  columns: string[],
  definition: WorkflowDefinition | undefined
): Promise<Record<number, Record<string, FieldCell>>> {
  const fields = new Map(
    (definition ? searchableFieldsOf(definition) : []).map((field) => [field.key, field])
  )
  const keys = columns
    .filter((c) => c.startsWith('data.'))
    .map((c) => c.slice(5))
    .filter((key) => fields.has(key))
  const values: Record<number, Record<string, FieldCell>> = {}
  if (keys.length === 0 || processIds.length === 0) return values

  const rows = await db
    .from('process_field_values')
    .whereIn('process_id', processIds)
    .whereIn('field_key', keys)
    .select('process_id', 'field_key', 'num_value', 'text_value', 'date_value')
  const userIds = new Set<number>()
  for (const row of rows) {
    const field = fields.get(row.field_key)!
    const raw = row[KIND_COLUMN[field.kind]]
    if (raw === null || raw === undefined) continue
    if (field.kind === 'user') userIds.add(Number(raw))
    const cells = (values[Number(row.process_id)] ??= {})
    cells[row.field_key] =
      field.kind === 'number' || field.kind === 'user'
        ? Number(raw)
        : field.kind === 'boolean'
          ? Number(raw) === 1
          : field.kind === 'date'
            ? dateOnly(raw)
            : String(raw)
  }
  if (userIds.size) {
    const people = await db
      .from('users')
      .whereIn('id', [...userIds])
      .select('id', 'name')
    const names = new Map(people.map((p) => [Number(p.id), String(p.name)]))
    for (const cells of Object.values(values)) {
      for (const key of keys) {
        if (fields.get(key)!.kind !== 'user' || typeof cells[key] !== 'number') continue
        const id = cells[key] as number
        cells[key] = { id, name: names.get(id) ?? `#${id}` }
      }
    }
  }
  return values
}

/** A DATE as `YYYY-MM-DD` on both drivers (mysql2 answers a Date at local midnight). */
function dateOnly(value: unknown) {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
  }
  return String(value).slice(0, 10)
}
