import { readdirSync, readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parseDefinitionDocument, serializeDefinition } from '#engine/definition'
import { openapiDocument } from '#support/openapi'

type Json = { [key: string]: any }
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void

/** The seeded definition files (database/definitions/*.json), by file name. */
function seededDefinitions(): [string, Json][] {
  const folder = app.makePath('database/definitions')
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, JSON.parse(readFileSync(`${folder}/${name}`, 'utf8'))])
}

/** Replaces every `$ref` prefix, so the two documents can be compared. */
function refsTo(node: unknown, from: string, to: string): unknown {
  if (Array.isArray(node)) return node.map((item) => refsTo(item, from, to))
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(from, to)
        : refsTo(value, from, to),
    ])
  )
}

/** Ajv, strict about the schema itself; `required` in `then` and union types are valid 2020-12. */
function schemaValidator() {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  })
  addFormats(ajv)
  return ajv
}

async function servedSchema(client: { get(url: string): Promise<{ text(): string }> }) {
  const response = await client.get('/api/v1/definition.schema.json')
  return JSON.parse(response.text()) as Json
}

test.group('API / definition JSON Schema', () => {
  test('is served publicly as a cacheable JSON Schema 2020-12 document', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/definition.schema.json')
    response.assertStatus(200)
    assert.match(response.header('content-type')!, /^application\/schema\+json/)
    assert.equal(response.header('cache-control'), 'public, max-age=3600')
    const etag = response.header('etag')!
    assert.match(etag, /^"[\w-]+"$/)
    const schema = JSON.parse(response.text())
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
    assert.match(schema.$id, /\/api\/v1\/definition\.schema\.json$/)
    assert.equal(schema.$ref, '#/$defs/WorkflowDefinition')

    const again = await client.get('/api/v1/definition.schema.json').header('if-none-match', etag)
    again.assertStatus(304)
    assert.equal(again.text(), '')
  })

  test('every seeded definition is valid; broken documents are rejected where they break', async ({
    client,
    assert,
  }) => {
    const schema = await servedSchema(client)
    const ajv = schemaValidator()
    const validate = ajv.compile(schema)

    const seeded = seededDefinitions()
    assert.isAbove(seeded.length, 3)
    for (const [name, definition] of seeded) {
      assert.isTrue(validate(definition), `${name}: ${JSON.stringify(validate.errors)}`)
      // The same document written as YAML reads back to a valid one.
      const yaml = serializeDefinition(definition as any, 'yaml')
      assert.isTrue(validate(parseDefinitionDocument(yaml, 'yaml')), `${name} as YAML`)
    }

    const [, base] = seeded.find(([name]) => name === 'purchase_approval.json')!
    const stage = (index: number, change: Json) => ({
      ...base,
      stages: base.stages.map((s: Json, i: number) => (i === index ? { ...s, ...change } : s)),
    })
    const endIndex = base.stages.findIndex((s: Json) => s.type === 'end')
    const broken: [string, Json, string][] = [
      ['no stages', { ...base, stages: undefined }, ''],
      ['unknown stage type', stage(0, { type: 'waiting' }), '/stages/0/type'],
      ['end stage without outcome', stage(endIndex, { outcome: undefined }), `/stages/${endIndex}`],
      [
        'decision without otherwise',
        stage(1, { type: 'decision', otherwise: undefined }),
        '/stages/1',
      ],
      [
        'route without condition',
        stage(1, { routes: [{ transition: 'approve' }] }),
        '/stages/1/routes/0',
      ],
      ['unknown property', stage(0, { colour: 'red' }), '/stages/0'],
      [
        'select without options',
        stage(0, { fields: [{ key: 'k', label: 'K', type: 'select' }] }),
        '/stages/0/fields/0',
      ],
      [
        'bad field rule',
        stage(0, { fields: [{ key: 'k', label: 'K', type: 'text', rules: { maxLength: -1 } }] }),
        '/stages/0/fields/0/rules/maxLength',
      ],
      ['bad key', { ...base, key: 'Has Spaces' }, '/key'],
      [
        'guard not text',
        { ...base, transitions: [{ ...base.transitions[0], when: 42 }] },
        '/transitions/0/when',
      ],
      ['bad SLA', stage(1, { sla: 'two days' }), '/stages/1/sla'],
    ]
    for (const [what, document, path] of broken) {
      const plain = JSON.parse(JSON.stringify(document))
      assert.isFalse(validate(plain), what)
      assert.include(
        validate.errors!.map((e) => e.instancePath),
        path,
        `${what}: ${JSON.stringify(validate.errors)}`
      )
    }
  })

  test('a decision stage and field rules as the language writes them are valid', async ({
    client,
    assert,
  }) => {
    const schema = await servedSchema(client)
    const ajv = schemaValidator()
    const document = {
      key: 'expenses',
      name: 'Expenses',
      stages: [
        {
          key: 'CLAIM',
          name: 'Claim',
          type: 'start',
          fields: [
            {
              key: 'amount',
              label: 'Amount',
              type: 'number',
              required: true,
              rules: { min: 0, max: 10000 },
            },
            {
              key: 'note',
              label: 'Note',
              type: 'text',
              rules: { maxLength: 200, pattern: '^[^<>]*$' },
              visibleWhen: 'data.amount > 100.0',
              requiredWhen: 'data.amount > 500.0',
              default: '',
            },
          ],
        },
        {
          key: 'ROUTE',
          name: 'Route',
          type: 'decision',
          routes: [{ when: 'data.amount > 500.0', transition: 'review' }],
          otherwise: 'pay',
        },
        { key: 'REVIEW', name: 'Review', type: 'task' },
        { key: 'PAID', name: 'Paid', type: 'end', outcome: 'completed' },
      ],
      transitions: [
        { key: 'send', from: 'CLAIM', to: 'ROUTE' },
        { key: 'review', from: 'ROUTE', to: 'REVIEW' },
        { key: 'pay', from: 'ROUTE', to: 'PAID' },
        {
          key: 'approve',
          from: 'REVIEW',
          to: 'PAID',
          when: "user.role == 'manager'",
          whenMessage: 'Managers approve.',
        },
      ],
    }
    const validate = ajv.compile(schema)
    assert.isTrue(validate(document), JSON.stringify(validate.errors))
  })

  test('the OpenAPI document describes definitions with the very same schemas', async ({
    client,
    assert,
  }) => {
    const schema = await servedSchema(client)
    const components = (openapiDocument() as Json).components.schemas
    const names = Object.keys(schema.$defs)
    assert.includeMembers(names, [
      'WorkflowDefinition',
      'StageDefinition',
      'DecisionRoute',
      'FieldRules',
      'ActionDefinition',
    ])
    for (const name of names) {
      assert.deepEqual(
        JSON.parse(JSON.stringify(components[name])),
        refsTo(schema.$defs[name], '#/$defs/', '#/components/schemas/'),
        name
      )
    }
  })
})
