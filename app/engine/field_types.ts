/**
 * What each field type accepts and how a value is stored: one coercion per
 * type, from what people and clients send (JSON values, or the text of a
 * form) to the canonical value kept in process data.
 *
 * Adding a type: a name in FIELD_TYPES (definition.ts), a coercion here, its
 * CEL kind in expressions.ts, the rules it takes in field_limits.ts and an
 * input in resources/js/components/processes/data_field.tsx.
 */
import type { FieldDefinition, FieldType, MoneyValue } from '#engine/definition'
// A cycle (field_limits imports this module's constants), safe: used only inside functions.
import { ruleViolation } from '#engine/field_limits'

export type DataErrorCode =
  | 'required'
  | 'invalid_text'
  | 'text_too_long'
  | 'invalid_number'
  | 'invalid_money'
  | 'invalid_date'
  | 'invalid_option'
  | 'invalid_boolean'
  | 'invalid_user'
  | 'invalid_email'
  | 'invalid_url'
  | 'below_min'
  | 'above_max'
  | 'too_short'
  | 'too_long'
  | 'pattern_mismatch'
  | 'invalid_list'

export const MAX_TEXT_LENGTH = 10_000
export const MAX_LONG_TEXT_LENGTH = 100_000
export const MAX_EMAIL_LENGTH = 254
export const MAX_URL_LENGTH = 2048

/** Types whose value is text, the ones `minLength`, `maxLength` and `pattern` apply to. */
export const TEXT_TYPES: readonly FieldType[] = ['text', 'long_text', 'email', 'url']

/** An ISO 4217 code as written: three upper-case letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/
const USER_ID_PATTERN = /^[1-9]\d*$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type Coercion =
  | { ok: true; value: unknown }
  | {
      ok: false
      code: DataErrorCode
      message: string
      /** Inside a `list` field: where the bad cell is, e.g. `2.qty`. */
      path?: string
    }

const fail = (code: DataErrorCode, message: string): Coercion => ({ ok: false, code, message })

/** Most rows a `list` field holds. */
const MAX_LIST_ROWS = 500

/**
 * A `list` field: an array of rows, each an object whose declared columns are
 * coerced like fields (and keep to their rules); undeclared keys are dropped,
 * empty cells become null, a required column must be filled.
 */
function list(field: FieldDefinition, label: string, raw: unknown): Coercion {
  if (!Array.isArray(raw)) return fail('invalid_list', `${label} must be a list of rows.`)
  if (raw.length > MAX_LIST_ROWS) {
    return fail('invalid_list', `${label} may hold at most ${MAX_LIST_ROWS} rows.`)
  }
  const columns = field.fields ?? []
  const rows: Record<string, unknown>[] = []
  for (const [index, row] of raw.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return {
        ok: false,
        code: 'invalid_list',
        message: `Row ${index + 1} of ${label} must be an object.`,
        path: `${index}`,
      }
    }
    const value: Record<string, unknown> = {}
    for (const column of columns) {
      const cell = Object.hasOwn(row, column.key)
        ? (row as Record<string, unknown>)[column.key]
        : undefined
      const where = `${index}.${column.key}`
      const prefix = `Row ${index + 1} of ${label}: `
      if (
        cell === undefined ||
        cell === null ||
        cell === '' ||
        (Array.isArray(cell) && cell.length === 0)
      ) {
        if (column.required) {
          return {
            ok: false,
            code: 'required',
            message: `${prefix}"${column.label}" is required.`,
            path: where,
          }
        }
        value[column.key] = null
        continue
      }
      const result = coerce(column, cell)
      if (!result.ok) return { ...result, message: prefix + result.message, path: where }
      const broken = ruleViolation(column, result.value)
      if (broken)
        return { ok: false, code: broken.code, message: prefix + broken.message, path: where }
      value[column.key] = result.value
    }
    rows.push(value)
  }
  return { ok: true, value: rows }
}

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

/** A finite number from a number or numeric text ("1e3", " 42 "), else null. */
export function toNumber(raw: unknown): number | null {
  let value = Number.NaN
  if (typeof raw === 'number') value = raw
  else if (typeof raw === 'string' && NUMBER_PATTERN.test(raw.trim())) value = Number(raw.trim())
  return Number.isFinite(value) ? value : null
}

function text(label: string, raw: unknown, limit: number): Coercion {
  if (typeof raw !== 'string') return fail('invalid_text', `${label} must be text.`)
  if (raw.length > limit) {
    return fail('text_too_long', `${label} must be at most ${limit} characters long.`)
  }
  return { ok: true, value: raw }
}

function email(label: string, raw: unknown): Coercion {
  const value = typeof raw === 'string' ? raw.trim() : ''
  if (value.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(value)) {
    return fail('invalid_email', `${label} must be an e-mail address such as ana@example.com.`)
  }
  return { ok: true, value }
}

