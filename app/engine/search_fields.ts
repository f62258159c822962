/**
 * Searchable fields (`"searchable": true` on a field): which types can be
 * indexed, the column a value goes to, and the filter operators each kind
 * takes. Pure: the index writer (app/actions/search) and the filter
 * parser use the same rules.
 */
import type { FieldDefinition, FieldType, WorkflowDefinition } from '#engine/definition'

/** The column of `process_field_values` a kind of value is kept in. */
export type SearchKind = 'number' | 'text' | 'date' | 'boolean' | 'user'

const KIND_OF_TYPE: Partial<Record<FieldType, SearchKind>> = {
  text: 'text',
  long_text: 'text',
  email: 'text',
  url: 'text',
  select: 'text',
  number: 'number',
  money: 'number',
  date: 'date',
  boolean: 'boolean',
  user: 'user',
}

/** Types a field may be `searchable` on (not multiselect or list: several values). */
export const SEARCHABLE_TYPES = Object.keys(KIND_OF_TYPE) as FieldType[]

export const FILTER_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains'] as const
export type FilterOperator = (typeof FILTER_OPERATORS)[number]

/** The operators each kind of field takes. */
export const OPERATORS_OF_KIND: Record<SearchKind, readonly FilterOperator[]> = {
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  text: ['eq', 'ne', 'contains'],
  boolean: ['eq', 'ne'],
  user: ['eq', 'ne'],
}

export type SearchableField = {
  key: string
  label: string
  type: FieldType
  kind: SearchKind
  options?: string[]
}

export function searchKindOf(type: FieldType): SearchKind | undefined {
  return KIND_OF_TYPE[type]
}

const fieldsCache = new WeakMap<WorkflowDefinition, SearchableField[]>()

/**
 * The definition's searchable fields (first declaration of each key),
 * computed once per definition object (published definitions are cached).
 */
export function searchableFieldsOf(definition: WorkflowDefinition): SearchableField[] {
  const cached = fieldsCache.get(definition)
  if (cached) return cached
  const seen = new Map<string, SearchableField>()
  for (const stage of definition.stages) {
    for (const field of stage.fields ?? []) {
      const kind = searchKindOf(field.type)
      if (!(field as FieldDefinition & { searchable?: boolean }).searchable || !kind) continue
      if (seen.has(field.key)) continue
      seen.set(field.key, {
        key: field.key,
        label: field.label,
        type: field.type,
        kind,
        ...(field.options ? { options: field.options } : {}),
      })
    }
  }
  const fields = [...seen.values()]
  fieldsCache.set(definition, fields)
  return fields
}

export type IndexedValue = {
  num_value: number | null
  text_value: string | null
  date_value: string | null
}

/** A stored process-data value in the columns of its kind (all null when empty or unreadable). */
export function indexedValue(kind: SearchKind, value: unknown): IndexedValue {
  const row: IndexedValue = { num_value: null, text_value: null, date_value: null }
  if (value === null || value === undefined || value === '') return row
  switch (kind) {
    case 'number': {
      const n =
        typeof value === 'object' && value !== null && 'amount' in value
          ? Number((value as { amount: unknown }).amount)
          : Number(value)
      if (Number.isFinite(n)) row.num_value = n
      break
    }
    case 'user': {
      const n = Number(value)
      if (Number.isInteger(n)) row.num_value = n
      break
    }
    case 'boolean':
      if (typeof value === 'boolean') row.num_value = value ? 1 : 0
      break
    case 'date':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) row.date_value = value
      break
    case 'text':
      if (typeof value === 'string') row.text_value = value
      break
  }
  return row
}

/** Letters and digits runs, lower-cased: the words free text is made of and searched by. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * The text a process is found by: its title, reference and searchable
 * text fields, as lower-case words separated by single spaces (with a
 * leading space, so ` word%` is a word-prefix match in SQL too).
 */
export function searchBody(
  title: string,
  reference: string,
  fields: SearchableField[],
  data: Record<string, unknown>
): string {
  const parts = [title, reference]
  for (const field of fields) {
    const value = data[field.key]
    if (field.kind === 'text' && typeof value === 'string') parts.push(value)
  }
  return ' ' + wordsOf(parts.join(' ')).join(' ')
}

/** Longest word `process_words` keeps (characters): a longer word is kept by its beginning. */
export const POSTING_WORD_LENGTH = 40
/** Most distinct words one process has postings for (a long text field stops there). */
export const MAX_POSTINGS = 200

/**
 * A word as `process_words` keeps and looks it up: without diacritics
 * (FTS5's `remove_diacritics` and MariaDB's collation compare so too),
 * cut to POSTING_WORD_LENGTH characters (code points, never half of one).
 */
export function postingWord(word: string): string {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '')
  return bare.length <= POSTING_WORD_LENGTH
    ? bare
    : Array.from(bare).slice(0, POSTING_WORD_LENGTH).join('')
}

/** The distinct posting words of a search body (`searchBody`), at most MAX_POSTINGS. */
export function postingWordsOf(body: string): string[] {
  const words = new Set<string>()
  for (const word of wordsOf(body)) {
    const kept = postingWord(word)
    if (kept) words.add(kept)
    if (words.size === MAX_POSTINGS) break
  }
  return [...words]
}
