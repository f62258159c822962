/**
 * A field's `rules` (min, max, minLength, maxLength, pattern): which types
 * take which rule, and whether a (coerced) value keeps to them. Patterns are
 * RE2 (re2js): matching takes time linear in the text, whatever the
 * pattern, so `(a+)+$` cannot hang a request. Never `new RegExp` on them.
 */
import { RE2JS } from 're2js'
import type { FieldDefinition, FieldRules, FieldType, MoneyValue } from '#engine/definition'
import { type DataErrorCode, TEXT_TYPES } from '#engine/field_types'

export type RuleName = keyof FieldRules

/** A pattern longer than this is refused at publish. */
export const MAX_PATTERN_LENGTH = 500

/** The rules each type takes; the verifier refuses any other. */
export const RULES_FOR_TYPE: Record<FieldType, readonly RuleName[]> = {
  text: ['minLength', 'maxLength', 'pattern'],
  long_text: ['minLength', 'maxLength', 'pattern'],
  email: ['minLength', 'maxLength', 'pattern'],
  url: ['minLength', 'maxLength', 'pattern'],
  number: ['min', 'max'],
  money: ['min', 'max'],
  date: ['min', 'max'],
  multiselect: ['minLength', 'maxLength'],
  select: [],
  boolean: [],
  user: [],
  list: ['minLength', 'maxLength'],
}

export interface RuleViolation {
  code: DataErrorCode
  message: string
}

/** Compiled patterns by source: definitions are immutable, so once per pattern is enough. */
const patterns = new Map<string, RE2JS>()
const MAX_CACHED_PATTERNS = 1000

/**
 * `source` compiled with RE2, or the reason it does not compile.
 * A pattern matches anywhere in the text (as in JSON Schema): anchor it
 * with ^ and $ to match the whole value.
 */
export function compilePattern(
  source: string
): { ok: true; re: RE2JS } | { ok: false; message: string } {
  const cached = patterns.get(source)
  if (cached) return { ok: true, re: cached }
  try {
    const re = RE2JS.compile(source)
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear()
    patterns.set(source, re)
    return { ok: true, re }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: reason }
  }
}

/** Whether `value` contains a match of `pattern` (RE2, linear time). */
export function matchesPattern(pattern: string, value: string): boolean {
  const compiled = compilePattern(pattern)
  // A pattern that does not compile never passed the verifier; refuse rather than accept.
  return compiled.ok && compiled.re.matcher(value).find()
}

/** The date part of a date or date-time bound, or the instant of a date-time. */
function dateOrder(bound: string, value: string): number {
  // A date-only bound compares calendar days as written, so "2025-12-31T18:00"
  // is within `max: "2025-12-31"`.
  if (bound.length === 10) {
    const day = value.slice(0, 10)
    return day < bound ? -1 : day > bound ? 1 : 0
  }
  return Math.sign(Date.parse(value) - Date.parse(bound))
}

function compare(type: FieldType, value: unknown, bound: number | string): number | null {
  if (type === 'date') {
    return typeof value === 'string' && typeof bound === 'string' ? dateOrder(bound, value) : null
  }
  const amount = type === 'money' ? (value as MoneyValue | null)?.amount : value
  if (typeof amount !== 'number' || typeof bound !== 'number') return null
  return Math.sign(amount - bound)
}

function show(type: FieldType, bound: number | string, value: unknown): string {
  if (type === 'money' && typeof bound === 'number') {
    return `${bound} ${(value as MoneyValue).currency}`
  }
  return String(bound)
}

/**
 * The first rule of `field` that `value` (already coerced, filled) breaks,
 * or null. Messages name the field and the limit.
 */
export function ruleViolation(field: FieldDefinition, value: unknown): RuleViolation | null {
  const rules = field.rules
  if (!rules) return null
  const label = `"${field.label}"`
  const { type } = field

  if (rules.min !== undefined && (compare(type, value, rules.min) ?? 0) < 0) {
    const bound = show(type, rules.min, value)
    return {
      code: 'below_min',
      message:
        type === 'date'
          ? `${label} must be on or after ${bound}.`
          : `${label} must be at least ${bound}.`,
    }
  }
  if (rules.max !== undefined && (compare(type, value, rules.max) ?? 0) > 0) {
    const bound = show(type, rules.max, value)
    return {
      code: 'above_max',
      message:
        type === 'date'
          ? `${label} must be on or before ${bound}.`
          : `${label} must be at most ${bound}.`,
    }
  }

  const isText = TEXT_TYPES.includes(type) && typeof value === 'string'
  const isList = (type === 'multiselect' || type === 'list') && Array.isArray(value)
  if (isText || isList) {
    const size = (value as string | unknown[]).length
    const item = type === 'list' ? 'row' : 'option'
    const unit = (count: number) =>
      isList
        ? `${count} ${item}${count === 1 ? '' : 's'}`
        : `${count} character${count === 1 ? '' : 's'}`
    if (rules.minLength !== undefined && size < rules.minLength) {
      return {
        code: 'too_short',
        message: isList
          ? type === 'list'
            ? `${label} needs at least ${unit(rules.minLength)}.`
            : `Choose at least ${unit(rules.minLength)} for ${label}.`
          : `${label} must be at least ${unit(rules.minLength)} long.`,
      }
    }
    if (rules.maxLength !== undefined && size > rules.maxLength) {
      return {
        code: 'too_long',
        message: isList
          ? type === 'list'
            ? `${label} may have at most ${unit(rules.maxLength)}.`
            : `Choose at most ${unit(rules.maxLength)} for ${label}.`
          : `${label} must be at most ${unit(rules.maxLength)} long.`,
      }
    }
  }
  if (isText && rules.pattern !== undefined && !matchesPattern(rules.pattern, value as string)) {
    return {
      code: 'pattern_mismatch',
      message: `${label} does not have the expected format (it must match ${rules.pattern}).`,
    }
  }
  return null
}
