import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import User from '#models/user'
import ProcessEvent from '#models/process_event'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

/**
 * Attachments, notifications and accounts over /api/v1 (every answer is
 * also checked against the OpenAPI document by the contract hook).
 */
const fields = (response: any) => response.body().errors.map((e: any) => e.field)
/** Sends the request and checks the status of the answer. */
async function expectStatus(request: Promise<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
}
const as = (user: User) => (request: any) => request.withGuard('api').loginAs(user)

async function notify(user: User, title: string, read = false) {
  const [id] = await db.table('notifications').insert({
    user_id: user.id,
    outbox_message_id: Math.floor(Math.random() * 1e9),
    channel: 'in_app',
    kind: 'moved',
    process_id: null,
    title,
    body: null,
    status: 'delivered',
    read_at: read ? DateTime.now().toSQL({ includeOffset: false }) : null,
    created_at: DateTime.now().toSQL({ includeOffset: false }),
  })
  return Number(id)
}

test.group('API parity / attachments', (group) => {
  freshDatabase(group)

  test('a file is uploaded as multipart, listed by cursor and downloaded with the same bytes', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [process, other] = await startProcesses(2, manager)
    const url = `/api/v1/processes/${process!.id}/attachments`

    const ids: number[] = []
    for (const name of ['a.txt', 'b.csv', 'c.txt']) {
      const upload = await as(member)(
        client.post(url).file('file', Buffer.from(`hello ${name}\n`), { filename: name })
      )
      upload.assertStatus(201)
      assert.include(upload.body().data, { fileName: name, processId: process!.id })
      ids.push(upload.body().data.id)
    }
    const events = await ProcessEvent.query()
      .where('process_id', process!.id)
      .where('type', 'attachment_added')
    assert.lengthOf(events, 3)

    const first = await as(member)(client.get(url).qs({ limit: 2 }))
    first.assertStatus(200)
    assert.deepEqual(
      first.body().data.map((a: any) => a.id),
      [ids[2], ids[1]]
    )
    const second = await as(member)(
      client.get(url).qs({ limit: 2, cursor: first.body().metadata.nextCursor })
    )
    assert.deepEqual(
      second.body().data.map((a: any) => a.id),
      [ids[0]]
    )
    assert.isNull(second.body().metadata.nextCursor)

    const download = await as(member)(client.get(`${url}/${ids[1]}`))
    download.assertStatus(200)
    assert.equal(download.text(), 'hello b.csv\n')
    assert.match(download.header('content-type')!, /^text\/csv/)

    // Another process's attachment is not found through this one.
    await expectStatus(
      as(member)(client.get(`/api/v1/processes/${other!.id}/attachments/${ids[1]}`)),
      404
    )
    await expectStatus(as(member)(client.get('/api/v1/processes/999999/attachments')), 404)
    await expectStatus(client.get(url), 401)
  })

  test('a missing file, a disguised file or a bad cursor is 422 with the field', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [process] = await startProcesses(1, manager)
    const url = `/api/v1/processes/${process!.id}/attachments`

    const none = await as(manager)(client.post(url).fields({ note: 'x' }))
    none.assertStatus(422)
    assert.include(fields(none), 'file')
    const disguised = await as(manager)(
      client.post(url).file('file', Buffer.from('<html></html>'), { filename: 'x.png' })
    )
    disguised.assertStatus(422)
    assert.include(fields(disguised), 'file')
    const cursor = await as(manager)(client.get(url).qs({ cursor: '!!' }))
    cursor.assertStatus(422)
    assert.include(fields(cursor), 'cursor')
  })
})

