import { test } from '@japa/runner'
import { jsonTextDepth, valueDepth } from '#engine/nesting'

test.group('Engine / nesting limits', () => {
  test('JSON text depth counts brackets outside strings only', ({ assert }) => {
    assert.equal(jsonTextDepth('{}'), 1)
    assert.equal(jsonTextDepth('{"a":[1,{"b":[]}]}'), 4)
    assert.equal(jsonTextDepth('{"a":"[[[{{{"}'), 1)
    assert.equal(jsonTextDepth('{"a":"\\"[[["}'), 1) // an escaped quote does not end the string
    assert.equal(jsonTextDepth('{"a":"\\\\","b":[[]]}'), 3) // nor does an escaped backslash hide the end
  })

  test('counting stops past the limit, so a huge document costs little', ({ assert }) => {
    assert.equal(jsonTextDepth('['.repeat(1_000_000), 100), 101)
  })

  test('value depth is found without recursion', ({ assert }) => {
    assert.equal(valueDepth('x'), 0)
    assert.equal(valueDepth({ a: [1, { b: null }] }), 3)
    let deep: unknown = 1
    for (let level = 0; level < 50_000; level++) deep = [deep]
    assert.equal(valueDepth(deep, 100), 101)
  })
})
