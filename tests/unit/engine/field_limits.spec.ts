import { test } from '@japa/runner'
import type { FieldDefinition, FieldRules, FieldType } from '#engine/definition'
import { validateProcessData } from '#engine/data'
import { compilePattern } from '#engine/field_limits'

const field = (type: FieldType, rules: FieldRules, extra: Partial<FieldDefinition> = {}) =>
  ({ key: 'f', label: 'Amount', type, rules, ...extra }) as FieldDefinition

/** [type, rules, value, verdict: 'ok' or the error code]: one row per case. */
const TABLE: [FieldType, FieldRules, unknown, string][] = [
  ['number', { min: 1 }, 1, 'ok'],
  ['number', { min: 1 }, 0.5, 'below_min'],
  ['number', { max: 10000 }, '10000', 'ok'],
  ['number', { max: 10000 }, 10000.01, 'above_max'],
  ['number', { min: -5, max: 5 }, -5, 'ok'],
  ['number', { min: -5, max: 5 }, 6, 'above_max'],
  ['money', { min: 1 }, { amount: 0, currency: 'EUR' }, 'below_min'],
  ['money', { max: 500 }, { amount: 500, currency: 'EUR' }, 'ok'],
  ['money', { max: 500 }, { amount: 501, currency: 'USD' }, 'above_max'],
  ['date', { min: '2025-01-01' }, '2025-01-01', 'ok'],
  ['date', { min: '2025-01-01' }, '2024-12-31', 'below_min'],
  ['date', { max: '2025-12-31' }, '2025-12-31T18:00:00Z', 'ok'],
  ['date', { max: '2025-12-31' }, '2026-01-01', 'above_max'],
  ['date', { min: '2025-06-01T12:00:00Z' }, '2025-06-01T11:59:00Z', 'below_min'],
  ['text', { minLength: 3 }, 'abc', 'ok'],
  ['text', { minLength: 3 }, 'ab', 'too_short'],
  ['text', { maxLength: 3 }, 'abcd', 'too_long'],
  ['long_text', { maxLength: 5 }, 'hello', 'ok'],
  ['email', { pattern: '@example\\.com$' }, 'ana@example.com', 'ok'],
  ['email', { pattern: '@example\\.com$' }, 'ana@example.org', 'pattern_mismatch'],
  ['url', { pattern: '^https://' }, 'http://example.com', 'pattern_mismatch'],
  ['text', { pattern: '^[A-Z]{2}-\\d{4}$' }, 'PO-1234', 'ok'],
  ['text', { pattern: '^[A-Z]{2}-\\d{4}$' }, 'PO-12345', 'pattern_mismatch'],
  ['text', { pattern: '\\d' }, 'room 5', 'ok'],
  ['multiselect', { minLength: 2 }, ['a'], 'too_short'],
  ['multiselect', { minLength: 2, maxLength: 2 }, ['a', 'b'], 'ok'],
  ['multiselect', { maxLength: 1 }, ['a', 'b'], 'too_long'],
  // Catastrophic for a backtracking engine; RE2 answers in linear time.
  ['text', { pattern: '(a+)+$' }, `${'a'.repeat(9000)}!`, 'pattern_mismatch'],
  ['long_text', { pattern: '(a+)+$' }, `!${'a'.repeat(50000)}`, 'ok'],
  ['text', { pattern: '^(a+)+$' }, `${'a'.repeat(9000)}!`, 'pattern_mismatch'],
  ['text', { pattern: '^(a|aa)+$' }, `${'a'.repeat(9000)}b`, 'pattern_mismatch'],
  ['text', { pattern: '^(a|a?)+b$' }, 'a'.repeat(9000), 'pattern_mismatch'],
  ['long_text', { pattern: '^(\\w+\\s?)*$' }, `${'word '.repeat(10000)}!`, 'pattern_mismatch'],
]

test.group('Field rules | values against rules', () => {
  for (const [type, rules, value, verdict] of TABLE) {
    const shown = JSON.stringify(value).slice(0, 40)
    test(`${type} ${JSON.stringify(rules)} ← ${shown}: ${verdict}`, ({ assert }) => {
      const extra = type === 'multiselect' ? { options: ['a', 'b', 'c'] } : {}
      const result = validateProcessData([field(type, rules, extra)], { f: value })
      assert.equal(result.errors[0]?.code ?? 'ok', verdict, result.errors[0]?.message)
    })
  }

  test('messages name the field and the limit', ({ assert }) => {
    const message = (type: FieldType, rules: FieldRules, value: unknown, extra = {}) =>
      validateProcessData([field(type, rules, extra)], { f: value }).errors[0]?.message
    assert.equal(message('number', { min: 1 }, 0), '"Amount" must be at least 1.')
    assert.equal(message('number', { max: 10 }, 11), '"Amount" must be at most 10.')
    assert.equal(
      message('money', { max: 500 }, { amount: 600, currency: 'EUR' }),
      '"Amount" must be at most 500 EUR.'
    )
    assert.equal(
      message('date', { min: '2025-01-01' }, '2024-01-01'),
      '"Amount" must be on or after 2025-01-01.'
    )
    assert.equal(
      message('text', { minLength: 2 }, 'a'),
      '"Amount" must be at least 2 characters long.'
    )
    assert.equal(
      message('multiselect', { maxLength: 1 }, ['a', 'b'], { options: ['a', 'b'] }),
      'Choose at most 1 option for "Amount".'
    )
    assert.equal(
      message('text', { pattern: '^\\d+$' }, 'x'),
      '"Amount" does not have the expected format (it must match ^\\d+$).'
    )
  })

  test('an empty value is not checked against the rules', ({ assert }) => {
    const result = validateProcessData([field('text', { minLength: 3 })], { f: '' })
    assert.deepEqual(result.errors, [])
    assert.isNull(result.value.f)
  })

  test('a key declared twice keeps to the rules of both declarations', ({ assert }) => {
    const fields = [field('number', { min: 0 }), field('number', { max: 10 })]
    assert.equal(validateProcessData(fields, { f: 11 }).errors[0]?.code, 'above_max')
    assert.equal(validateProcessData(fields, { f: -1 }).errors[0]?.code, 'below_min')
    assert.deepEqual(validateProcessData(fields, { f: 5 }).errors, [])
  })

  test('patterns compile once and reject invalid RE2 syntax', ({ assert }) => {
    const first = compilePattern('^[a-z]+$')
    const second = compilePattern('^[a-z]+$')
    assert.isTrue(first.ok && second.ok && first.re === second.re)
    // Backreferences and lookaheads are not RE2: they could not run in linear time.
    assert.isFalse(compilePattern('(a)\\1').ok)
    assert.isFalse(compilePattern('a(?=b)').ok)
    assert.isFalse(compilePattern('[').ok)
  })
})
