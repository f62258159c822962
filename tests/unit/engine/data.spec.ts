import { test } from '@japa/runner'
import fc from 'fast-check'
import type { FieldDefinition } from '#engine/definition'
import {
  collectFields,
  isFilled,
  isIsoDate,
  MAX_TEXT_LENGTH,
  validateProcessData,
} from '#engine/data'
import { ORDER_FULFILMENT, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'

const FIELDS: FieldDefinition[] = [
  { key: 'note', label: 'Note', type: 'text' },
  { key: 'amount', label: 'Amount', type: 'number', required: true },
  { key: 'due', label: 'Due', type: 'date' },
  { key: 'size', label: 'Size', type: 'select', options: ['s', 'm', 'l'] },
  { key: 'urgent', label: 'Urgent', type: 'boolean', required: true },
  { key: 'owner', label: 'Owner', type: 'user' },
]

function errorCodes(data: Record<string, unknown>, requireAll = false): [string, string][] {
  return validateProcessData(FIELDS, data, { requireAll }).errors.map((error) => [
    error.field,
    error.code,
  ])
}

test.group('Process data', () => {
  test('treats only undefined, null, empty text and an empty list as unfilled', ({ assert }) => {
    for (const value of [undefined, null, '', []]) assert.isFalse(isFilled(value))
    for (const value of [false, 0, ' ', ['a'], {}]) assert.isTrue(isFilled(value))
  })

  test('accepts and coerces valid values', ({ assert }) => {
    const result = validateProcessData(FIELDS, {
      note: 'hello',
      amount: ' 12.50 ',
      due: '2024-02-29',
      size: 'm',
      urgent: 'false',
      owner: '42',
    })
    assert.deepEqual(result.errors, [])
    assert.isTrue(result.valid)
    assert.deepEqual(result.value, {
      note: 'hello',
      amount: 12.5,
      due: '2024-02-29',
      size: 'm',
      urgent: false,
      owner: 42,
    })
  })

  test('accepts e-mail addresses for user fields', ({ assert }) => {
    assert.equal(
      validateProcessData(FIELDS, { owner: 'ana@example.com' }).value.owner,
      'ana@example.com'
    )
  })

  test('rejects text that is not text or too long', ({ assert }) => {
    assert.deepEqual(errorCodes({ note: 5 }), [['note', 'invalid_text']])
    assert.deepEqual(errorCodes({ note: 'x'.repeat(MAX_TEXT_LENGTH) }), [])
    assert.deepEqual(errorCodes({ note: 'x'.repeat(MAX_TEXT_LENGTH + 1) }), [
      ['note', 'text_too_long'],
    ])
  })

  test('rejects non-numbers', ({ assert }) => {
    for (const amount of ['12a', '0x10', 'Infinity', Number.NaN, Infinity, true, '1e400', [1]]) {
      assert.deepEqual(errorCodes({ amount }), [['amount', 'invalid_number']], String(amount))
    }
  })

  test('rejects dates that are not ISO or not on the calendar', ({ assert }) => {
    for (const due of [
      '2023-02-29',
      '2024-13-01',
      '01/02/2024',
      '2024-1-1',
      '2024-01-01T25:00Z',
      20240101,
    ]) {
      assert.deepEqual(errorCodes({ due }), [['due', 'invalid_date']], String(due))
    }
    for (const due of [
      '2024-01-01T09:30',
      '2024-01-01T09:30:15.123Z',
      '2024-01-01T09:30:00+02:00',
    ]) {
      assert.deepEqual(errorCodes({ due }), [], due)
    }
    assert.isTrue(isIsoDate('2000-02-29'))
    assert.isFalse(isIsoDate('1900-02-29'))
  })

  test('stores Date objects as ISO strings', ({ assert }) => {
    const due = new Date(Date.UTC(2024, 0, 2, 3, 4, 5))
    assert.equal(validateProcessData(FIELDS, { due }).value.due, '2024-01-02T03:04:05.000Z')
  })

  test("rejects values outside a select field's options", ({ assert }) => {
    const result = validateProcessData(FIELDS, { size: 'xl' })
    assert.deepEqual(
      result.errors.map((error) => error.code),
      ['invalid_option']
    )
    assert.include(result.errors[0].message, '"s", "m", "l"')
  })

  test('rejects non-booleans', ({ assert }) => {
    for (const urgent of ['yes', 1, 0, 'TRUE']) {
      assert.deepEqual(errorCodes({ urgent }), [['urgent', 'invalid_boolean']], String(urgent))
    }
    assert.strictEqual(validateProcessData(FIELDS, { urgent: 'true' }).value.urgent, true)
  })

  test('rejects users that are neither ids nor e-mail addresses', ({ assert }) => {
    for (const owner of [0, -3, 1.5, 'ana', '0', '007x', {}]) {
      assert.deepEqual(errorCodes({ owner }), [['owner', 'invalid_user']], JSON.stringify(owner))
    }
  })

  test('enforces required fields only with requireAll', ({ assert }) => {
    assert.deepEqual(errorCodes({ note: 'x' }), [])
    assert.deepEqual(errorCodes({ note: 'x' }, true), [
      ['amount', 'required'],
      ['urgent', 'required'],
    ])
    // false and 0 are filled in.
    assert.deepEqual(errorCodes({ amount: 0, urgent: false }, true), [])
    assert.deepEqual(errorCodes({ amount: '', urgent: null }, true), [
      ['amount', 'required'],
      ['urgent', 'required'],
    ])
  })

  test('reports a wrong type rather than a missing value', ({ assert }) => {
    assert.deepEqual(errorCodes({ amount: 'lots', urgent: true }, true), [
      ['amount', 'invalid_number'],
    ])
  })

  test('turns emptied fields into null and keeps undeclared keys', ({ assert }) => {
    const result = validateProcessData(FIELDS, { note: '', extra: { nested: [1] }, amount: null })
    assert.isTrue(result.valid)
    assert.deepEqual(result.value, { note: null, extra: { nested: [1] }, amount: null })
  })

  test('does not mutate its input', ({ assert }) => {
    const data = { amount: '3' }
    validateProcessData(FIELDS, data)
    assert.deepEqual(data, { amount: '3' })
  })

  test('keeps a "__proto__" key as plain data', ({ assert }) => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "note": "x"}') as Record<
      string,
      unknown
    >
    const result = validateProcessData(FIELDS, data)
    assert.isUndefined(({} as Record<string, unknown>).polluted)
    assert.isUndefined((result.value as Record<string, unknown>).polluted)
    assert.deepEqual(Object.keys(result.value).sort(), ['__proto__', 'note'])
  })

  test('does not read inherited members as field values', ({ assert }) => {
    const fields: FieldDefinition[] = [
      { key: 'constructor', label: 'Constructor', type: 'text', required: true },
    ]
    assert.deepEqual(
      validateProcessData(fields, {}, { requireAll: true }).errors.map((error) => error.code),
      ['required']
    )
  })

  test('collects every field of a workflow once', ({ assert }) => {
    assert.deepEqual(
      collectFields(ORDER_FULFILMENT).map((field) => field.key),
      ['payment_reference', 'tracking_number', 'carrier']
    )
    assert.lengthOf(collectFields(PURCHASE_REQUEST), 7)
  })

  test('validated values validate again to themselves', () => {
    const raw = fc.dictionary(
      fc.constantFrom('note', 'amount', 'due', 'size', 'urgent', 'owner', 'other'),
      fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('s', 'm', '2024-05-06', '17', 'a@b.co', 'true')
      )
    )
    fc.assert(
      fc.property(raw, (data) => {
        const first = validateProcessData(FIELDS, data)
        if (!first.valid) return true
        const second = validateProcessData(FIELDS, first.value)
        return second.valid && JSON.stringify(second.value) === JSON.stringify(first.value)
      })
    )
  })
})
