import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import type { ApiResponse } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import ProcessEvent from '#models/process_event'
import { openapiDocument } from '#support/openapi'
import { tokenRequestValidator } from '#validators/session'
import { draftCheckValidator } from '#validators/draft_check'
import { bulkActionValidator, bulkSelectionValidator } from '#validators/bulk_action'
import { startMigrationValidator } from '#validators/migration'
import { requestReportValidator } from '#validators/report'
import { createUserValidator, updateMeValidator, updateUserValidator } from '#validators/user'
import { reportScheduleValidator } from '#validators/report'
import { updateNotificationPreferencesValidator } from '#validators/notification'
import { resolveAttentionValidator } from '#validators/automation'
import { alertRuleEnabledValidator, alertRuleValidator } from '#validators/alert'
import {
  assignProcessValidator,
  cancelProcessValidator,
  commentProcessValidator,
  listProcessesValidator,
  startProcessValidator,
  transitionProcessValidator,
  updateProcessDataValidator,
} from '#validators/process'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'

type Json = { [key: string]: any }

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'trace']

/** Every operation of the document, keyed "method /path". */
function operationsOf(doc: Json) {
  const operations = new Map<string, Json>()
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of METHODS) {
      if (item[method]) operations.set(`${method} ${path}`, item[method])
    }
  }
  return operations
}

/** Follows a local JSON pointer ("#/components/schemas/Process"). */
function resolvePointer(doc: Json, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined
  let node: any = doc
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined
    node = node[key]
  }
  return node
}

function deref(doc: Json, node: Json): Json {
  let current = node
  while (current && typeof current.$ref === 'string')
    current = resolvePointer(doc, current.$ref) as Json
  return current
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value)
      else refsIn(value, found)
    }
  }
  return found
}

/**
 * Checks a value against the subset of JSON Schema the document uses.
 * Objects are strict: a property the schema does not list is reported
 * unless the schema allows additional properties, so a field added to a
 * transformer without documenting it fails here.
 */
