import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import {
  parseDefinitionDocument,
  serializeDefinition,
  type WorkflowDefinition,
} from '#engine/definition'
import { reversedKeys } from '#tests/helpers/key_order'

const saga = JSON.parse(
  readFileSync(new URL('../../../database/definitions/checkout_saga.json', import.meta.url), 'utf8')
) as WorkflowDefinition

const documents = [...Object.values(DEMO_DEFINITIONS), saga]

test.group('Engine | canonical key order of exported definitions', () => {
  test('the same content in another key order exports byte-identically', ({ assert }) => {
    for (const definition of documents) {
      const reversed = reversedKeys(definition)
      assert.notEqual(JSON.stringify(reversed), JSON.stringify(definition))
      for (const format of ['json', 'yaml'] as const) {
        const text = serializeDefinition(reversed, format)
        assert.equal(text, serializeDefinition(definition, format), `${definition.key} ${format}`)
        assert.deepEqual(parseDefinitionDocument(text, format), definition as never)
      }
    }
  })

  test('keys come in the documented order for each kind of object', ({ assert }) => {
    const exported = JSON.parse(serializeDefinition(reversedKeys(saga), 'json')) as {
      stages: { actions?: Record<string, unknown>[] }[]
    }
    assert.deepEqual(Object.keys(exported).slice(0, 2), ['key', 'name'])
    assert.deepEqual(Object.keys(exported).slice(-2), ['stages', 'transitions'])
    const http = exported.stages
      .flatMap((stage) => stage.actions ?? [])
      .find((action) => action.type === 'http' && action.compensation)!
    const keys = Object.keys(http)
    assert.deepEqual(
      keys.slice(0, 4),
      ['key', 'type', 'name', 'method'].filter((k) => k in http)
    )
    assert.isBelow(keys.indexOf('url'), keys.indexOf('compensation'))
    assert.deepEqual(Object.keys(http.compensation as object).slice(0, 2), ['method', 'url'])

    const money = reversedKeys<WorkflowDefinition>({
      key: 'w',
      name: 'W',
      stages: [
        {
          key: 's',
          name: 'S',
          type: 'start',
          fields: [
            {
              key: 'f',
              label: 'F',
              type: 'number',
              required: true,
              rules: { min: 1, max: 2 },
              visibleWhen: 'true',
              default: { b: 1, a: 2 },
            },
          ],
        },
      ],
      transitions: [],
    })
    const field = (JSON.parse(serializeDefinition(money, 'json')) as WorkflowDefinition).stages[0]!
      .fields![0]!
    assert.deepEqual(Object.keys(field), [
      'key',
      'label',
      'type',
      'required',
      'rules',
      'visibleWhen',
      'default',
    ])
    assert.deepEqual(Object.keys(field.rules!), ['min', 'max'])
    // User content keeps its own order.
    assert.deepEqual(Object.keys(field.default as object), ['b', 'a'])
  })
})
