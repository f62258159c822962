import db from '@adonisjs/lucid/services/db'
import {
  FILTER_OPERATORS,
  OPERATORS_OF_KIND,
  searchableFieldsOf,
  type FilterOperator,
  type SearchableField,
} from '#engine/search_fields'
import { definitionOf } from '#support/definitions'
import { EpochCache } from '#support/access/access_epoch'
import type { WorkflowDefinition } from '#engine/definition'
import { InvalidInput } from '#exceptions/domain_error'
import { markBroadFilters, type DataFilter } from '#models/process_search'

/** A raw `data.<key>[<op>]=<value>` pair, before it is checked. */
export type RawDataFilter = { key: string; op: string; value: string }

const MAX_FILTERS = 10
const MAX_TEXT = 255
const PARAM = /^data\.([A-Za-z0-9_-]{1,100})(?:\[([a-z]{1,10})\])?$/

/**
 * The `data.<key>[<op>]=<value>` parameters of a query string (the raw
 * one: `qs` would nest the brackets), `eq` when no operator is given.
 */
export function rawDataFilters(search: URLSearchParams): RawDataFilter[] {
  const filters: RawDataFilter[] = []
  for (const [name, value] of search) {
    if (!name.startsWith('data.')) continue
    const match = PARAM.exec(name)
    if (!match) {
      throw new InvalidInput('Invalid data filter', [
        { field: name, message: 'Write data filters as data.<field>[<operator>]=<value>' },
      ])
    }
    filters.push({ key: match[1], op: match[2] ?? 'eq', value })
  }
  return filters
}

/** The searchable fields of a workflow's latest published version (none when unpublished). */
export async function searchableFieldsOfWorkflow(workflowId: number): Promise<SearchableField[]> {
  const version = await db
    .from('workflow_versions')
    .where('workflow_id', workflowId)
    .where('status', 'published')
    .orderBy('number', 'desc')
    .select('id')
    .first()
  return version ? searchableFieldsOf(await definitionOf(version.id)) : []
}

/**
 * Where data filters find a workflow's id and searchable fields. Memoized
 * for one piece of work: checking many saved views of one workflow reads
 * them once, not once per view.
 */
export type FieldLookup = {
  workflowId(key: string): Promise<number | null>
  fields(workflowId: number): Promise<readonly SearchableField[]>
}

/**
 * Workflow ids by key and searchable fields by workflow, kept per access
 * epoch (#support/access/access_epoch): saving or deleting a workflow and
 * publishing a version bump it. Shared by requests, so frozen.
 */
const workflowIds = new EpochCache<string, number | null>(1000)
const searchableFields = new EpochCache<number, readonly SearchableField[]>(1000)

export function fieldLookup(): FieldLookup {
  return {
    workflowId: (key) =>
      workflowIds.get(key, async () => {
        const row = await db.from('workflows').where('key', key).select('id').first()
        return row ? Number(row.id) : null
      }),
    fields: (workflowId) =>
      searchableFields.get(workflowId, async () => {
        const fields = await searchableFieldsOfWorkflow(workflowId)
        return Object.freeze(fields.map((field) => Object.freeze(field)))
      }),
  }
}

/**
 * Checks raw data filters against the workflow's searchable fields: an
 * unknown field, an operator its type does not take or a value of the
 * wrong kind is a 422 naming the parameter.
 */