function url(label: string, raw: unknown): Coercion {
  const value = typeof raw === 'string' ? raw.trim() : ''
  const problem = fail(
    'invalid_url',
    `${label} must be a full web address starting with http:// or https://.`
  )
  if (value === '' || value.length > MAX_URL_LENGTH || /\s/.test(value)) return problem
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return problem
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return problem
  }
  return { ok: true, value }
}

/**
 * `{ amount, currency }`; a bare amount (number or numeric text) when the
 * field names its `currency`. The code is kept upper-case.
 */
function money(field: FieldDefinition, label: string, raw: unknown): Coercion {
  const example = field.currency ?? 'EUR'
  const shape = `${label} must be an amount with a currency, such as { "amount": 1250.5, "currency": "${example}" }.`
  let amountRaw: unknown
  let currencyRaw: unknown = field.currency
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const object = raw as Record<string, unknown>
    const extra = Object.keys(object).filter((key) => key !== 'amount' && key !== 'currency')
    if (extra.length > 0) return fail('invalid_money', shape)
    amountRaw = object.amount
    if (object.currency !== undefined && object.currency !== null && object.currency !== '') {
      currencyRaw = object.currency
    }
  } else if (field.currency !== undefined) {
    amountRaw = raw
  } else {
    return fail('invalid_money', shape)
  }
  const amount = toNumber(amountRaw)
  if (amount === null) return fail('invalid_money', `The amount of ${label} must be a number.`)
  if (typeof currencyRaw !== 'string' || !CURRENCY_PATTERN.test(currencyRaw.trim().toUpperCase())) {
    return fail(
      'invalid_money',
      `The currency of ${label} must be a three-letter ISO 4217 code such as "EUR" or "USD".`
    )
  }
  const value: MoneyValue = { amount, currency: currencyRaw.trim().toUpperCase() }
  return { ok: true, value }
}

function options(field: FieldDefinition, label: string, raw: unknown): Coercion {
  const allowed = field.options ?? []
  const listed = allowed.map((option) => `"${option}"`).join(', ')
  if (field.type === 'select') {
    if (typeof raw === 'string' && allowed.includes(raw)) return { ok: true, value: raw }
    return fail('invalid_option', `${label} must be one of ${listed}.`)
  }
  if (!Array.isArray(raw)) {
    return fail('invalid_option', `${label} must be a list of options chosen from ${listed}.`)
  }
  const chosen: string[] = []
  for (const item of raw) {
    if (typeof item !== 'string' || !allowed.includes(item)) {
      const what = typeof item === 'string' ? `"${item}"` : 'a value'
      return fail('invalid_option', `${label} lists ${what} that is not one of ${listed}.`)
    }
    if (chosen.includes(item)) {
      return fail('invalid_option', `${label} lists "${item}" more than once.`)
    }
    chosen.push(item)
  }
  return { ok: true, value: chosen }
}

/** `raw` (filled: not null, undefined or '') as a value of `field`, or why it is not one. */
export function coerce(field: FieldDefinition, raw: unknown): Coercion {
  const label = `"${field.label}"`
  switch (field.type) {
    case 'list':
      return list(field, label, raw)
    case 'text':
      return text(label, raw, MAX_TEXT_LENGTH)
    case 'long_text':
      return text(label, raw, MAX_LONG_TEXT_LENGTH)
    case 'email':
      return email(label, raw)
    case 'url':
      return url(label, raw)
    case 'money':
      return money(field, label, raw)
    case 'select':
    case 'multiselect':
      return options(field, label, raw)

    case 'number': {
      const value = toNumber(raw)
      if (value === null) return fail('invalid_number', `${label} must be a number.`)
      return { ok: true, value }
    }

    case 'date':
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
        return { ok: true, value: raw.toISOString() }
      }
      if (typeof raw === 'string' && isIsoDate(raw)) return { ok: true, value: raw }
      return fail(
        'invalid_date',
        `${label} must be a date such as 2025-03-01 (or an ISO date-time).`
      )

    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw }
      // Query strings and form encodings can only carry text.
      if (raw === 'true') return { ok: true, value: true }
      if (raw === 'false') return { ok: true, value: false }
      return fail('invalid_boolean', `${label} must be yes or no.`)

    case 'user':
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) {
        return { ok: true, value: raw }
      }
      if (typeof raw === 'string') {
        const value = raw.trim()
        if (USER_ID_PATTERN.test(value) && Number.isSafeInteger(Number(value))) {
          return { ok: true, value: Number(value) }
        }
        if (value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value)) {
          return { ok: true, value }
        }
      }
      return fail('invalid_user', `${label} must be a user id or an e-mail address.`)
  }
}
