/**
 * The parts of a field beyond its type: `rules`, `currency`, `default` and
 * the conditions `visibleWhen` / `requiredWhen`. Conditions are checked once
 * every stage has been read (`verifyFieldConditions`), since they may name
 * fields of any stage.
 */
import type { FieldDefinition, FieldRules, FieldType } from '#engine/definition'
import { isFilled } from '#engine/data'
import { compileExpression } from '#engine/expressions'
import { CURRENCY_PATTERN, coerce, isIsoDate } from '#engine/field_types'
import {
  MAX_PATTERN_LENGTH,
  RULES_FOR_TYPE,
  type RuleName,
  compilePattern,
  ruleViolation,
} from '#engine/field_limits'
import { type JsonObject, child, describeValue, isAbsent, quoteList } from '#engine/verifier/rules'
import { type Verification } from '#engine/verifier/verification'

const RULE_NAMES: readonly RuleName[] = ['min', 'max', 'minLength', 'maxLength', 'pattern']
export const CONDITIONS = ['visibleWhen', 'requiredWhen'] as const

interface PendingCondition {
  path: string
  source: string
  subject: string
  property: (typeof CONDITIONS)[number]
}

/** Conditions waiting for every field type to be known, per run. */
const pending = new WeakMap<Verification, PendingCondition[]>()

/** `currency`: only on money fields, an ISO 4217 code such as "EUR". */
export function verifyCurrency(
  run: Verification,
  field: JsonObject,
  path: string,
  subject: string,
  type: FieldType | undefined
): string | undefined {
  if (isAbsent(field.currency)) return undefined
  const at = child(path, 'currency')
  if (type !== undefined && type !== 'money') {
    run.report(
      at,
      'currency_not_allowed',
      `${subject} is a ${type} field, but only money fields have a currency.`
    )
    return undefined
  }
  if (typeof field.currency !== 'string' || !CURRENCY_PATTERN.test(field.currency)) {
    run.report(
      at,
      'invalid_currency',
      `${subject} has ${describeValue(field.currency)} as "currency"; use a three-letter upper-case ISO 4217 code such as "EUR".`
    )
    return undefined
  }
  return field.currency
}

/** `rules`: each one allowed for the type, with a sensible value, and bounds in order. */
export function verifyRules(
  run: Verification,
  field: JsonObject,
  path: string,
  subject: string,
  type: FieldType | undefined
): FieldRules | undefined {
  const raw = run.readObject(field, 'rules', path, subject)
  if (!raw) return undefined
  const rulesPath = child(path, 'rules')
  run.checkUnknownProperties(raw, RULE_NAMES, rulesPath, `The rules of ${lower(subject)}`)
  const rules: FieldRules = {}
  let usable = true
  for (const name of RULE_NAMES) {
    const value = raw[name]
    if (isAbsent(value)) continue
    const at = child(rulesPath, name)
    if (type !== undefined && !RULES_FOR_TYPE[type].includes(name)) {
      const allowed = RULES_FOR_TYPE[type]
      run.report(
        at,
        'rule_not_allowed',
        `${subject} is a ${type} field, so it cannot have the rule "${name}"` +
          (allowed.length ? `; its rules are ${quoteList(allowed)}.` : '; it takes no rules.')
      )
      usable = false
      continue
    }
    const problem = ruleValueProblem(name, value, type)
    if (problem) {
      run.report(at, problem.code, `The rule "${name}" of ${lower(subject)} ${problem.text}`)
      usable = false
      continue
    }
    ;(rules as Record<string, unknown>)[name] = value
  }
  if (rules.min !== undefined && rules.max !== undefined && rules.min > rules.max) {
    run.report(
      child(rulesPath, 'min'),
      'conflicting_rules',
      `${subject} has a "min" (${rules.min}) greater than its "max" (${rules.max}), so no value could pass.`
    )
    usable = false
  }
  if (
    rules.minLength !== undefined &&
    rules.maxLength !== undefined &&
    rules.minLength > rules.maxLength
  ) {
    run.report(
      child(rulesPath, 'minLength'),
      'conflicting_rules',
      `${subject} has a "minLength" (${rules.minLength}) greater than its "maxLength" (${rules.maxLength}), so no value could pass.`
    )
    usable = false
  }
  return usable ? rules : undefined
}

