import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#models/user'
import WebhookDelivery from '#models/webhook_delivery'
import WebhookSubscription from '#models/webhook_subscription'
import Notification from '#models/notification'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import DeliverWebhook, { DISABLE_AFTER_MS } from '#actions/webhooks/deliver_webhook'
import automationConfig from '#config/automation'
import { AllowList } from '#support/egress/addresses'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { WebhookReceiver } from '#tests/helpers/webhook_receiver'
import { bearer, countOf, expectStatus, verified } from '#tests/functional/webhooks/helpers'
import type { ApiClient } from '@japa/api-client'

type Setup = { admin: User; auth: string; secret: string; id: number }

async function subscribe(client: ApiClient, receiver: WebhookReceiver, events: string[]) {
  const admin = await UserFactory.apply('admin').create()
  const auth = await bearer(admin)
  const created = await client
    .post('/api/v1/webhooks')
    .header('Authorization', auth)
    .json({ url: receiver.url, events })
  created.assertStatus(201)
  await publishWorkflow(reviewDefinition(), admin)
  return { admin, auth, secret: created.body().data.secret, id: created.body().data.id } as Setup
}

const start = (actor: User, title = 'Spec v2') =>
  new StartProcess().handle({ workflowKey: 'doc-review', title, data: { title }, actor })