function problemsOf(doc: Json, value: unknown, schema: Json, path = '$'): string[] {
  schema = deref(doc, schema)
  if (schema.allOf) {
    const members = (schema.allOf as Json[]).map((member) => deref(doc, member))
    const problems = members.flatMap((member) =>
      problemsOf(doc, value, { ...member, additionalProperties: true }, path)
    )
    const known = new Set(members.flatMap((member) => Object.keys(member.properties ?? {})))
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (!known.has(key)) problems.push(`${path}.${key} is not documented`)
      }
    }
    return problems
  }
  if (schema.oneOf) {
    const fits = (schema.oneOf as Json[]).filter(
      (option) => problemsOf(doc, value, option, path).length === 0
    )
    return fits.length === 1 ? [] : [`${path} matches ${fits.length} of the oneOf options`]
  }
  if ('const' in schema && value !== schema.const) return [`${path} is not ${schema.const}`]
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${value} is not in the enum`]

  const types: string[] | undefined = schema.type
    ? Array.isArray(schema.type)
      ? schema.type
      : [schema.type]
    : undefined
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : Number.isInteger(value)
          ? 'integer'
          : typeof value
  if (types && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    return [`${path} is ${actual}, documented as ${types.join('|')}`]
  }
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      return [`${path} does not match ${schema.pattern}`]
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value)))
      return [`${path} is not a date-time`]
  }
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((item, index) => problemsOf(doc, item, schema.items, `${path}[${index}]`))
  }
  if (actual === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const object = value as Json
    const properties: Json = schema.properties ?? {}
    const problems: string[] = []
    for (const key of schema.required ?? []) {
      if (!(key in object)) problems.push(`${path}.${key} is missing`)
    }
    for (const [key, item] of Object.entries(object)) {
      if (properties[key])
        problems.push(...problemsOf(doc, item, properties[key], `${path}.${key}`))
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...problemsOf(doc, item, schema.additionalProperties, `${path}.${key}`))
      else if (schema.additionalProperties !== true)
        problems.push(`${path}.${key} is not documented`)
    }
    return problems
  }
  return []
}

/** The JSON schema the document promises for this operation and status. */
function documentedSchema(doc: Json, operation: string, status: number) {
  const op = operationsOf(doc).get(operation)
  if (!op) throw new Error(`"${operation}" is not documented`)
  const answer = op.responses[String(status)]
  if (!answer) throw new Error(`"${operation}" does not document status ${status}`)
  const schema = deref(doc, answer).content?.['application/json']?.schema
  if (!schema) throw new Error(`"${operation}" ${status} documents no JSON body`)
  return schema as Json
}

/** Asserts the response has a documented status and a body of the documented shape. */
function assertDocumented(assert: any, doc: Json, operation: string, response: ApiResponse) {
  const schema = documentedSchema(doc, operation, response.status())
  assert.deepEqual(
    problemsOf(doc, response.body(), schema),
    [],
    `${operation} → ${response.status()}`
  )
}

/** The documented request-body schema of an operation, resolved. */
function requestSchemaOf(doc: Json, operation: string): Json {
  const op = operationsOf(doc).get(operation)!
  return deref(doc, deref(doc, op.requestBody).content['application/json'].schema)
}

const CONSTRAINTS = [
  'type',
  'enum',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'format',
]

/**
 * The constraints a property schema states, normalised so the document's
 * and VineJS's JSON Schema compare: booleans VineJS lists as the spellings
 * it accepts, dates it leaves empty.
 */
function constraintsOf(doc: Json, schema: Json, from: 'vine' | 'doc') {
  const resolved = deref(doc, schema)
  const result: Json = {}
  if (resolved.format === 'date') return result
  if (from === 'vine' && Array.isArray(resolved.enum) && resolved.enum.includes(true)) {
    return { type: ['boolean'] }
  }
  for (const key of CONSTRAINTS) {
    if (resolved[key] === undefined) continue
    if (from === 'vine' && key === 'format' && resolved[key] === 'date') continue
    result[key] = key === 'type' ? [resolved[key]].flat().sort() : resolved[key]
  }
  // VineJS states string enums without a type (and `number().in()` with one): the values say it.
  if (result.enum) delete result.type
  if (from === 'doc' && result.type?.[0] === 'object') return { type: ['object'] }
  return result
}

/**
 * The fields a validator insists on, found by validating an empty object.
 * (VineJS's JSON Schema leaves nullable-but-required fields such as
 * `assigneeId` out of `required`, so it cannot be trusted for this.)
 */
async function requiredFieldsOf(validator: {
  tryValidate(data: unknown): Promise<[unknown, unknown]>
}) {
  const [error] = await validator.tryValidate({})
  const messages = (error as { messages?: { field: string; rule: string }[] } | null)?.messages
  return (messages ?? []).filter((m) => m.rule === 'required').map((m) => m.field)
}

const VALIDATED_BODIES = {
  'post /api/v1/auth/tokens': tokenRequestValidator,
  'post /api/v1/processes': startProcessValidator,
  'patch /api/v1/processes/{id}': updateProcessDataValidator,
  'post /api/v1/processes/{id}/transitions': transitionProcessValidator,
  'post /api/v1/processes/{id}/assign': assignProcessValidator,
  'post /api/v1/processes/{id}/comments': commentProcessValidator,
  'post /api/v1/processes/{id}/cancel': cancelProcessValidator,
  'post /api/v1/workflows/{key}/draft/check': draftCheckValidator,
  'post /api/v1/bulk-operations/transitions': bulkSelectionValidator,
  'post /api/v1/bulk-operations/preview': bulkActionValidator,
  'post /api/v1/bulk-operations': bulkActionValidator,
  'post /api/v1/workflows/{key}/migrations/dry-run': startMigrationValidator,
  'post /api/v1/workflows/{key}/migrations': startMigrationValidator,
  'post /api/v1/reports': requestReportValidator,
  'post /api/v1/users': createUserValidator,
  'patch /api/v1/users/{id}': updateUserValidator,
  'patch /api/v1/me': updateMeValidator,
  // put /api/v1/me/password is left out: VineJS's schema omits the `confirmed` field the
  // document requires (tests/functional/api/parity_pages.spec.ts sends it without one).
  'post /api/v1/report-schedules': reportScheduleValidator,
  'put /api/v1/notifications/preferences': updateNotificationPreferencesValidator,
  'post /api/v1/admin/automation/attention/{process}/resolve': resolveAttentionValidator,
  'post /api/v1/admin/alert-rules': alertRuleValidator,
  'put /api/v1/admin/alert-rules/{id}': alertRuleValidator,
  'put /api/v1/admin/alert-rules/{id}/enabled': alertRuleEnabledValidator,
}

test.group('API / OpenAPI document', (group) => {
  freshDatabase(group)

  test('the served document is OpenAPI 3.1 with responses everywhere and no dangling $ref', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    const doc = response.body() as Json
    assert.match(doc.openapi, /^3\.1\.\d+$/)
    assert.isString(doc.info?.title)
    assert.isString(doc.info?.version)
    assert.deepEqual(doc, JSON.parse(JSON.stringify(openapiDocument())))

    const operations = operationsOf(doc)
    assert.isAbove(operations.size, 0)
    for (const [name, operation] of operations) {
      assert.isAbove(Object.keys(operation.responses ?? {}).length, 0, `${name} has no responses`)
      for (const [status, answer] of Object.entries<Json>(operation.responses)) {
        assert.match(status, /^[1-5]\d\d$/, `${name} status ${status}`)
        assert.isString(deref(doc, answer).description, `${name} ${status} has no description`)
      }
    }
    const operationIds = [...operations.values()].map((o) => o.operationId)
    assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique')

    const refs = refsIn(doc)
    assert.isAbove(refs.length, 0)
    const dangling = [...new Set(refs)].filter((ref) => resolvePointer(doc, ref) === undefined)
    assert.deepEqual(dangling, [])
    assert.isAbove(Object.keys(doc.components.schemas).length, 10)
  })

  test('the document describes exactly the /api/v1 routes of the router, by route name', async ({
    assert,
  }) => {
    const routes = new Map<string, string | undefined>()
    for (const domainRoutes of Object.values(router.toJSON())) {
      for (const route of domainRoutes) {
        if (!route.pattern.startsWith('/api/v1/') && route.pattern !== '/api/v1') continue
        const path = route.pattern.replace(/:([A-Za-z0-9_]+)\??/g, '{$1}')
        for (const method of route.methods) {
          if (method.toUpperCase() === 'HEAD') continue
          routes.set(`${method.toLowerCase()} ${path}`, route.name)
        }
      }
    }
    const documented = operationsOf(openapiDocument() as Json)

    assert.isAbove(routes.size, 0)
    assert.deepEqual(
      [...documented.keys()].sort(),
      [...routes.keys()].sort(),
      'documented operations = routes under /api/v1'
    )
    for (const [key, operation] of documented) {
      assert.equal(operation.operationId, routes.get(key), `operationId of ${key}`)
    }
  })

  test('operations without a token get 401, except the ones documented as public', async ({
    client,
    assert,
  }) => {
    const doc = openapiDocument() as Json
    for (const [key, operation] of operationsOf(doc)) {
      const [method, path] = key.split(' ') as [string, string]
      const url = path
        .replace('{key}', 'x')
        .replace('{format}', 'csv')
        .replace('{queue}', 'default')
        .replace(/\{[^}]+\}/g, '1')
      const response = await (client as any)[method](url).json({})
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0
      if (isPublic) assert.notEqual(response.status(), 401, `${key} is documented as public`)
      else {
        assert.equal(response.status(), 401, `${key} is documented as needing a token`)
        assertDocumented(assert, doc, key, response)
      }
    }
  })

  test('documented request bodies and list filters match the VineJS validators', async ({
    assert,
  }) => {
    const doc = openapiDocument() as Json

    const compare = (
      operation: string,
      documented: Json,
      accepted: Json,
      requiredFields: string[]
    ) => {
      assert.deepEqual(
        Object.keys(documented.properties).sort(),
        Object.keys(accepted.properties).sort(),
        `${operation}: field names`
      )
      assert.deepEqual(
        [...(documented.required ?? [])].sort(),
        requiredFields.sort(),
        `${operation}: required fields`
      )
      for (const [field, schema] of Object.entries<Json>(accepted.properties)) {
        assert.deepEqual(
          constraintsOf(doc, documented.properties[field], 'doc'),
          constraintsOf(doc, schema, 'vine'),
          `${operation}: ${field}`
        )
      }
    }

    for (const [operation, validator] of Object.entries(VALIDATED_BODIES)) {
      compare(
        operation,
        requestSchemaOf(doc, operation),
        validator.toJSONSchema() as Json,
        await requiredFieldsOf(validator)
      )
    }

    const listOperation = operationsOf(doc).get('get /api/v1/processes')!
    const query = (listOperation.parameters as Json[])
      .map((p) => deref(doc, p))
      .filter((p) => p.in === 'query')
    compare(
      'get /api/v1/processes',
      {
        properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
        required: query.filter((p) => p.required).map((p) => p.name),
      },
      listProcessesValidator.toJSONSchema() as Json,
      await requiredFieldsOf(listProcessesValidator)
    )
  })

  test('starting a process honours every documented field and ignores unknown ones', async ({
    client,
    assert,
  }) => {
    const doc = openapiDocument() as Json
    const manager = await UserFactory.apply('manager').create()
    const assignee = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    const sample: Json = {
      workflow: 'order-fulfilment',
      title: 'Documented start',
      data: { carrier: 'ups', note: 'kept as is' },
      assignee: assignee.id,
      priority: 'urgent',
      idempotencyKey: 'start-once',
    }
    const documented = requestSchemaOf(doc, 'post /api/v1/processes')
    assert.sameMembers(Object.keys(sample), Object.keys(documented.properties))

    const request = () =>
      client
        .post('/api/v1/processes')
        .json({ ...sample, surprise: 'not documented' })
        .withGuard('api')
        .loginAs(manager)
    const created = await request()
    created.assertStatus(201)
    assertDocumented(assert, doc, 'post /api/v1/processes', created)
    created.assertBodyContains({
      data: {
        title: 'Documented start',
        priority: 'urgent',
        assignee: { id: assignee.id },
        workflow: { key: 'order-fulfilment' },
        data: { carrier: 'ups', note: 'kept as is' },
        version: 1,
      },
    })
    assert.notProperty(created.body().data.data, 'surprise')

    const again = await request()
    again.assertStatus(200)
    assertDocumented(assert, doc, 'post /api/v1/processes', again)
    assert.equal(again.body().data.id, created.body().data.id)
  })

  test('a transition honours every documented field, the Idempotency-Key header and ignores unknown ones', async ({
    client,
    assert,
  }) => {
    const doc = openapiDocument() as Json
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(manager)
    const id = started.body().data.id

    const sample: Json = {
      transition: 'reserve_inventory',
      expectedVersion: 1,
      data: { carrier: 'dhl' },
      comment: 'documented comment',
      idempotencyKey: 'move-once',
    }
    const operation = 'post /api/v1/processes/{id}/transitions'
    assert.sameMembers(Object.keys(sample), Object.keys(requestSchemaOf(doc, operation).properties))
    const headerParameters = (operationsOf(doc).get(operation)!.parameters as Json[])
      .map((p) => deref(doc, p))
      .filter((p) => p.in === 'header')
      .map((p) => p.name)
    assert.deepEqual(headerParameters, ['Idempotency-Key'])

    const moved = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ ...sample, surprise: 'not documented' })
      .withGuard('api')
      .loginAs(manager)
    moved.assertStatus(200)
    assertDocumented(assert, doc, operation, moved)
    moved.assertBodyContains({
      data: { version: 2, stage: { key: 'INVENTORY_RESERVING' }, data: { carrier: 'dhl' } },
    })
    const event = await ProcessEvent.query()
      .where('process_id', id)
      .where('sequence', 2)
      .firstOrFail()
    assert.equal(event.idempotencyKey, 'move-once')
    assert.deepEqual(event.payload, {
      transition: 'reserve_inventory',
      data: { carrier: 'dhl' },
      comment: 'documented comment',
    })

    const replayed = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json(sample)
      .withGuard('api')
      .loginAs(manager)
    replayed.assertStatus(200)
    assertDocumented(assert, doc, operation, replayed)
    replayed.assertBodyContains({ data: { version: 2 }, meta: { replayed: true } })

    // The same through the header instead of the body field.
    const next = { transition: 'inventory_reserved', expectedVersion: 2 }
    const viaHeader = () =>
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .header('Idempotency-Key', 'header-key')
        .json(next)
        .withGuard('api')
        .loginAs(manager)
    const first = await viaHeader()
    first.assertStatus(200)
    assert.notProperty(first.body(), 'meta')
    const repeated = await viaHeader()
    repeated.assertBodyContains({ data: { version: 3 }, meta: { replayed: true } })
  })

  test('success and error answers have the documented shapes', async ({ client, assert }) => {
    const doc = openapiDocument() as Json
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()

    const token = await client
      .post('/api/v1/auth/tokens')
      .json({ email: manager.email, password: PASSWORD, name: 'docs' })
    assertDocumented(assert, doc, 'post /api/v1/auth/tokens', token)
    const badCredentials = await client
      .post('/api/v1/auth/tokens')
      .json({ email: manager.email, password: 'wrong' })
    assertDocumented(assert, doc, 'post /api/v1/auth/tokens', badCredentials)
    assertDocumented(
      assert,
      doc,
      'get /api/v1/me',
      await client.get('/api/v1/me').bearerToken(token.body().data.token)
    )

    const as = <T extends { withGuard(g: 'api'): any }>(request: T, user = manager) =>
      request.withGuard('api').loginAs(user)

    const created = await as(
      client.post('/api/v1/workflows').json(DEMO_DEFINITIONS.orderFulfilment)
    )
    assertDocumented(assert, doc, 'post /api/v1/workflows', created)
    const duplicate = await as(
      client.post('/api/v1/workflows').json(DEMO_DEFINITIONS.orderFulfilment)
    )
    duplicate.assertStatus(409)
    assertDocumented(assert, doc, 'post /api/v1/workflows', duplicate)
    const forbidden = await as(
      client.post('/api/v1/workflows').json(DEMO_DEFINITIONS.supportTicket),
      member
    )
    forbidden.assertStatus(403)
    assertDocumented(assert, doc, 'post /api/v1/workflows', forbidden)
    const rejected = await as(client.post('/api/v1/workflows').json({ key: 'Bad Key', stages: [] }))
    rejected.assertStatus(422)
    assertDocumented(assert, doc, 'post /api/v1/workflows', rejected)

    const draft = await as(
      client.put('/api/v1/workflows/order-fulfilment/draft').json(DEMO_DEFINITIONS.orderFulfilment)
    )
    assertDocumented(assert, doc, 'put /api/v1/workflows/{key}/draft', draft)
    const published = await as(client.post('/api/v1/workflows/order-fulfilment/publish'))
    assertDocumented(assert, doc, 'post /api/v1/workflows/{key}/publish', published)
    const noDraft = await as(client.post('/api/v1/workflows/order-fulfilment/publish'))
    noDraft.assertStatus(409)
    assertDocumented(assert, doc, 'post /api/v1/workflows/{key}/publish', noDraft)
    assertDocumented(
      assert,
      doc,
      'get /api/v1/workflows',
      await as(client.get('/api/v1/workflows'))
    )
    assertDocumented(
      assert,
      doc,
      'get /api/v1/workflows/{key}',
      await as(client.get('/api/v1/workflows/order-fulfilment'))
    )
    const version = await as(client.get('/api/v1/workflows/order-fulfilment/versions/1'))
    assertDocumented(assert, doc, 'get /api/v1/workflows/{key}/versions/{number}', version)
    const versionFile = await as(
      client.get('/api/v1/workflows/order-fulfilment/versions/1').qs({ format: 'json' })
    )
    assert.deepEqual(versionFile.body(), version.body().data.definition)
    assertDocumented(assert, doc, 'get /api/v1/workflows/{key}/versions/{number}', versionFile)
    const noVersion = await as(client.get('/api/v1/workflows/order-fulfilment/versions/9'))
    noVersion.assertStatus(404)
    assertDocumented(assert, doc, 'get /api/v1/workflows/{key}/versions/{number}', noVersion)

    const started = await as(
      client.post('/api/v1/processes').json({ workflow: 'order-fulfilment', title: 'shapes' }),
      member
    )
    const id = started.body().data.id
    assertDocumented(assert, doc, 'post /api/v1/processes', started)
    const invalid = await as(
      client.post('/api/v1/processes').json({ workflow: 'order-fulfilment' })
    )
    invalid.assertStatus(422)
    assertDocumented(assert, doc, 'post /api/v1/processes', invalid)

    const path = `/api/v1/processes/${id}`
    assertDocumented(assert, doc, 'get /api/v1/processes/{id}', await as(client.get(path)))
    const notFound = await as(client.get('/api/v1/processes/999999'))
    notFound.assertStatus(404)
    assertDocumented(assert, doc, 'get /api/v1/processes/{id}', notFound)
    const list = await as(client.get('/api/v1/processes').qs({ perPage: 1, overdue: false }))
    list.assertBodyContains({ metadata: { total: 1, perPage: 1, currentPage: 1, lastPage: 1 } })
    assertDocumented(assert, doc, 'get /api/v1/processes', list)

    const assigned = await as(
      client.post(`${path}/assign`).json({ assigneeId: member.id, expectedVersion: 1 })
    )
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/assign', assigned)
    const handOff = await as(
      client.post(`${path}/assign`).json({ assigneeId: manager.id, expectedVersion: 2 }),
      member
    )
    handOff.assertStatus(403)
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/assign', handOff)
    const commented = await as(client.post(`${path}/comments`).json({ body: 'hello' }))
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/comments', commented)
    const updated = await as(
      client.patch(path).json({ data: { carrier: 'ups' }, expectedVersion: 3 })
    )
    assertDocumented(assert, doc, 'patch /api/v1/processes/{id}', updated)

    const stale = await as(
      client
        .post(`${path}/transitions`)
        .json({ transition: 'reserve_inventory', expectedVersion: 1 })
    )
    stale.assertStatus(409)
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/transitions', stale)
    stale.assertBodyContains({ meta: { currentVersion: 4, stage: 'INITIATED' } })
    const refused = await as(
      client.post(`${path}/transitions`).json({ transition: 'deliver', expectedVersion: 4 })
    )
    refused.assertStatus(422)
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/transitions', refused)

    const cancelled = await as(
      client.post(`${path}/cancel`).json({ expectedVersion: 4, reason: 'x' })
    )
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/cancel', cancelled)
    const closed = await as(client.post(`${path}/cancel`).json({ expectedVersion: 5 }))
    closed.assertStatus(422)
    assertDocumented(assert, doc, 'post /api/v1/processes/{id}/cancel', closed)

    const events = await as(client.get(`${path}/events`))
    assertDocumented(assert, doc, 'get /api/v1/processes/{id}/events', events)
    assert.lengthOf(events.body().data, 5)
    const csv = await as(client.get(`${path}/events`).qs({ format: 'csv' }))
    assert.match(csv.header('content-type') ?? '', /^text\/csv/)
    assert.property(
      deref(doc, operationsOf(doc).get('get /api/v1/processes/{id}/events')!.responses['200'])
        .content,
      'text/csv'
    )
  })

  test('the 429 of the token endpoint is documented with Retry-After', async ({
    client,
    assert,
  }) => {
    const doc = openapiDocument() as Json
    const user = await UserFactory.create()
    let response
    for (let attempt = 0; attempt < 10; attempt++) {
      response = await client
        .post('/api/v1/auth/tokens')
        .json({ email: user.email, password: 'wrong' })
      if (response.status() === 429) break
    }
    response!.assertStatus(429)
    assertDocumented(assert, doc, 'post /api/v1/auth/tokens', response!)
    const documentedHeaders = Object.keys(
      deref(doc, operationsOf(doc).get('post /api/v1/auth/tokens')!.responses['429']).headers
    )
    assert.include(documentedHeaders, 'Retry-After')
    assert.isAbove(Number(response!.header('retry-after')), 0)
  })
})
