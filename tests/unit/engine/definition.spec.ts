import { test } from '@japa/runner'
import fc from 'fast-check'
import {
  DefinitionSyntaxError,
  parseDefinitionDocument,
  serializeDefinition,
} from '#engine/definition'
import { verifyDefinition } from '#engine/verifier'
import { MINIMAL, ORDER_FULFILMENT, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'

test.group('Definition documents', () => {
  test('parses JSON', ({ assert }) => {
    const text = '{"key": "minimal", "stages": [], "transitions": []}'
    assert.deepEqual(parseDefinitionDocument(text, 'json'), {
      key: 'minimal',
      stages: [],
      transitions: [],
    })
  })

  test('parses YAML', ({ assert }) => {
    const text = [
      'key: minimal',
      'name: Minimal',
      'stages:',
      '  - { key: open, name: Open, type: start }',
      '  - key: done',
      '    name: Done',
      '    type: end',
      '    outcome: completed',
      'transitions:',
      '  - key: finish',
      '    from: open',
      '    to: done',
    ].join('\n')
    assert.deepEqual(parseDefinitionDocument(text, 'yaml'), MINIMAL)
  })

  test('keeps YAML values JSON-like (no dates, no yes/no booleans)', ({ assert }) => {
    const parsed = parseDefinitionDocument('a: 2025-01-01\nb: yes\nc: 30m', 'yaml')
    assert.deepEqual(parsed, { a: '2025-01-01', b: 'yes', c: '30m' })
  })

  test('throws a clear error on invalid JSON', ({ assert }) => {
    assert.throws(
      () => parseDefinitionDocument('{"key": ', 'json'),
      DefinitionSyntaxError,
      /not valid JSON/
    )
  })

  test('throws a clear error with a position on invalid YAML', ({ assert }) => {
    try {
      parseDefinitionDocument('key: minimal\nstages: [open\nname: x', 'yaml')
      assert.fail('expected a DefinitionSyntaxError')
    } catch (error) {
      assert.instanceOf(error, DefinitionSyntaxError)
      const syntaxError = error as DefinitionSyntaxError
      assert.match(syntaxError.message, /not valid YAML/)
      assert.equal(syntaxError.format, 'yaml')
      assert.isNumber(syntaxError.line)
    }
  })

  test('rejects duplicate YAML keys instead of silently keeping one', ({ assert }) => {
    assert.throws(() => parseDefinitionDocument('key: a\nkey: b', 'yaml'), DefinitionSyntaxError)
  })

  test('serialises to JSON and YAML that parse back to the same definition', ({ assert }) => {
    for (const definition of [MINIMAL, ORDER_FULFILMENT, PURCHASE_REQUEST]) {
      for (const format of ['json', 'yaml'] as const) {
        const text = serializeDefinition(definition, format)
        const parsed = parseDefinitionDocument(text, format)
        assert.deepEqual(parsed, definition)
        assert.isTrue(verifyDefinition(parsed).valid)
      }
    }
  })

  test('YAML output has no aliases even when objects are shared', ({ assert }) => {
    const shared = { role: 'manager' as const }
    const definition = structuredClone(ORDER_FULFILMENT)
    definition.stages[1].assignee = shared
    definition.stages[2].assignee = shared
    const text = serializeDefinition(definition, 'yaml')
    assert.notMatch(text, /[&*]\w/)
  })

  test('round-trips arbitrary names and descriptions through YAML', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, description) => {
        // Exports put the keys in the canonical order (key, name, description, stages, …).
        const { key, stages, transitions } = MINIMAL
        const definition = { key, name, description, stages, transitions }
        const parsed = parseDefinitionDocument(serializeDefinition(definition, 'yaml'), 'yaml')
        return JSON.stringify(parsed) === JSON.stringify(definition)
      })
    )
  })
})
