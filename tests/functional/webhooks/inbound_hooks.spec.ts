import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import webhooksConfig from '#config/webhooks'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { bearer, countOf, expectStatus, signed } from '#tests/functional/webhooks/helpers'

const PATH = '/hooks/doc-review/new-doc'
let sequence = 0
const nextId = () => `msg_test_${Date.now()}_${++sequence}`

async function setup(client: ApiClient) {
  const owner = await UserFactory.apply('manager').create()
  await publishWorkflow(reviewDefinition(), owner)
  const auth = await bearer(owner)
  const created = await client
    .post('/api/v1/workflows/doc-review/hooks')
    .header('Authorization', auth)
    .json({
      key: 'new-doc',
      action: 'start',
      title: '"Doc " + body.doc.title',
      mapping: { title: 'body.doc.title' },
    })
  created.assertStatus(201)
  return { owner, auth, secret: created.body().data.secret as string }
}

function post(client: ApiClient, headers: Record<string, string>, body: unknown, path = PATH) {
  let request = client.post(path)
  for (const [name, value] of Object.entries(headers)) request = request.header(name, value)
  return request.json(body as object)
}

async function nothingWritten(assert: { equal(a: unknown, b: unknown): void }) {
  assert.equal(await countOf(Process), 0)
  assert.equal(await countOf(ProcessEvent), 0)
  const [{ total }] = await db.from('workflow_hook_receipts').count('* as total')
  assert.equal(Number(total), 0)
}