test.group('Webhooks / deliveries', (group) => {
  freshDatabase(group)
  let receiver: WebhookReceiver
  group.each.setup(async () => {
    receiver = await WebhookReceiver.start()
    return () => receiver.close()
  })
  group.teardown(() => stopQueues())

  test('a started process is delivered through the outbox and verifies with the official standardwebhooks package', async ({
    client,
    assert,
  }) => {
    const { admin, secret } = await subscribe(client, receiver, ['process.started'])
    const { process } = await start(admin)
    await drainOutbox()

    assert.lengthOf(receiver.received, 1)
    const [hook] = receiver.received
    const message = verified(secret, hook!)
    assert.equal(message.type, 'process.started')
    assert.equal(message.data.process.reference, process.reference)
    assert.equal(message.data.event.type, 'started')
    assert.isString(message.timestamp)
    assert.match(String(hook!.headers['webhook-signature']), /^v1,[A-Za-z0-9+/]+=*$/)
    assert.equal(hook!.contentType, 'application/json')
    // A wrong secret does not verify.
    assert.throws(() => verified(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, hook!))

    const delivery = await WebhookDelivery.firstOrFail()
    assert.equal(delivery.status, 'succeeded')
    assert.equal(delivery.responseStatus, 200)
    assert.equal(delivery.messageId, hook!.headers['webhook-id'])
  })

  test('a transition into a completed end stage sends transitioned and completed; other types are not sent', async ({
    client,
    assert,
  }) => {
    const { admin } = await subscribe(client, receiver, [
      'process.transitioned',
      'process.completed',
    ])
    const { process } = await start(admin)
    const moved = await new TransitionProcess().handle({
      process,
      transition: 'submit',
      expectedVersion: 1,
      actor: { id: admin.id, role: 'admin' },
    })
    await new TransitionProcess().handle({
      process: moved.process,
      transition: 'approve',
      expectedVersion: 2,
      actor: { id: admin.id, role: 'admin' },
    })
    await drainOutbox()
    const types = receiver.received.map((r) => (r.body as { type: string }).type).sort()
    assert.deepEqual(types, ['process.completed', 'process.transitioned', 'process.transitioned'])
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']))
    assert.equal(ids.size, 3)
  })

  test('after a 500 the retry carries the same webhook-id, and the log records both attempts', async ({
    client,
    assert,
  }) => {
    const { admin, secret } = await subscribe(client, receiver, ['process.started'])
    receiver.status = 500
    await start(admin)
    await drainOutbox()
    const failed = await WebhookDelivery.firstOrFail()
    assert.equal(failed.status, 'pending')
    assert.equal(failed.attempts, 1)
    assert.equal(failed.responseStatus, 500)
    assert.equal(failed.responseSnippet, 'failing on purpose')
    assert.isNotNull(failed.nextAttemptAt)
    // The retry is a delayed outbox message (due in 5 s), not yet published.
    const scheduled = await db
      .from('outbox_messages')
      .where('topic', 'webhook.deliver')
      .where('status', 'pending')
    assert.lengthOf(scheduled, 1)

    receiver.status = 200
    await new DeliverWebhook().handle({
      deliveryId: failed.id,
      outboxId: scheduled[0].id,
      now: failed.nextAttemptAt!,
    })
    assert.lengthOf(receiver.received, 2)
    assert.equal(
      receiver.received[0]!.headers['webhook-id'],
      receiver.received[1]!.headers['webhook-id']
    )
    assert.equal(receiver.received[0]!.raw, receiver.received[1]!.raw)
    verified(secret, { ...receiver.received[1]!, headers: { ...receiver.received[1]!.headers } })
    await failed.refresh()
    assert.equal(failed.status, 'succeeded')
    assert.equal(failed.attempts, 2)
    const subscription = await WebhookSubscription.firstOrFail()
    assert.isNull(subscription.failingSince)
  })

  test('after rotation both secrets sign (two signatures), each verifies; the old one stops after 24 h', async ({
    client,
    assert,
  }) => {
    const { admin, auth, secret: old, id } = await subscribe(client, receiver, ['process.started'])
    const rotated = await client.post(`/api/v1/webhooks/${id}/rotate`).header('Authorization', auth)
    rotated.assertStatus(200)
    const fresh = rotated.body().data.secret as string
    assert.notEqual(fresh, old)
    assert.isString(rotated.body().data.previousSecretExpiresAt)

    await start(admin)
    await drainOutbox()
    const [hook] = receiver.received
    assert.lengthOf(String(hook!.headers['webhook-signature']).split(' '), 2)
    assert.equal(verified(old, hook!).type, 'process.started')
    assert.equal(verified(fresh, hook!).type, 'process.started')

    // Redelivered 25 hours later: only the new secret signs.
    const delivery = await WebhookDelivery.firstOrFail()
    await new DeliverWebhook().handle({
      deliveryId: delivery.id,
      outboxId: 1,
      manual: true,
      now: DateTime.now().plus({ hours: 25 }),
    })
    const late = receiver.received[1]!
    assert.lengthOf(String(late.headers['webhook-signature']).split(' '), 1)
  })

  test('the delivery log lists attempts; redeliver sends the same message again', async ({
    client,
    assert,
  }) => {
    const { admin, auth, id } = await subscribe(client, receiver, ['process.started'])
    await start(admin)
    await drainOutbox()
    const log = await client.get(`/api/v1/webhooks/${id}/deliveries`).header('Authorization', auth)
    log.assertStatus(200)
    const [entry] = log.body().data
    assert.equal(entry.status, 'succeeded')
    assert.equal(entry.attempts, 1)
    assert.equal(entry.responseStatus, 200)
    assert.isNumber(entry.durationMs)
    assert.equal(entry.responseSnippet, 'ok')

    const again = await client
      .post(`/api/v1/webhooks/${id}/deliveries/${entry.id}/redeliver`)
      .header('Authorization', auth)
    again.assertStatus(202)
    await drainOutbox()
    assert.lengthOf(receiver.received, 2)
    assert.equal(receiver.received[1]!.headers['webhook-id'], entry.messageId)
    const after = await client
      .get(`/api/v1/webhooks/${id}/deliveries`)
      .header('Authorization', auth)
    assert.equal(after.body().data[0].attempts, 2)
    await expectStatus(
      client
        .post(`/api/v1/webhooks/${id}/deliveries/999999/redeliver`)
        .header('Authorization', auth),
      404
    )
  })

  test('a subscription failing for 24 hours is disabled and its owner notified', async ({
    client,
    assert,
  }) => {
    const { admin } = await subscribe(client, receiver, ['process.started'])
    receiver.status = 503
    await start(admin)
    await drainOutbox()
    const delivery = await WebhookDelivery.firstOrFail()
    const subscription = await WebhookSubscription.firstOrFail()
    assert.isNotNull(subscription.failingSince)
    const since = subscription.failingSince!

    // Still failing 23 hours later: retried, not disabled.
    await new DeliverWebhook().handle({
      deliveryId: delivery.id,
      outboxId: 1,
      now: since.plus({ hours: 23 }),
    })
    await subscription.refresh()
    assert.isTrue(subscription.enabled)

    await new DeliverWebhook().handle({
      deliveryId: delivery.id,
      outboxId: 2,
      now: since.plus({ milliseconds: DISABLE_AFTER_MS + 1000 }),
    })
    await subscription.refresh()
    assert.isFalse(subscription.enabled)
    assert.match(subscription.disabledReason!, /24 hours/)
    await delivery.refresh()
    assert.equal(delivery.status, 'failed')
    const notices = await Notification.query()
      .where('user_id', admin.id)
      .where('kind', 'webhook_disabled')
    assert.lengthOf(notices, 1)
    assert.lengthOf(receiver.received, 3)

    // A disabled subscription gets no new deliveries.
    await start(admin, 'Another')
    await drainOutbox()
    assert.equal(await countOf(WebhookDelivery), 1)
  })

  test('a destination the egress guard refuses at delivery time is not called and not retried', async ({
    client,
    assert,
  }) => {
    const { admin } = await subscribe(client, receiver, ['process.started'])
    const saved = automationConfig.egress.allowedHosts
    automationConfig.egress.allowedHosts = AllowList.parse('')
    try {
      await start(admin)
      await drainOutbox()
    } finally {
      automationConfig.egress.allowedHosts = saved
    }
    assert.lengthOf(receiver.received, 0)
    const delivery = await WebhookDelivery.firstOrFail()
    assert.equal(delivery.status, 'failed')
    assert.match(delivery.error!, /Refused to call/)
    assert.isNull(delivery.nextAttemptAt)
  })
})
