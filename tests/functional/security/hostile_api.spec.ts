import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import User from '#models/user'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import {
  HOSTILE_STRINGS,
  HUGE_STRING,
  deepArrayJson,
  deepJson,
  invalidUtf8Body,
} from '#tests/helpers/hostile_inputs'

/**
 * The hostile-input corpus through every user-writable text of the API:
 * each string is stored and read back as sent, or refused with a 422
 * naming the field. Never a 5xx. ("As sent" is trimmed: the JSON body
 * parser trims every string, AdonisJS's `trimWhitespaces` default.)
 */

type Json = { [key: string]: any }

/** Stored as is, or a 422 that names the field. Returns whether it was stored. */
function storedOrRefused(assert: any, response: ApiResponse, field: string, label: string) {
  assert.isBelow(response.status(), 500, `${label}: ${response.status()} ${response.text()}`)
  if (response.status() === 422) {
    const fields = (response.body().errors as Json[]).map((e) => e.field)
    assert.isTrue(
      fields.some((f) => typeof f === 'string' && f.includes(field)),
      `${label}: 422 names ${field} (${fields})`
    )
    return false
  }
  assert.oneOf(response.status(), [200, 201], `${label}: ${response.text()}`)
  return true
}

async function setUp() {
  const manager = await UserFactory.apply('manager').create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const issued = await User.accessTokens.create(manager)
  return { manager, token: issued.value!.release() }
}

const api = (client: ApiClient, token: string, method: string, url: string) =>
  client.request(url, method).header('authorization', `Bearer ${token}`)

/**
 * Sends `body` byte for byte as JSON (the api client would re-serialise a
 * Buffer), and reads the answer.
 */
async function rawJson(token: string, url: string, body: string | Buffer) {
  const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Json }
}

test.group('Security / hostile input through the API', (group) => {
  freshDatabase(group)

  test('process titles, data keys and values, and comments read back as sent', async ({
    client,
    assert,
  }) => {
    const { token } = await setUp()
    for (const { name, value } of HOSTILE_STRINGS) {
      const started = await api(client, token, 'POST', '/api/v1/processes').json({
        workflow: 'order-fulfilment',
        title: `t ${value}`,
        data: { note: value, [value]: 'as a key' },
      })
      if (!storedOrRefused(assert, started, 'title', `start ${name}`)) continue
      const id = started.body().data.id
      const shown = await api(client, token, 'GET', `/api/v1/processes/${id}`)
      assert.equal(shown.body().data.title, `t ${value}`.trim(), `title ${name}`)
      assert.equal(shown.body().data.data.note, value.trim(), `data value ${name}`)
      if (value !== '__proto__') assert.equal(shown.body().data.data[value], 'as a key', name)

      const commented = await api(client, token, 'POST', `/api/v1/processes/${id}/comments`).json({
        body: `c ${value}`,
      })
      if (!storedOrRefused(assert, commented, 'body', `comment ${name}`)) continue
      const events = await api(client, token, 'GET', `/api/v1/processes/${id}/events`)
      const comment = (events.body().data as Json[]).find((e) => e.type === 'commented')!
      assert.equal(comment.payload.body, `c ${value}`.trim(), `comment ${name}`)
    }
  })

  test('"__proto__", "constructor" and "prototype" keys stay data and pollute nothing', async ({
    client,
    assert,
  }) => {
    const { token } = await setUp()
    const body = JSON.parse(
      '{"workflow":"order-fulfilment","title":"keys","data":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p"}}'
    )
    const started = await api(client, token, 'POST', '/api/v1/processes').json(body)
    assert.isBelow(started.status(), 500)
    assert.isUndefined(({} as Json).polluted, 'Object.prototype is untouched')
    if (started.status() === 201) {
      const shown = await api(client, token, 'GET', `/api/v1/processes/${started.body().data.id}`)
      assert.equal(shown.body().data.data.prototype, 'p')
      assert.isUndefined(({} as Json).polluted)
    }
    const state = await api(client, token, 'PUT', '/api/v1/state/global/keys').json(
      JSON.parse('{"value":{"__proto__":{"polluted":"yes"},"a":1}}')
    )
    assert.isBelow(state.status(), 500)
    assert.isUndefined(({} as Json).polluted)
  })

  test('workflow and stage names, state values and token names read back as sent', async ({
    client,
    assert,
  }) => {
    const { manager, token } = await setUp()
    for (const [index, { name, value }] of HOSTILE_STRINGS.entries()) {
      const definition = structuredClone(DEMO_DEFINITIONS.orderFulfilment)
      definition.key = `hostile-${index}`
      definition.name = `w ${value}`
      definition.stages[0]!.name = `s ${value}`
      const created = await api(client, token, 'POST', '/api/v1/workflows').json(definition)
      if (storedOrRefused(assert, created, 'name', `workflow ${name}`)) {
        const publish = `/api/v1/workflows/hostile-${index}/publish`
        const published = await api(client, token, 'POST', publish)
        assert.equal(published.status(), 200)
        const shown = await api(client, token, 'GET', `/api/v1/workflows/hostile-${index}`)
        assert.equal(shown.body().data.name, `w ${value}`, `workflow name ${name}`)
        const draft = await api(
          client,
          token,
          'GET',
          `/api/v1/workflows/hostile-${index}/versions/1`
        )
        assert.equal(draft.body().data.definition.stages[0].name, `s ${value}`, `stage ${name}`)
      }

      const put = await api(client, token, 'PUT', `/api/v1/state/global/k${index}`).json({
        value: { text: value, [value]: 1 },
      })
      if (storedOrRefused(assert, put, 'value', `state ${name}`)) {
        const read = await api(client, token, 'GET', `/api/v1/state/global/k${index}`)
        assert.equal(read.body().data.value.text, value.trim(), `state value ${name}`)
      }

      const issued = await client
        .post('/api/v1/auth/tokens')
        .json({ email: manager.email, password: PASSWORD, name: `n ${value}` })
      if (storedOrRefused(assert, issued, 'name', `token ${name}`))
        assert.equal(issued.body().data.name, `n ${value}`.trim(), `token name ${name}`)
    }
  })

  test('huge strings, deep bodies and invalid UTF-8 get a clean 4xx, never a 5xx', async ({
    client,
    assert,
  }) => {
    const { token } = await setUp()
    const started = { workflow: 'order-fulfilment', title: 'raw bytes' }
    const huge = await api(client, token, 'POST', '/api/v1/processes').json({
      workflow: 'order-fulfilment',
      title: HUGE_STRING,
      data: { note: HUGE_STRING },
    })
    assert.oneOf(huge.status(), [413, 422], huge.text().slice(0, 200))
    assert.isArray(huge.body().errors)

    for (const raw of [deepJson(10_000), deepArrayJson(10_000)]) {
      const deep = await rawJson(token, '/api/v1/processes', raw)
      assert.oneOf(deep.status, [400, 413, 422], deep.text.slice(0, 200))
      assert.isArray(deep.body.errors)
    }

    const fine = await rawJson(token, '/api/v1/processes', Buffer.from(JSON.stringify(started)))
    assert.equal(fine.status, 201, 'the raw request itself is sound')
    const bytes = await rawJson(token, '/api/v1/processes', invalidUtf8Body('title', started))
    assert.isBelow(bytes.status, 500, bytes.text)
    if (bytes.status === 201) {
      const title: string = bytes.body.data.title
      assert.isTrue(title.isWellFormed(), 'stored text is well-formed Unicode')
    } else assert.isArray(bytes.body.errors)
  })
})
