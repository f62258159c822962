/**
 * Which settings each field type has in the designer (rules, options,
 * currency) and how a field row becomes part of the definition document.
 */
import type { EditorField, JsonObject, JsonValue, RuleName } from './designer_state.ts'

const TEXT_LIKE = ['text', 'long_text', 'email', 'url']

/** The rules that make sense for a field type, in the order they are shown. */
export function rulesFor(type: string): RuleName[] {
  const rules: RuleName[] = []
  if (['number', 'money', 'date'].includes(type)) rules.push('min', 'max')
  if ([...TEXT_LIKE, 'multiselect'].includes(type)) rules.push('minLength', 'maxLength')
  if (TEXT_LIKE.includes(type)) rules.push('pattern')
  return rules
}

/** Rules shown for a row: those of its type, plus any other it still has (so it can be cleared). */
export function shownRules(field: EditorField): RuleName[] {
  const own = rulesFor(field.type)
  const leftovers = (Object.keys(field.rules) as RuleName[]).filter(
    (name) => !own.includes(name) && field.rules[name].trim() !== ''
  )
  return [...own, ...leftovers]
}

export const hasOptions = (type: string) => type === 'select' || type === 'multiselect'

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * A rule as the definition holds it: bounds and lengths as numbers (dates
 * stay ISO strings). Text that is not a number is sent as typed, so the
 * verifier says what is wrong next to the input.
 */
function ruleValue(name: RuleName, text: string, type: string): JsonValue {
  const value = text.trim()
  if (name === 'pattern') return text
  if ((name === 'min' || name === 'max') && type === 'date') return value
  return NUMBER.test(value) ? Number(value) : value
}

export const optionList = (options: string) =>
  options
    .split('\n')
    .map((option) => option.trim())
    .filter((option) => option !== '')

export function fieldToDocument(field: EditorField): JsonObject {
  const rules: JsonObject = {}
  for (const name of Object.keys(field.rules) as RuleName[]) {
    if (field.rules[name].trim() !== '')
      rules[name] = ruleValue(name, field.rules[name], field.type)
  }
  const currency = field.currency.trim()
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    ...(field.required ? { required: true } : {}),
    ...(field.searchable ? { searchable: true } : {}),
    ...(hasOptions(field.type) ? { options: optionList(field.options) } : {}),
    ...(currency ? { currency } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(field.visibleWhen.trim() ? { visibleWhen: field.visibleWhen.trim() } : {}),
    ...(field.requiredWhen.trim() ? { requiredWhen: field.requiredWhen.trim() } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
    // A list field's columns (the verifier asks for at least one).
    ...(field.type === 'list' ? { fields: (field.columns ?? []).map(fieldToDocument) } : {}),
  }
}