test.group('Webhooks / inbound hooks', (group) => {
  freshDatabase(group)

  test('a signed request starts a process with the mapped data, once per webhook-id', async ({
    client,
    assert,
  }) => {
    const { owner, secret } = await setup(client)
    const body = { doc: { title: 'Q3 plan' } }
    const id = nextId()
    const answer = await post(client, signed(secret, id, body), body)
    answer.assertStatus(202)
    const process = await Process.findOrFail(answer.body().data.processId)
    assert.equal(process.title, 'Doc Q3 plan')
    assert.equal(process.data.title, 'Q3 plan')
    assert.equal(process.creatorId, owner.id)

    // A replay of the same webhook-id: 409, nothing more written.
    const replay = await post(client, signed(secret, id, body), body)
    replay.assertStatus(409)
    assert.equal(replay.body().errors[0].code, 'replayed')
    assert.equal(replay.body().meta.processId, process.id)
    assert.equal(await countOf(Process), 1)
    assert.equal(await countOf(ProcessEvent), 1)
  })

  test('a transition hook finds the process by reference and runs the named transition', async ({
    client,
    assert,
  }) => {
    const { auth, secret } = await setup(client)
    const started = await post(client, signed(secret, nextId(), { doc: { title: 'A' } }), {
      doc: { title: 'A' },
    })
    const reference = started.body().data.reference
    const hook = await client
      .post('/api/v1/workflows/doc-review/hooks')
      .header('Authorization', auth)
      .json({ key: 'submit', action: 'transition', transition: 'submit', reference: 'body.ref' })
    hook.assertStatus(201)

    const body = { ref: reference }
    const moved = await post(
      client,
      signed(hook.body().data.secret, nextId(), body),
      body,
      '/hooks/doc-review/submit'
    )
    moved.assertStatus(202)
    const process = await Process.findByOrFail('reference', reference)
    assert.equal(process.stageKey, 'review')
    assert.equal(process.version, 2)

    const missing = { ref: 'NOPE-1' }
    const unknown = await post(
      client,
      signed(hook.body().data.secret, nextId(), missing),
      missing,
      '/hooks/doc-review/submit'
    )
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[1].field, 'reference')
  })

  test('a timestamp outside the 5-minute window is 401 and writes nothing', async ({
    client,
    assert,
  }) => {
    const { secret } = await setup(client)
    const body = { doc: { title: 'late' } }
    const old = new Date(Date.now() - 6 * 60 * 1000)
    const answer = await post(client, signed(secret, nextId(), body, old), body)
    answer.assertStatus(401)
    assert.equal(answer.body().errors[0].code, 'invalid_signature')
    await nothingWritten(assert)
  })

  test('a bad signature (another secret, a changed body, no headers) is 401 and writes nothing', async ({
    client,
    assert,
  }) => {
    const { secret } = await setup(client)
    const body = { doc: { title: 'forged' } }
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`
    await expectStatus(post(client, signed(otherSecret, nextId(), body), body), 401)
    await expectStatus(post(client, signed(secret, nextId(), { doc: { title: 'x' } }), body), 401)
    await expectStatus(post(client, {}, body), 401)
    await nothingWritten(assert)
  })

  test('a body over the size limit is 413 and writes nothing', async ({ client, assert }) => {
    const { secret } = await setup(client)
    const body = { doc: { title: 'big' }, pad: 'a'.repeat(webhooksConfig.inbound.maxBodyBytes) }
    const answer = await post(client, signed(secret, nextId(), body), body)
    answer.assertStatus(413)
    await nothingWritten(assert)
  })

  test('over the rate limit is 429 and writes nothing, even when signed', async ({
    client,
    assert,
  }) => {
    const { secret } = await setup(client)
    const saved = webhooksConfig.inbound.requestsPerMinute
    webhooksConfig.inbound.requestsPerMinute = 2
    try {
      const body = { doc: { title: 'flood' } }
      const forged = `whsec_${Buffer.alloc(32, 9).toString('base64')}`
      await expectStatus(post(client, signed(forged, nextId(), body), body), 401)
      await expectStatus(post(client, signed(forged, nextId(), body), body), 401)
      const answer = await post(client, signed(secret, nextId(), body), body)
      answer.assertStatus(429)
      assert.exists(answer.headers()['retry-after'])
    } finally {
      webhooksConfig.inbound.requestsPerMinute = saved
    }
    await nothingWritten(assert)
  })

  test('a body the mapping cannot read is 422 with the expression’s message', async ({
    client,
    assert,
  }) => {
    const { secret } = await setup(client)
    const body = { something: 'else' }
    const answer = await post(client, signed(secret, nextId(), body), body)
    answer.assertStatus(422)
    const fields = answer.body().errors.map((e: { field?: string }) => e.field)
    assert.includeMembers(fields, ['mapping.title', 'title'])
    await nothingWritten(assert)
  })

  test('hook management: owner or admin only, invalid expressions 422, unknown hook 404', async ({
    client,
    assert,
  }) => {
    const { auth } = await setup(client)
    const listed = await client
      .get('/api/v1/workflows/doc-review/hooks')
      .header('Authorization', auth)
    listed.assertStatus(200)
    assert.equal(listed.body().data[0].path, PATH)
    assert.notProperty(listed.body().data[0], 'secret')

    const other = await bearer(await UserFactory.apply('manager').create())
    await expectStatus(
      client.get('/api/v1/workflows/doc-review/hooks').header('Authorization', other),
      403
    )
    const broken = await client
      .post('/api/v1/workflows/doc-review/hooks')
      .header('Authorization', auth)
      .json({ key: 'broken', action: 'start', mapping: { title: 'body.(' } })
    broken.assertStatus(422)
    const noTransition = await client
      .post('/api/v1/workflows/doc-review/hooks')
      .header('Authorization', auth)
      .json({ key: 'move', action: 'transition' })
    noTransition.assertStatus(422)
    const disabled = await client
      .patch('/api/v1/workflows/doc-review/hooks/new-doc')
      .header('Authorization', auth)
      .json({ enabled: false })
    disabled.assertStatus(200)
    await expectStatus(post(client, {}, {}), 404)
    await expectStatus(
      client.delete('/api/v1/workflows/doc-review/hooks/new-doc').header('Authorization', auth),
      204
    )
  })
})
