import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import WebhookSubscription from '#models/webhook_subscription'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { bearer, countOf, expectStatus } from '#tests/functional/webhooks/helpers'

const URL = 'http://127.0.0.1:9/hooks/stageflow'

test.group('Webhooks / subscription API', (group) => {
  freshDatabase(group)

  test('create shows the signing secret once; it is stored encrypted and never shown again', async ({
    client,
    assert,
  }) => {
    const auth = await bearer(await UserFactory.apply('admin').create())
    const created = await client
      .post('/api/v1/webhooks')
      .header('Authorization', auth)
      .json({ url: URL, events: ['process.started', 'process.completed'], description: 'ERP' })
    created.assertStatus(201)
    const secret = created.body().data.secret as string
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/)
    assert.deepEqual(created.body().data.events, ['process.started', 'process.completed'])
    assert.isNull(created.body().data.workflow)

    const row = await WebhookSubscription.findOrFail(created.body().data.id)
    assert.notInclude(row.secret, secret.slice(6))

    const shown = await client.get(`/api/v1/webhooks/${row.id}`).header('Authorization', auth)
    shown.assertStatus(200)
    assert.notProperty(shown.body().data, 'secret')
    const listed = await client.get('/api/v1/webhooks').header('Authorization', auth)
    assert.notInclude(JSON.stringify(listed.body()), secret)
    assert.lengthOf(listed.body().data, 1)
  })

  test('an internal or private URL gets 422 and nothing is stored', async ({ client, assert }) => {
    const auth = await bearer(await UserFactory.apply('admin').create())
    for (const url of [
      'http://10.0.0.5/hook',
      'http://192.168.1.10/hook',
      'http://localhost:8080/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const answer = await client
        .post('/api/v1/webhooks')
        .header('Authorization', auth)
        .json({ url, events: ['process.started'] })
      answer.assertStatus(422)
      assert.equal(answer.body().errors[0].field, 'url', url)
    }
    const unknownType = await client
      .post('/api/v1/webhooks')
      .header('Authorization', auth)
      .json({ url: URL, events: ['process.exploded'] })
    unknownType.assertStatus(422)
    assert.equal(await countOf(WebhookSubscription), 0)
  })

  test('members are refused, anonymous callers 401; managers only for workflows they own', async ({
    client,
    assert,
  }) => {
    const member = await bearer(await UserFactory.create())
    await expectStatus(client.get('/api/v1/webhooks').header('Authorization', member), 403)
    await expectStatus(
      client
        .post('/api/v1/webhooks')
        .header('Authorization', member)
        .json({ url: URL, events: ['process.started'] }),
      403
    )
    await expectStatus(client.get('/api/v1/webhooks'), 401)

    const owner = await UserFactory.apply('manager').create()
    const other = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), owner)
    const admin = await bearer(await UserFactory.apply('admin').create())
    const global = await client
      .post('/api/v1/webhooks')
      .header('Authorization', admin)
      .json({ url: URL, events: ['process.started'] })
    global.assertStatus(201)

    const asOwner = await bearer(owner)
    const everywhere = await client
      .post('/api/v1/webhooks')
      .header('Authorization', asOwner)
      .json({ url: URL, events: ['process.started'] })
    everywhere.assertStatus(403)
    const own = await client
      .post('/api/v1/webhooks')
      .header('Authorization', asOwner)
      .json({ url: URL, events: ['process.started'], workflow: 'doc-review' })
    own.assertStatus(201)
    assert.equal(own.body().data.workflow, 'doc-review')

    const asOther = await bearer(other)
    await expectStatus(
      client
        .post('/api/v1/webhooks')
        .header('Authorization', asOther)
        .json({ url: URL, events: ['process.started'], workflow: 'doc-review' }),
      403
    )
    // The owner sees their own subscription, not the admin's global one.
    const mine = await client.get('/api/v1/webhooks').header('Authorization', asOwner)
    assert.deepEqual(
      mine.body().data.map((s: { id: number }) => s.id),
      [own.body().data.id]
    )
    await expectStatus(
      client.get(`/api/v1/webhooks/${global.body().data.id}`).header('Authorization', asOwner),
      404
    )
    await expectStatus(
      client.get(`/api/v1/webhooks/${own.body().data.id}`).header('Authorization', asOther),
      404
    )
  })

  test('patch changes events and turns it off; delete removes it', async ({ client, assert }) => {
    const auth = await bearer(await UserFactory.apply('admin').create())
    const created = await client
      .post('/api/v1/webhooks')
      .header('Authorization', auth)
      .json({ url: URL, events: ['process.started'] })
    const id = created.body().data.id
    const patched = await client
      .patch(`/api/v1/webhooks/${id}`)
      .header('Authorization', auth)
      .json({ events: ['sla.breached', 'approval.decided'], enabled: false })
    patched.assertStatus(200)
    assert.deepEqual(patched.body().data.events, ['sla.breached', 'approval.decided'])
    assert.isFalse(patched.body().data.enabled)
    const badUrl = await client
      .patch(`/api/v1/webhooks/${id}`)
      .header('Authorization', auth)
      .json({ url: 'http://10.1.2.3/' })
    badUrl.assertStatus(422)
    await expectStatus(client.delete(`/api/v1/webhooks/${id}`).header('Authorization', auth), 204)
    assert.equal(await countOf(WebhookSubscription), 0)
  })
})
