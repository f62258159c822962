import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Notification from '#models/notification'
import OutboxMessage from '#models/outbox_message'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import { executeJob } from '#queue/runner'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

test.group('Queue / notifications', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.teardown(() => mail.restore())

  test('assigning at start notifies the assignee once, in-app and by e-mail', async ({
    assert,
  }) => {
    const { messages } = mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title: 'n',
      assigneeId: member.id,
      actor: manager,
    })

    await drainOutbox()
    const rows = await Notification.query().where('user_id', member.id)
    assert.sameMembers(
      rows.map((r) => `${r.channel}:${r.kind}:${r.status}`),
      ['in_app:assigned:delivered', 'email:assigned:delivered']
    )
    messages.assertSentCount(1)
    const outbox = await OutboxMessage.firstOrFail()
    assert.equal(outbox.status, 'sent')
  })

  test('handling the same message twice has the effect of once', async ({ assert }) => {
    const { messages } = mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const { process } = await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title: 'n',
      assigneeId: member.id,
      actor: manager,
    })
    await drainOutbox()

    // A duplicate delivery of the same outbox message (e.g. after a crash).
    const message = await OutboxMessage.query().where('process_id', process.id).firstOrFail()
    const payload = { ...message.payload, outboxId: message.id }
    await executeJob({
      jobId: 'dup',
      name: 'deliver_notifications',
      payload,
      attempt: 1,
      maxAttempts: 1,
      progress: async () => {},
    })
    await executeJob({
      jobId: 'dup2',
      name: 'deliver_notifications',
      payload,
      attempt: 1,
      maxAttempts: 1,
      progress: async () => {},
    })

    assert.lengthOf(await Notification.query().where('user_id', member.id), 2) // one in-app, one e-mail
    messages.assertSentCount(1)
  })

  test('followers hear about moves; mentions reach the mentioned; the actor is never notified', async ({
    assert,
  }) => {
    mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const creator = await UserFactory.create()
    const mentioned = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    let { process } = await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title: 'n',
      actor: creator,
    })
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition: 'reserve_inventory',
      expectedVersion: 1,
      actor: manager,
    }))
    await new CommentOnProcess().handle({
      process,
      body: `please check @${mentioned.email}`,
      expectedVersion: 2,
      actorId: creator.id,
    })
    await drainOutbox()

    const byUser = async (id: number) => {
      const rows = await Notification.query().where('user_id', id).where('channel', 'in_app')
      return rows.map((n) => n.kind)
    }
    assert.deepEqual(await byUser(creator.id), ['moved'])
    assert.deepEqual(await byUser(mentioned.id), ['mentioned'])
    assert.deepEqual(await byUser(manager.id), [])
  })

  test('preferences switch channels off', async ({ assert }) => {
    const { messages } = mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await db
      .table('notification_preferences')
      .insert({ user_id: member.id, kind: 'assigned', in_app: true, email: false })
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title: 'n',
      assigneeId: member.id,
      actor: manager,
    })
    await drainOutbox()
    const rows = await Notification.query().where('user_id', member.id)
    assert.deepEqual(
      rows.map((r) => r.channel),
      ['in_app']
    )
    messages.assertNoneSent()
  })
})
