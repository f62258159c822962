import { test } from '@japa/runner'
import { defineConfig } from '@adonisjs/core/http'
import { jsonFirst } from '#support/http/json_first'

/** The framework's default serializer. */
const framework = defineConfig({}).serializeJSON
const serialize = jsonFirst(framework)

test.group('Response JSON: native first', () => {
  test('the same text as the framework serializer for the values pages send', ({ assert }) => {
    const values: unknown[] = [
      {
        id: 1,
        title: 'Ünïcödé "quoted" \\ back\nslash \u2028 \ud800 lone surrogate',
        when: new Date('2026-12-07T01:02:03.456Z'),
        nested: { list: [1, 'two', null, undefined, () => 3, Number.NaN, Infinity] },
        skipped: undefined,
        fn: () => 1,
        flag: false,
        withToJson: { toJSON: () => ({ replaced: true }) },
      },
      [],
      'text',
      42,
      null,
      undefined,
    ]
    for (const value of values) assert.strictEqual(serialize(value), framework(value))
  })

  test('bigints and circular references still take the framework path', ({ assert }) => {
    const circular: Record<string, unknown> = { id: 1 }
    circular.self = circular
    assert.equal(serialize({ big: 12345678901234567890n }), '{"big":"12345678901234567890"}')
    assert.equal(serialize(circular), framework(circular))
    assert.equal(serialize(circular), '{"id":1}')
  })
})
