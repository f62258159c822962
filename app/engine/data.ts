/**
 * Validation and coercion of process data against declared stage fields.
 *
 * Process data is a flat, mostly schemaless map: only keys declared as
 * fields are checked, anything else is carried along untouched.
 */
import type { FieldDefinition, WorkflowDefinition } from '#engine/definition'

export type DataErrorCode =
  | 'required'
  | 'invalid_text'
  | 'text_too_long'
  | 'invalid_number'
  | 'invalid_date'
  | 'invalid_option'
  | 'invalid_boolean'
  | 'invalid_user'

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

export const MAX_TEXT_LENGTH = 10_000

/**
 * Whether a data value counts as filled in: anything but `undefined`, `null`
 * and the empty string (so `false` and `0` are filled).
 */
export function isFilled(value: unknown): boolean {
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

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/
const USER_ID_PATTERN = /^[1-9]\d*$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Coercion = { ok: true; value: unknown } | { ok: false; code: DataErrorCode; message: string }

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}

/** `YYYY-MM-DD` or an ISO 8601 date-time such as `2025-03-01T09:30:00Z`. */
export function isIsoDate(value: string): boolean {
  const date = DATE_PATTERN.exec(value)
  if (date) return isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))
  const time = DATETIME_PATTERN.exec(value)
  if (!time) return false
  const [, year, month, day, hour, minute, second, , offsetHour, offsetMinute] = time
  return (
    isCalendarDate(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    (second === undefined || Number(second) <= 59) &&
    (offsetHour === undefined || Number(offsetHour) <= 23) &&
    (offsetMinute === undefined || Number(offsetMinute) <= 59)
  )
}

function coerce(field: FieldDefinition, raw: unknown): Coercion {
  const label = `"${field.label}"`
  switch (field.type) {
    case 'text':
      if (typeof raw !== 'string') {
        return { ok: false, code: 'invalid_text', message: `${label} must be text.` }
      }
      if (raw.length > MAX_TEXT_LENGTH) {
        return {
          ok: false,
          code: 'text_too_long',
          message: `${label} must be at most ${MAX_TEXT_LENGTH} characters long.`,
        }
      }
      return { ok: true, value: raw }

    case 'number': {
      let value: number = Number.NaN
      if (typeof raw === 'number') value = raw
      else if (typeof raw === 'string' && NUMBER_PATTERN.test(raw.trim()))
        value = Number(raw.trim())
      if (!Number.isFinite(value)) {
        return { ok: false, code: 'invalid_number', message: `${label} must be a number.` }
      }
      return { ok: true, value }
    }

    case 'date':
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
        return { ok: true, value: raw.toISOString() }
      }
      if (typeof raw === 'string' && isIsoDate(raw)) return { ok: true, value: raw }
      return {
        ok: false,
        code: 'invalid_date',
        message: `${label} must be a date such as 2025-03-01 (or an ISO date-time).`,
      }

    case 'select': {
      const options = field.options ?? []
      if (typeof raw === 'string' && options.includes(raw)) return { ok: true, value: raw }
      return {
        ok: false,
        code: 'invalid_option',
        message: `${label} must be one of ${options.map((option) => `"${option}"`).join(', ')}.`,
      }
    }

    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw }
      // Query strings and form encodings can only carry text.
      if (raw === 'true') return { ok: true, value: true }
      if (raw === 'false') return { ok: true, value: false }
      return { ok: false, code: 'invalid_boolean', message: `${label} must be yes or no.` }

    case 'user':
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) {
        return { ok: true, value: raw }
      }
      if (typeof raw === 'string') {
        const text = raw.trim()
        if (USER_ID_PATTERN.test(text) && Number.isSafeInteger(Number(text))) {
          return { ok: true, value: Number(text) }
        }
        if (text.length <= 254 && EMAIL_PATTERN.test(text)) return { ok: true, value: text }
      }
      return {
        ok: false,
        code: 'invalid_user',
        message: `${label} must be a user id or an e-mail address.`,
      }
  }
}

/**
 * Validates `data` against `fields`, coercing declared values to their
 * canonical type. Only declared keys present in `data` are checked (it may
 * be a patch); with `requireAll`, required fields must also be filled.
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
      if (result.ok) {
        value[field.key] = result.value
      } else {
        errors.push({ field: field.key, code: result.code, message: result.message })
        continue
      }
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