function ruleValueProblem(
  name: RuleName,
  value: unknown,
  type: FieldType | undefined
): { code: 'invalid_rule' | 'invalid_pattern'; text: string } | null {
  const shown = describeValue(value)
  if (name === 'pattern') {
    if (typeof value !== 'string' || value === '') {
      return { code: 'invalid_pattern', text: `must be a regular expression, not ${shown}.` }
    }
    if (value.length > MAX_PATTERN_LENGTH) {
      return {
        code: 'invalid_pattern',
        text: `is longer than ${MAX_PATTERN_LENGTH} characters.`,
      }
    }
    const compiled = compilePattern(value)
    return compiled.ok
      ? null
      : { code: 'invalid_pattern', text: `is not a valid RE2 expression: ${compiled.message}` }
  }
  if (name === 'minLength' || name === 'maxLength') {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? null
      : { code: 'invalid_rule', text: `must be a whole number of 0 or more, not ${shown}.` }
  }
  // min / max
  if (type === 'date') {
    return typeof value === 'string' && isIsoDate(value)
      ? null
      : { code: 'invalid_rule', text: `must be a date such as "2025-03-01", not ${shown}.` }
  }
  return typeof value === 'number' && Number.isFinite(value)
    ? null
    : { code: 'invalid_rule', text: `must be a number, not ${shown}.` }
}

/**
 * `default`: a valid value of the (otherwise valid) field, within its rules;
 * stored coerced. An empty one ('', [], null) is dropped, like any empty
 * optional property.
 */
export function verifyDefault(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  field: FieldDefinition | undefined
): unknown {
  if (field === undefined || !isFilled(raw.default)) return undefined // An empty default is none.
  const coerced = coerce(field, raw.default)
  const problem = coerced.ok ? ruleViolation(field, coerced.value) : coerced
  if (problem || !coerced.ok) {
    run.report(
      child(path, 'default'),
      'invalid_default',
      `The default of ${lower(subject)} is not a valid value: ${problem?.message ?? ''}`.trim()
    )
    return undefined
  }
  return coerced.value
}

/** Reads `visibleWhen` / `requiredWhen` as text and queues them for `verifyFieldConditions`. */
export function readFieldConditions(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string
): Partial<Record<(typeof CONDITIONS)[number], string>> {
  const conditions: Partial<Record<(typeof CONDITIONS)[number], string>> = {}
  for (const property of CONDITIONS) {
    const source = run.readString(raw, property, path, subject, { required: false })
    if (source === undefined) continue
    conditions[property] = source
    const list = pending.get(run) ?? []
    list.push({ path: child(path, property), source, subject, property })
    pending.set(run, list)
  }
  return conditions
}

/**
 * Checks the queued field conditions against every field's type: CEL that
 * parses, names only declared fields (under `data`), types and gives a
 * boolean. Call once all stages have been read.
 */
export function verifyFieldConditions(run: Verification): void {
  const env = { fields: Object.fromEntries(run.fieldTypes) }
  for (const condition of pending.get(run) ?? []) {
    const compiled = compileExpression(condition.source, env, { boolean: true, dataOnly: true })
    if (compiled.ok) continue
    const what = condition.property === 'visibleWhen' ? 'shows' : 'is required'
    run.report(
      condition.path,
      'invalid_expression',
      `The condition on when ${lower(condition.subject)} ${what} is not usable: ${compiled.message}`
    )
  }
  pending.delete(run)
}

function lower(subject: string): string {
  return subject.replace(/^F/, 'f')
}
