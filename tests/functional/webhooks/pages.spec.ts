import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import WebhookSubscription from '#models/webhook_subscription'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { bearer, countOf, expectStatus } from '#tests/functional/webhooks/helpers'

test.group('Webhooks / admin page and workflow page', (group) => {
  freshDatabase(group)

  test('Admin → Webhooks: empty state for admins, 403 for managers', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get('/admin/webhooks').loginAs(admin).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('admin/webhooks/index')
    const props = page.inertiaProps as any
    assert.deepEqual(props.subscriptions, [])
    assert.deepEqual(props.deliveries, [])
    assert.isNull(props.newSecret)
    assert.include(props.eventTypes, 'approval.decided')

    const manager = await UserFactory.apply('manager').create()
    const refused = await client.get('/admin/webhooks').loginAs(manager).withInertia()
    refused.assertStatus(403)
  })

  test('the form creates a webhook and flashes its secret once; toggle, rotate and the delivery log', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client
      .post('/admin/webhooks')
      .json({ url: 'http://127.0.0.1:9/in', events: ['process.started'], workflow: null })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    assert.match(String(created.flashMessages().webhookSecret), /^whsec_/)
    const subscription = await WebhookSubscription.firstOrFail()

    const refused = await client
      .post('/admin/webhooks')
      .json({ url: 'http://10.0.0.1/in', events: [] })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.equal(await countOf(WebhookSubscription), 1)

    const off = await client
      .put(`/admin/webhooks/${subscription.id}`)
      .json({ enabled: false })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    off.assertStatus(302)
    await subscription.refresh()
    assert.isFalse(subscription.enabled)

    const rotated = await client
      .post(`/admin/webhooks/${subscription.id}/rotate`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    rotated.assertStatus(302)
    assert.match(String(rotated.flashMessages().webhookSecret), /^whsec_/)
    assert.notEqual(rotated.flashMessages().webhookSecret, created.flashMessages().webhookSecret)

    const log = await client
      .get(`/admin/webhooks?deliveries=${subscription.id}`)
      .loginAs(admin)
      .withInertia()
    const props = log.inertiaProps as any
    assert.equal(props.selectedId, subscription.id)
    assert.isFalse(props.subscriptions[0].enabled)
    assert.isString(props.subscriptions[0].previousSecretExpiresAt)
  })

  test('the workflow page lists inbound hooks to its owner only', async ({ client, assert }) => {
    const owner = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), owner)
    await expectStatus(
      client
        .post('/api/v1/workflows/doc-review/hooks')
        .header('Authorization', await bearer(owner))
        .json({ key: 'from-crm', action: 'start', mapping: { title: 'body.name' } }),
      201
    )
    const mine = await client.get('/workflows/doc-review').loginAs(owner).withInertia()
    const hooks = (mine.inertiaProps as any).hooks
    assert.lengthOf(hooks, 1)
    assert.equal(hooks[0].path, '/hooks/doc-review/from-crm')
    assert.notProperty(hooks[0], 'secret')

    const member = await UserFactory.create()
    const theirs = await client.get('/workflows/doc-review').loginAs(member).withInertia()
    assert.isNull((theirs.inertiaProps as any).hooks)
  })
})
