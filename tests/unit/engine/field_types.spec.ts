import { test } from '@japa/runner'
import type { FieldDefinition } from '#engine/definition'
import { validateProcessData } from '#engine/data'
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH } from '#engine/field_types'

const FIELDS: FieldDefinition[] = [
  { key: 'notes', label: 'Notes', type: 'long_text' },
  { key: 'contact', label: 'Contact', type: 'email' },
  { key: 'site', label: 'Site', type: 'url' },
  { key: 'price', label: 'Price', type: 'money' },
  { key: 'fee', label: 'Fee', type: 'money', currency: 'EUR' },
  { key: 'tags', label: 'Tags', type: 'multiselect', options: ['red', 'green', 'blue'] },
]

/** [field, raw value, expected stored value or the error code] */
const CASES: [string, unknown, { value: unknown } | { error: string }][] = [
  ['notes', 'x'.repeat(MAX_TEXT_LENGTH + 1), { value: 'x'.repeat(MAX_TEXT_LENGTH + 1) }],
  ['notes', 'x'.repeat(MAX_LONG_TEXT_LENGTH + 1), { error: 'text_too_long' }],
  ['notes', 42, { error: 'invalid_text' }],
  ['contact', ' ana@example.com ', { value: 'ana@example.com' }],
  ['contact', 'ana@', { error: 'invalid_email' }],
  ['contact', 'ana example@x.com', { error: 'invalid_email' }],
  ['contact', ['ana@example.com'], { error: 'invalid_email' }],
  ['site', 'https://example.com/a?b=1', { value: 'https://example.com/a?b=1' }],
  ['site', 'http://localhost:8080', { value: 'http://localhost:8080' }],
  ['site', 'example.com', { error: 'invalid_url' }],
  ['site', 'javascript:alert(1)', { error: 'invalid_url' }],
  ['site', 'ftp://example.com', { error: 'invalid_url' }],
  ['site', '/relative/path', { error: 'invalid_url' }],
  ['site', 'https://exa mple.com', { error: 'invalid_url' }],
  ['price', { amount: 12.5, currency: 'USD' }, { value: { amount: 12.5, currency: 'USD' } }],
  ['price', { amount: '1250', currency: 'brl' }, { value: { amount: 1250, currency: 'BRL' } }],
  ['price', 12.5, { error: 'invalid_money' }],
  ['price', { amount: 12.5 }, { error: 'invalid_money' }],
  ['price', { amount: 12.5, currency: 'EURO' }, { error: 'invalid_money' }],
  ['price', { amount: 'lots', currency: 'EUR' }, { error: 'invalid_money' }],
  ['price', { amount: 1, currency: 'EUR', note: 'x' }, { error: 'invalid_money' }],
  ['fee', 99, { value: { amount: 99, currency: 'EUR' } }],
  ['fee', '99.90', { value: { amount: 99.9, currency: 'EUR' } }],
  ['fee', { amount: 5 }, { value: { amount: 5, currency: 'EUR' } }],
  ['fee', { amount: 5, currency: 'GBP' }, { value: { amount: 5, currency: 'GBP' } }],
  ['tags', ['red', 'blue'], { value: ['red', 'blue'] }],
  ['tags', [], { value: null }],
  ['tags', ['red', 'red'], { error: 'invalid_option' }],
  ['tags', ['purple'], { error: 'invalid_option' }],
  ['tags', 'red', { error: 'invalid_option' }],
  ['tags', [1], { error: 'invalid_option' }],
]

test.group('Field types | coercion of the new types', () => {
  for (const [key, raw, expected] of CASES) {
    const shown = JSON.stringify(raw)?.slice(0, 50)
    const verdict = 'value' in expected ? 'accepted' : expected.error
    test(`${key} ← ${shown}: ${verdict}`, ({ assert }) => {
      const result = validateProcessData(FIELDS, { [key]: raw })
      if ('value' in expected) {
        assert.deepEqual(result.errors, [])
        assert.deepEqual(result.value[key], expected.value)
      } else {
        assert.deepEqual(
          result.errors.map((error) => [error.field, error.code]),
          [[key, expected.error]]
        )
        const label = FIELDS.find((field) => field.key === key)!.label
        assert.include(result.errors[0]!.message, `"${label}"`)
      }
    })
  }

  test('messages say what is expected', ({ assert }) => {
    const messages = validateProcessData(FIELDS, {
      site: 'example.com',
      price: { amount: 1, currency: 'euro' },
      tags: ['purple'],
    }).errors.map((error) => error.message)
    assert.deepEqual(messages, [
      '"Site" must be a full web address starting with http:// or https://.',
      'The currency of "Price" must be a three-letter ISO 4217 code such as "EUR" or "USD".',
      '"Tags" lists "purple" that is not one of "red", "green", "blue".',
    ])
  })
})
