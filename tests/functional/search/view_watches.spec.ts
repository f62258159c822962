import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import SaveNotificationPreferences from '#actions/notifications/notification_preferences'
import StartProcess from '#actions/processes/start_process'
import UpdateProcessData from '#actions/processes/update_process_data'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import { evaluateWatches } from '#actions/views/view_watches'
import { forgetWatching } from '#actions/views/view_watch_outbox'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { teamWith } from '#tests/helpers/access_fixtures'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'

const BIG = { 'workflow': 'purchase', 'data.amount[gt]': '1000' }

async function matchNotices(user: User) {
  const rows = await db
    .from('notifications')
    .where({ user_id: user.id, kind: 'view_match', channel: 'in_app' })
    .select('process_id', 'title', 'outbox_message_id')
    .orderBy('id')
  return rows as { process_id: number; title: string; outbox_message_id: number }[]
}

async function watchMessages() {
  return db.from('outbox_messages').where('topic', 'view.watch').orderBy('id')
}

test.group('Search / watched views', (group) => {
  freshDatabase(group)
  group.each.setup(() => {
    forgetWatching()
    mail.fake()
    return () => mail.restore()
  })
  group.teardown(async () => {
    await stopQueues()
    await truncateAll()
  })

  test('nobody watches: a change writes no watch message', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Chairs',
      data: { amount: 5000 },
      actor: admin,
    })
    await new UpdateProcessData().handle({
      process,
      data: { amount: 6000 },
      expectedVersion: 1,
      actorId: admin.id,
    })
    assert.lengthOf(await watchMessages(), 0)
  })

  test('a watcher is notified once when a process newly matches, again only after it stopped matching', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(purchaseDefinition, admin)
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Big purchases', filters: BIG })
      .withGuard('api')
      .loginAs(manager)
    const id = created.body().data.id
    assert.isFalse(created.body().data.watching)
    const watched = await client.put(`/api/v1/views/${id}/watch`).withGuard('api').loginAs(manager)
    watched.assertStatus(200)
    assert.isTrue(watched.body().data.watching)
    // Idempotent.
    const again = await client.put(`/api/v1/views/${id}/watch`).withGuard('api').loginAs(manager)
    again.assertStatus(200)

    let { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Chairs',
      data: { amount: 100 },
      actor: admin,
    })
    await drainOutbox()
    assert.lengthOf(await matchNotices(manager), 0, 'a small purchase does not match')

    const update = async (amount: number, expectedVersion: number) => {
      ;({ process } = await new UpdateProcessData().handle({
        process,
        data: { amount },
        expectedVersion,
        actorId: admin.id,
      }))
    }
    await update(2000, 1)
    await drainOutbox()
    const [notice] = await matchNotices(manager)
    assert.equal(notice.process_id, process.id)
    assert.include(notice.title, 'Big purchases')
    assert.lengthOf(await matchNotices(manager), 1)

    // The job run again (the same message, or a later one where it still matches): nothing new.
    await evaluateWatches(process.id, notice.outbox_message_id)
    await update(3000, 2)
    await drainOutbox()
    const messages = await watchMessages()
    await evaluateWatches(process.id, Number(messages.at(-1).id))
    assert.lengthOf(await matchNotices(manager), 1)

    // It stops matching, then matches again: notified again.
    await update(5, 3)
    await drainOutbox()
    assert.lengthOf(await matchNotices(manager), 1)
    await update(4000, 4)
    await drainOutbox()
    assert.lengthOf(await matchNotices(manager), 2)

    // Stopped watching: no more notices, and the view says so.
    const stopped = await client
      .delete(`/api/v1/views/${id}/watch`)
      .withGuard('api')
      .loginAs(manager)
    stopped.assertStatus(204)
    const shown = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(manager)
    assert.isFalse(shown.body().data.watching)
    await update(5, 5)
    await update(4500, 6)
    await drainOutbox()
    assert.lengthOf(await matchNotices(manager), 2)
  })

  test('a watcher is not notified of a process of a workflow hidden from them', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    const outsider = await UserFactory.create()
    const { workflow } = await publishWorkflow(purchaseDefinition, admin)
    await teamWith('buyers', [manager, member])
    // A view of no one workflow: the process list's access rules alone keep it out.
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Active', filters: { status: 'active' }, visibility: 'team', team: 'buyers' })
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    const id = created.body().data.id
    for (const user of [manager, member]) {
      const watched = await client.put(`/api/v1/views/${id}/watch`).withGuard('api').loginAs(user)
      watched.assertStatus(200)
    }
    // Someone the view is not shared with may not watch it (404, as missing).
    const refused = await client.put(`/api/v1/views/${id}/watch`).withGuard('api').loginAs(outsider)
    refused.assertStatus(404)
    await teamWith('finance', [manager])
    await new SaveWorkflowAccess().handle(workflow, { see: [{ team: 'finance' }] })

    await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Secret',
      data: { amount: 10 },
      actor: admin,
    })
    await drainOutbox()
    assert.lengthOf(await matchNotices(manager), 1)
    assert.lengthOf(await matchNotices(member), 0)
    assert.lengthOf(await matchNotices(outsider), 0)
  })
  test('the list page toggles watching a view', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    await client
      .post('/views')
      .json({ name: 'Mine', filters: BIG })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    const propsOf = async () => {
      const page = await client.get('/processes').loginAs(manager).withInertia()
      return (page.inertiaProps as any).views as { id: number; watching: boolean }[]
    }
    const watchingNow = async () => {
      const [first] = await propsOf()
      return first.watching
    }
    const [view] = await propsOf()
    assert.isFalse(view.watching)
    const on = await client
      .post(`/views/${view.id}/watch`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    on.assertStatus(302)
    assert.isTrue(await watchingNow())
    const off = await client
      .delete(`/views/${view.id}/watch`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    off.assertStatus(302)
    assert.isFalse(await watchingNow())
  })

  test('the worker e-mails a new match exactly once, as the watcher’s preferences say', async ({
    client,
    assert,
  }) => {
    const { messages } = mail.fake()
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const quiet = await UserFactory.apply('manager').create()
    await publishWorkflow(purchaseDefinition, admin)
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Big purchases', filters: BIG, visibility: 'role', role: 'manager' })
      .withGuard('api')
      .loginAs(manager)
    const id = created.body().data.id
    for (const user of [manager, quiet]) {
      const watched = await client.put(`/api/v1/views/${id}/watch`).withGuard('api').loginAs(user)
      watched.assertStatus(200)
    }
    // One watcher wants view matches in the app only.
    await new SaveNotificationPreferences().handle({
      userId: quiet.id,
      preferences: { view_match: { inApp: true, email: false } },
    })

    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Forklift',
      data: { amount: 25_000 },
      actor: admin,
    })
    await drainOutbox()

    messages.assertSentCount(1)
    messages.assertSent({
      to: manager.email,
      subject: `[Stageflow] ${process.reference} now matches “Big purchases”`,
    })
    const emailed = await db
      .from('notifications')
      .where({ kind: 'view_match', channel: 'email' })
      .select('user_id', 'status', 'process_id')
    assert.deepEqual(
      emailed.map((row) => [Number(row.user_id), row.status, Number(row.process_id)]),
      [[manager.id, 'delivered', process.id]]
    )
    assert.lengthOf(await matchNotices(quiet), 1, 'in the app still')

    // The same message again, and a later change where it still matches: no second e-mail.
    const [message] = await watchMessages()
    await evaluateWatches(process.id, Number(message.id))
    await new UpdateProcessData().handle({
      process,
      data: { amount: 30_000 },
      expectedVersion: 1,
      actorId: admin.id,
    })
    await drainOutbox()
    messages.assertSentCount(1)
  })
})
