import { test } from '@japa/runner'
import fc from 'fast-check'
import { htmlSafeJson } from '#support/html_json'

/** Strings made of the characters that matter here, plus a few plain ones. */
const hostileText = fc
  .array(fc.constantFrom('<', '>', '&', '\u2028', '\u2029', '/', '"', '\\', '!--', 'script', 'a'))
  .map((parts) => parts.join(''))

test.group('htmlSafeJson', () => {
  test('leaves no character that HTML or old JavaScript parsers react to', ({ assert }) => {
    const json = htmlSafeJson({ title: '</script><!--<script>&amp; \u2028\u2029 ]]>' })
    assert.notMatch(json, /[<>&\u2028\u2029]/)
    assert.include(json, '\\u003c/script\\u003e\\u003c!--')
  })

  test('JSON.parse reads back exactly the value written', ({ assert }) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), hostileText, (value, text) => {
        value = { value, text }
        const json = htmlSafeJson(value)
        assert.notMatch(json, /[<>&\u2028\u2029]/)
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 300 }
    )
  })
})
