import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Notification from '#models/notification'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

let outboxId = 1000

/**
 * The SQL statements run while `work` runs (knex reports every query it
 * sends; the test server shares this process).
 */
async function sqlDuring<T>(work: () => Promise<T>) {
  const knex = db.getRawConnection(db.primaryConnectionName)!.connection!.client!
  const statements: string[] = []
  const listener = (query: { sql: string }) => statements.push(query.sql)
  knex.on('query', listener)
  try {
    return { result: await work(), statements }
  } finally {
    knex.off('query', listener)
  }
}

/**
 * Notification rows as the delivery job writes them (one per outbox
 * message, user and channel), oldest first.
 */
async function notify(user: User, count: number, values: Record<string, unknown> = {}) {
  const rows = Array.from({ length: count }, (_, i) => ({
    user_id: user.id,
    outbox_message_id: ++outboxId,
    channel: 'in_app',
    kind: 'moved',
    process_id: null,
    title: `Notice ${i + 1}`,
    body: `Body ${i + 1}`,
    status: 'delivered',
    read_at: null,
    created_at: sqlTime(DateTime.now().minus({ minutes: count - i })),
    ...values,
  }))
  await db.table('notifications').multiInsert(rows)
  return Notification.query().where('user_id', user.id).orderBy('id', 'desc')
}

async function startAssigned(manager: User, assignee: User) {
  const { process } = await new StartProcess().handle({
    workflowKey: 'order-fulfilment',
    title: 'For you',
    assigneeId: assignee.id,
    actor: manager,
  })
  return process
}