test.group('API parity / notifications', (group) => {
  freshDatabase(group)

  test('the owner lists, filters, pages and marks read; another person’s is 404', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const other = await UserFactory.create()
    const ids = [
      await notify(member, 'one'),
      await notify(member, 'two'),
      await notify(member, 'three'),
    ]
    await notify(member, 'old', true)
    const theirs = await notify(other, 'theirs')
    const api = as(member)

    const page = await api(client.get('/api/v1/notifications').qs({ filter: 'unread', limit: 2 }))
    page.assertStatus(200)
    assert.deepEqual(
      page.body().data.map((n: any) => n.title),
      ['three', 'two']
    )
    assert.equal(page.body().metadata.unread, 3)
    const rest = await api(
      client
        .get('/api/v1/notifications')
        .qs({ filter: 'unread', limit: 2, cursor: page.body().metadata.nextCursor })
    )
    assert.deepEqual(
      rest.body().data.map((n: any) => n.title),
      ['one']
    )
    const all = await api(client.get('/api/v1/notifications'))
    assert.lengthOf(all.body().data, 4)

    const read = await api(client.post(`/api/v1/notifications/${ids[0]}/read`))
    read.assertStatus(200)
    assert.include(read.body().data, { id: ids[0], read: true })
    await expectStatus(api(client.post(`/api/v1/notifications/${theirs}/read`)), 404)
    const untouched = await db.from('notifications').where('id', theirs).first()
    assert.isNull(untouched.read_at)

    const marked = await api(client.post('/api/v1/notifications/read'))
    marked.assertStatus(200)
    assert.equal(marked.body().data.marked, 2)
    const after = await api(client.get('/api/v1/notifications').qs({ filter: 'unread' }))
    assert.lengthOf(after.body().data, 0)
    assert.equal(after.body().metadata.unread, 0)

    await expectStatus(client.get('/api/v1/notifications'), 401)
    const bad = await api(client.get('/api/v1/notifications').qs({ filter: 'some' }))
    bad.assertStatus(422)
    assert.include(fields(bad), 'filter')
  })
})

test.group('API parity / users', (group) => {
  freshDatabase(group)

  test('an admin lists by cursor, creates, changes a role and deactivates (which ends tokens)', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').merge({ name: 'Ada' }).create()
    // Fixed names and e-mails: a random one may contain "ada" (Adam, Canada…).
    for (const name of ['Bo', 'Cy', 'Di']) {
      await UserFactory.merge({ name, email: `${name.toLowerCase()}@example.test` }).create()
    }
    const api = as(admin)

    const first = await api(client.get('/api/v1/users').qs({ limit: 2 }))
    first.assertStatus(200)
    assert.lengthOf(first.body().data, 2)
    const second = await api(
      client.get('/api/v1/users').qs({ limit: 2, cursor: first.body().metadata.nextCursor })
    )
    assert.lengthOf(second.body().data, 2)
    assert.isNull(second.body().metadata.nextCursor)
    const seen = [...first.body().data, ...second.body().data].map((u: any) => u.id)
    assert.lengthOf(new Set(seen), 4)
    const found = await api(client.get('/api/v1/users').qs({ q: 'ada' }))
    assert.deepEqual(
      found.body().data.map((u: any) => u.id),
      [admin.id]
    )

    const created = await api(
      client.post('/api/v1/users').json({
        name: 'New Person',
        email: 'New.Person@Example.com',
        password: 'long-enough-password',
        role: 'member',
      })
    )
    created.assertStatus(201)
    assert.include(created.body().data, {
      email: 'new.person@example.com',
      role: 'member',
      isActive: true,
    })
    const id = created.body().data.id

    const promoted = await api(client.patch(`/api/v1/users/${id}`).json({ role: 'manager' }))
    promoted.assertStatus(200)
    assert.equal(promoted.body().data.role, 'manager')

    const person = await User.findOrFail(id)
    const issued = await User.accessTokens.create(person)
    const token = issued.value!.release()
    await expectStatus(client.get('/api/v1/me').bearerToken(token), 200)
    const deactivated = await api(client.patch(`/api/v1/users/${id}`).json({ isActive: false }))
    deactivated.assertStatus(200)
    assert.isFalse(deactivated.body().data.isActive)
    assert.isString(deactivated.body().data.deactivatedAt)
    await expectStatus(client.get('/api/v1/me').bearerToken(token), 401)
  })

  test('members get 403, admins cannot change themselves, unknown ids 404, bad input 422', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await expectStatus(as(member)(client.get('/api/v1/users')), 403)
    await expectStatus(as(member)(client.post('/api/v1/users').json({})), 403)
    await expectStatus(
      as(member)(client.patch(`/api/v1/users/${admin.id}`).json({ role: 'member' })),
      403
    )
    await expectStatus(
      as(admin)(client.patch(`/api/v1/users/${admin.id}`).json({ isActive: false })),
      403
    )
    await expectStatus(
      as(admin)(client.patch('/api/v1/users/999999').json({ role: 'member' })),
      404
    )

    const duplicate = await as(admin)(
      client
        .post('/api/v1/users')
        .json({ name: 'X', email: member.email, password: 'short', role: 'boss' })
    )
    duplicate.assertStatus(422)
    assert.includeMembers(fields(duplicate), ['email', 'password', 'role'])
    const badRole = await as(admin)(
      client.patch(`/api/v1/users/${member.id}`).json({ role: 'boss' })
    )
    badRole.assertStatus(422)
    assert.include(fields(badRole), 'role')
    const unchanged = await User.findOrFail(member.id)
    assert.equal(unchanged.role, 'member')
  })
})
