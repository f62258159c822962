/**
 * Validation and coercion of process data against declared stage fields.
 *
 * Process data is a flat, mostly schemaless map: only keys declared as
 * fields are checked, anything else is carried along untouched.
 */
import type { FieldDefinition, WorkflowDefinition } from '#engine/definition'
import { type DataErrorCode, coerce } from '#engine/field_types'
import { ruleViolation } from '#engine/field_limits'

export { type DataErrorCode, MAX_TEXT_LENGTH, isIsoDate } from '#engine/field_types'

export interface DataError {
  /** Key of the offending field. */
  field: string
  code: DataErrorCode
  message: string
}

export interface DataValidation {
  valid: boolean
  errors: DataError[]
  /**
   * The data with declared fields coerced (e.g. "42" → 42) and emptied ones
   * ('' → null). Undeclared keys are copied unchanged.
   */
  value: Record<string, unknown>
}

export interface ValidateDataOptions {
  /**
   * Also report `required` fields that are not filled. Off by default
   * because most updates are patches touching a few keys.
   */
  requireAll?: boolean
}

/**
 * Whether a data value counts as filled in: anything but `undefined`, `null`,
 * the empty string and an empty list (so `false` and `0` are filled).
 */
export function isFilled(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null && value !== ''
}

/**
 * Reads `data[key]` as an own property only, so keys such as "constructor"
 * or "toString" never resolve to inherited members of plain objects.
 */
export function readField(data: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined
}

/** Every field declared in the workflow, first declaration of each key winning. */
export function collectFields(definition: WorkflowDefinition): FieldDefinition[] {
  const seen = new Set<string>()
  const fields: FieldDefinition[] = []
  for (const stage of definition.stages) {
    for (const field of stage.fields ?? []) {
      if (!seen.has(field.key)) {
        seen.add(field.key)
        fields.push(field)
      }
    }
  }
  return fields
}

/** Every field declaration of the workflow, in stage order, repeated keys included. */
export function fieldDeclarations(definition: WorkflowDefinition): FieldDefinition[] {
  return definition.stages.flatMap((stage) => stage.fields ?? [])
}

/**
 * Validates `data` against `fields`, coercing declared values to their
 * canonical type and checking their `rules`. `fields` may hold several
 * declarations of a key (`fieldDeclarations`): the first gives the type,
 * and the value keeps to the rules of all of them. Only declared keys present
 * in `data` are checked (it may be a patch); with `requireAll`, required
 * fields must also be filled.
 * Empty values (`null`, '') are valid for any field and become `null`.
 */
export function validateProcessData(
  fields: FieldDefinition[],
  data: Record<string, unknown>,
  options: ValidateDataOptions = {}
): DataValidation {
  // Copy through entries so a "__proto__" key stays an ordinary own key
  // instead of replacing the prototype.
  const value: Record<string, unknown> = Object.fromEntries(Object.entries(data))
  const errors: DataError[] = []
  const checked = new Set<string>()

  for (const field of fields) {
    if (checked.has(field.key)) continue
    checked.add(field.key)

    const raw = readField(data, field.key)
    if (raw === undefined) {
      // Absent: nothing to coerce.
    } else if (!isFilled(raw)) {
      value[field.key] = null
    } else {
      const result = coerce(field, raw)
      const problem = result.ok ? ruleOf(fields, field.key, result.value) : result
      if (problem) {
        // A list cell's problem names its path: `items.2.qty`.
        const where = 'path' in problem && problem.path ? `${field.key}.${problem.path}` : field.key
        errors.push({ field: where, code: problem.code, message: problem.message })
        continue
      }
      if (result.ok) value[field.key] = result.value
    }

    if (options.requireAll && field.required && !isFilled(readField(value, field.key))) {
      errors.push({
        field: field.key,
        code: 'required',
        message: `"${field.label}" is required.`,
      })
    }
  }

  return { valid: errors.length === 0, errors, value }
}

/** The first rule broken by `value` among the declarations of `key`. */
function ruleOf(fields: FieldDefinition[], key: string, value: unknown) {
  for (const field of fields) {
    if (field.key !== key) continue
    const violation = ruleViolation(field, value)
    if (violation) return violation
  }
  return null
}

/**
 * Every declared `default` for a key `data` does not give (the first
 * declaration with one wins): what a process starts with.
 */
export function withDefaults(
  definition: WorkflowDefinition,
  data: Record<string, unknown>
): Record<string, unknown> {
  const value: Record<string, unknown> = Object.fromEntries(Object.entries(data))
  for (const stage of definition.stages) {
    for (const field of stage.fields ?? []) {
      if (field.default === undefined || readField(value, field.key) !== undefined) continue
      value[field.key] = structuredClone(field.default)
    }
  }
  return value
}