test.group('Notifications / list and read', (group) => {
  freshDatabase(group)

  test('the list shows my in-app notifications newest first, 20 a page', async ({
    client,
    assert,
  }) => {
    const me = await UserFactory.create()
    const someoneElse = await UserFactory.create()
    await notify(me, 23)
    await notify(me, 1, { channel: 'email', title: 'The e-mail copy' })
    await notify(someoneElse, 2, { title: 'Not mine' })

    const first = await client.get('/notifications').loginAs(me).withInertia()
    first.assertStatus(200)
    first.assertInertiaComponent('notifications/index')
    const props = first.inertiaProps as any
    assert.equal(props.notifications.metadata.total, 23)
    assert.lengthOf(props.notifications.data, 20)
    assert.equal(props.notifications.data[0].title, 'Notice 23')
    assert.equal(props.unreadNotifications, 23)
    assert.equal(props.filter, 'all')
    assert.notInclude(
      (props.notifications.data as any[]).map((n) => n.title),
      'The e-mail copy'
    )

    const second = await client.get('/notifications').qs({ page: 2 }).loginAs(me).withInertia()
    assert.deepEqual(
      ((second.inertiaProps as any).notifications.data as any[]).map((n) => n.title),
      ['Notice 3', 'Notice 2', 'Notice 1']
    )
  })

  test('the unread filter leaves read ones out; an empty list says so', async ({
    client,
    assert,
  }) => {
    const me = await UserFactory.create()
    const [newest] = await notify(me, 3)
    await db
      .from('notifications')
      .whereNot('id', newest!.id)
      .update({ read_at: sqlTime(DateTime.now()) })

    const unread = await client
      .get('/notifications')
      .qs({ filter: 'unread' })
      .loginAs(me)
      .withInertia()
    const props = unread.inertiaProps as any
    assert.equal(props.filter, 'unread')
    assert.deepEqual(
      (props.notifications.data as any[]).map((n) => [n.id, n.read]),
      [[newest!.id, false]]
    )

    const nobody = await UserFactory.create()
    const empty = await client.get('/notifications').loginAs(nobody).withInertia()
    assert.deepEqual((empty.inertiaProps as any).notifications.data, [])
  })

  test('the bell count is one indexed COUNT of my unread in-app notifications', async ({
    client,
    assert,
  }) => {
    const me = await UserFactory.create()
    await notify(me, 4)
    await notify(me, 2, { read_at: sqlTime(DateTime.now()) })
    await notify(me, 3, { channel: 'email' })
    await notify(await UserFactory.create(), 5)

    const { result: response, statements } = await sqlDuring(() =>
      client.get('/notifications/unread').loginAs(me).header('accept', 'application/json')
    )
    response.assertStatus(200)
    response.assertBody({ unread: 4 })
    assert.equal(response.header('cache-control'), 'no-store')
    const onNotifications = statements.filter((sql) => /notifications/.test(sql))
    assert.lengthOf(onNotifications, 1)
    assert.match(onNotifications[0]!, /count\(\*\)/i)
  })

  test('marking one read; someone else’s notification is not found', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const other = await UserFactory.create()
    const [mine] = await notify(me, 2)
    const [theirs] = await notify(other, 1)

    const response = await client
      .post(`/notifications/${mine!.id}/read`)
      .loginAs(me)
      .withCsrfToken()
      .header('referer', '/notifications')
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/notifications')
    await mine!.refresh()
    assert.isNotNull(mine!.readAt)

    const denied = await client
      .post(`/notifications/${theirs!.id}/read`)
      .loginAs(me)
      .withCsrfToken()
      .withInertia()
    denied.assertStatus(404)
    await theirs!.refresh()
    assert.isNull(theirs!.readAt)

    const count = await client
      .get('/notifications/unread')
      .loginAs(me)
      .header('accept', 'application/json')
    count.assertBody({ unread: 1 })
  })

  test('mark all read touches only my unread in-app notifications', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const other = await UserFactory.create()
    await notify(me, 3)
    await notify(other, 2)

    const response = await client
      .post('/notifications/read')
      .loginAs(me)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/notifications')
    assert.equal(response.flashMessage('success'), '3 notifications marked as read.')

    const mine = await Notification.query().where('user_id', me.id)
    assert.isTrue(mine.every((n) => n.readAt !== null))
    const theirs = await Notification.query().where('user_id', other.id)
    assert.isTrue(theirs.every((n) => n.readAt === null))
  })

  test('opening a notification marks it read and goes to its process', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const me = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const process = await startAssigned(manager, me)
    await drainOutbox()
    mail.restore()

    const notification = await Notification.query()
      .where('user_id', me.id)
      .where('channel', 'in_app')
      .firstOrFail()
    assert.equal(notification.processId, process.id)

    const response = await client
      .post(`/notifications/${notification.id}/open`)
      .loginAs(me)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/processes/${process.id}`)
    await notification.refresh()
    assert.isNotNull(notification.readAt)
  })

  test('signed-out visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/notifications').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})

test.group('Notifications / preferences', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => () => mail.restore())

  test('the page shows every kind with its defaults until I choose', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const response = await client.get('/notifications/preferences').loginAs(me).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('notifications/preferences')
    assert.deepEqual((response.inertiaProps as any).preferences, [
      { kind: 'assigned', inApp: true, email: true },
      { kind: 'moved', inApp: true, email: false },
      { kind: 'sla_breached', inApp: true, email: true },
      { kind: 'mentioned', inApp: true, email: true },
      { kind: 'view_match', inApp: true, email: true },
    ])
  })

  test('saving stores one row per kind and saving again updates it', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const save = (preferences: Record<string, unknown>) =>
      client
        .put('/notifications/preferences')
        .json({ preferences })
        .loginAs(me)
        .withCsrfToken()
        .redirects(0)

    const first = await save({ assigned: { inApp: false, email: true } })
    first.assertStatus(302)
    first.assertHeader('location', '/notifications/preferences')
    await save({
      assigned: { inApp: true, email: false },
      moved: { inApp: false, email: true },
    })

    const rows = await db
      .from('notification_preferences')
      .where('user_id', me.id)
      .orderBy('kind')
      .select('kind', 'in_app', 'email')
    assert.deepEqual(
      rows.map((r) => [r.kind, Boolean(r.in_app), Boolean(r.email)]),
      [
        ['assigned', true, false],
        ['moved', false, true],
      ]
    )
  })

  test('a malformed choice is refused and nothing is saved', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const response = await client
      .put('/notifications/preferences')
      .json({ preferences: { assigned: { inApp: 'maybe', email: true } } })
      .loginAs(me)
      .withCsrfToken()
      .header('referer', '/notifications/preferences')
      .redirects(0)
    response.assertStatus(302)
    assert.properties(response.flashMessage('inputErrorsBag') ?? {}, ['preferences.assigned.inApp'])
    const rows = await db.from('notification_preferences').where('user_id', me.id)
    assert.lengthOf(rows, 0)
  })

  test('preferences decide delivery: in-app off, e-mail on, then back', async ({
    client,
    assert,
  }) => {
    const { messages } = mail.fake()
    const manager = await UserFactory.apply('manager').create()
    const me = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const save = (choice: { inApp: boolean; email: boolean }) =>
      client
        .put('/notifications/preferences')
        .json({ preferences: { assigned: choice } })
        .loginAs(me)
        .withCsrfToken()
        .redirects(0)

    await save({ inApp: false, email: true })
    await startAssigned(manager, me)
    await drainOutbox()
    let rows = await Notification.query().where('user_id', me.id)
    assert.deepEqual(
      rows.map((r) => r.channel),
      ['email']
    )
    messages.assertSentCount(1)
    const page = await client.get('/notifications').loginAs(me).withInertia()
    assert.deepEqual((page.inertiaProps as any).notifications.data, [])

    await save({ inApp: true, email: false })
    await startAssigned(manager, me)
    await drainOutbox()
    rows = await Notification.query().where('user_id', me.id).orderBy('id')
    assert.deepEqual(
      rows.map((r) => r.channel),
      ['email', 'in_app']
    )
    messages.assertSentCount(1)
    const bell = await client
      .get('/notifications/unread')
      .loginAs(me)
      .header('accept', 'application/json')
    bell.assertBody({ unread: 1 })
  })
})