export async function checkDataFilters(
  raw: RawDataFilter[],
  workflow: { key?: string | null; hidden: number[] },
  lookup: FieldLookup = fieldLookup()
): Promise<DataFilter[]> {
  if (raw.length === 0) return []
  if (raw.length > MAX_FILTERS) {
    throw new InvalidInput('Too many data filters', [
      { field: 'data', message: `At most ${MAX_FILTERS} data filters at once` },
    ])
  }
  const id = workflow.key ? await lookup.workflowId(workflow.key) : null
  const row = id === null ? null : { id }
  if (!row || workflow.hidden.includes(row.id)) {
    throw new InvalidInput('Data filters need a workflow', [
      {
        field: 'workflow',
        message: workflow.key
          ? `No workflow "${workflow.key}" to filter on`
          : 'Choose a workflow to filter on its data fields',
      },
    ])
  }
  const searchable = await lookup.fields(row.id)
  const fields = new Map(searchable.map((f) => [f.key, f]))
  const errors: { field: string; message: string }[] = []
  const filters: DataFilter[] = []
  for (const { key, op, value } of raw) {
    const param = `data.${key}`
    const field = fields.get(key)
    if (!field) {
      errors.push({
        field: param,
        message: `"${key}" is not a searchable field of workflow "${workflow.key}"`,
      })
      continue
    }
    if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
      errors.push({
        field: param,
        message: `Unknown operator "${op}": use one of ${FILTER_OPERATORS.join(', ')}`,
      })
      continue
    }
    if (!OPERATORS_OF_KIND[field.kind].includes(op as FilterOperator)) {
      errors.push({
        field: param,
        message: `A ${field.type} field takes ${OPERATORS_OF_KIND[field.kind].join(', ')}, not "${op}"`,
      })
      continue
    }
    const parsed = parseValue(field, value)
    if (parsed === undefined) {
      errors.push({ field: param, message: expected(field) })
      continue
    }
    filters.push({
      workflowId: row.id,
      key,
      kind: field.kind,
      op: op as FilterOperator,
      value: parsed,
    })
  }
  if (errors.length) throw new InvalidInput('Invalid data filter', errors)
  return filters
}

function parseValue(field: SearchableField, raw: string): number | string | undefined {
  const value = raw.trim()
  switch (field.kind) {
    case 'number': {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return undefined
      const n = Number(value)
      return Number.isFinite(n) ? n : undefined
    }
    case 'user':
      return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined
    case 'boolean':
      return value === 'true' ? 1 : value === 'false' ? 0 : undefined
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
      return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value
    }
    case 'text':
      return value.length > 0 && value.length <= MAX_TEXT ? value : undefined
  }
}

function expected(field: SearchableField) {
  switch (field.kind) {
    case 'number':
      return `"${field.key}" is a ${field.type} field: give a number`
    case 'user':
      return `"${field.key}" is a person field: give a user id`
    case 'boolean':
      return `"${field.key}" is a yes/no field: give true or false`
    case 'date':
      return `"${field.key}" is a date field: give a date as YYYY-MM-DD`
    case 'text':
      return `"${field.key}" is a text field: give 1 to ${MAX_TEXT} characters`
  }
}

/**
 * The data filters of a request's URL, checked: what a list passes as
 * `ProcessFilters.data`, and the same pairs as strings (for links and forms).
 */
export async function dataFiltersOfUrl(
  url: string,
  workflow: { key?: string | null; hidden: number[] },
  options: { countUpTo?: number } = {}
) {
  const filters = await dataFiltersOf(new URL(url, 'http://localhost').searchParams, workflow)
  // A list page reads a page in its order: broad filters are checked row by row there.
  // `countUpTo`: the page's count cap, so a lone filter's count is read once (markBroadFilters).
  await markBroadFilters(filters.data, options.countUpTo)
  return filters
}

export async function dataFiltersOf(
  search: URLSearchParams,
  workflow: { key?: string | null; hidden: number[] },
  lookup?: FieldLookup
): Promise<{ data: DataFilter[]; echo: Record<string, string> }> {
  const raw = rawDataFilters(search)
  const data = await checkDataFilters(raw, workflow, lookup)
  const echo: Record<string, string> = {}
  for (const filter of raw) echo[`data.${filter.key}[${filter.op}]`] = filter.value.trim()
  return { data, echo }
}

/** For the list's filter form: each workflow's searchable fields and the operators they take. */
export function searchFieldsOfWorkflows(
  workflows: { id: number; key: string }[],
  definitions: Map<number, WorkflowDefinition>
) {
  const result: Record<
    string,
    { key: string; label: string; type: string; operators: string[]; options?: string[] }[]
  > = {}
  for (const workflow of workflows) {
    const definition = definitions.get(workflow.id)
    const fields = definition ? searchableFieldsOf(definition) : []
    if (fields.length === 0) continue
    result[workflow.key] = fields.map((field) => ({
      key: field.key,
      label: field.label,
      type: field.type,
      operators: [...OPERATORS_OF_KIND[field.kind]],
      ...(field.options ? { options: field.options } : {}),
    }))
  }
  return result
}
