/** Workflow keys appear in URLs, hence the lower-case slug. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/
/**
 * Stage, transition and field keys. Upper case is allowed (state machines
 * are often written SHOUTING_CASE); a leading letter/digit also rules out
 * "__proto__"-style keys.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const MAX_KEY_LENGTH = 64
export const MAX_NAME_LENGTH = 200
export const MAX_DESCRIPTION_LENGTH = 5000
export const MAX_EMAIL_LENGTH = 254

export const WORKFLOW_PROPERTIES = ['key', 'name', 'description', 'stages', 'transitions']

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

/** Absent, or explicitly empty (YAML writes `sla:` as null). */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null
}

/** Appends a property to a JSON path, quoting names that are not identifiers. */
export function child(path: string, property: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(property)
    ? `${path}.${property}`
    : `${path}[${JSON.stringify(property)}]`
}

export function at(path: string, index: number): string {
  return `${path}[${index}]`
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `"${value}"`
  return String(value)
}

export function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ')
}

export interface StringRule {
  /** Regular expression the value must match (problem code `invalid_key`). */
  pattern?: RegExp
  patternHint?: string
  maxLength?: number
}

/** The rule for stage, transition and field keys. */
export const IDENTIFIER_RULE: StringRule = {
  pattern: IDENTIFIER_PATTERN,
  patternHint: 'use letters, digits, "-" and "_", starting with a letter or digit',
  maxLength: MAX_KEY_LENGTH,
}
