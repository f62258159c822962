import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import User from '#models/user'
import { recordAudit } from '#actions/audit/record_audit'
import { freshDatabase } from '#tests/helpers/common'

/** Sends the request and checks its status. */
async function expectStatus(
  request: PromiseLike<{ assertStatus(status: number): void }>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
}

async function tokenOf(user: User) {
  const token = await User.accessTokens.create(user, ['*'], { name: 'test' })
  return token.value!.release()
}

/** 7 entries: 5 role changes by the admin (users 1..5), a failed sign-in, an alert rule named like a formula. */
async function seed(admin: User) {
  const actor = { id: admin.id, email: admin.email }
  for (let i = 1; i <= 5; i++) {
    await recordAudit(db.connection(), {
      action: 'user.role_changed',
      actor,
      subject: { type: 'user', id: 100 + i, label: `person${i}@example.test` },
      before: { role: 'member' },
      after: { role: 'manager' },
      request: { ip: '10.0.0.1', userAgent: 'Seed' },
    })
  }
  await recordAudit(db.connection(), {
    action: 'auth.login_failed',
    actor: null,
    after: { email: 'intruder@example.test', reason: 'invalid_credentials' },
    request: { ip: '10.0.0.2', userAgent: '=cmd|"/c calc"!A1' },
  })
  await recordAudit(db.connection(), {
    action: 'alert_rule.created',
    actor,
    subject: { type: 'alert_rule', id: 9, label: '=HYPERLINK("http://evil.test","x")' },
    after: { name: 'x, "quoted"\nline' },
    request: null,
  })
}

test.group('Audit / log, API and CSV', (group) => {
  freshDatabase(group)

  test('GET /api/v1/audit pages newest first by cursor, with filters', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await seed(admin)
    const token = await tokenOf(admin)

    const first = await client.get('/api/v1/audit').qs({ limit: 3 }).bearerToken(token)
    first.assertStatus(200)
    const body1 = first.body() as any
    assert.deepEqual(
      body1.data.map((e: any) => e.action),
      ['alert_rule.created', 'auth.login_failed', 'user.role_changed']
    )
    assert.isString(body1.metadata.nextCursor)

    const second = await client
      .get('/api/v1/audit')
      .qs({ limit: 3, cursor: body1.metadata.nextCursor })
      .bearerToken(token)
    const third = await client
      .get('/api/v1/audit')
      .qs({ limit: 3, cursor: (second.body() as any).metadata.nextCursor })
      .bearerToken(token)
    const ids = [...body1.data, ...(second.body() as any).data, ...(third.body() as any).data].map(
      (e: any) => e.id
    )
    assert.lengthOf(ids, 7)
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a)
    )
    assert.isNull((third.body() as any).metadata.nextCursor)

    const byAction = await client.get('/api/v1/audit').qs({ action: 'auth.*' }).bearerToken(token)
    assert.deepEqual(
      (byAction.body() as any).data.map((e: any) => [e.action, e.actor, e.after.email]),
      [['auth.login_failed', null, 'intruder@example.test']]
    )
    const byActor = await client
      .get('/api/v1/audit')
      .qs({ actor: admin.email.toUpperCase() })
      .bearerToken(token)
    assert.lengthOf((byActor.body() as any).data, 6)
    const bySubject = await client
      .get('/api/v1/audit')
      .qs({ subjectType: 'user', subjectId: '103' })
      .bearerToken(token)
    assert.deepEqual(
      (bySubject.body() as any).data.map((e: any) => e.subject),
      [{ type: 'user', id: '103', label: 'person3@example.test' }]
    )
    const today = new Date().toISOString().slice(0, 10)
    const inRange = await client
      .get('/api/v1/audit')
      .qs({ from: today, to: today })
      .bearerToken(token)
    assert.lengthOf((inRange.body() as any).data, 7)
    const before = await client.get('/api/v1/audit').qs({ to: '2020-01-01' }).bearerToken(token)
    assert.lengthOf((before.body() as any).data, 0)
  })

  test('the audit API is for admins; bad filters and cursors are 422', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    const admin = await UserFactory.apply('admin').create()
    await expectStatus(client.get('/api/v1/audit'), 401)
    await expectStatus(client.get('/api/v1/audit').bearerToken(await tokenOf(manager)), 403)
    const token = await tokenOf(admin)
    await expectStatus(
      client.get('/api/v1/audit').qs({ cursor: 'bm90LWEtY3Vyc29y' }).bearerToken(token),
      422
    )
    await expectStatus(
      client.get('/api/v1/audit').qs({ action: 'drop.table' }).bearerToken(token),
      422
    )
    await expectStatus(
      client.get('/api/v1/audit').qs({ from: 'yesterday' }).bearerToken(token),
      422
    )
    await expectStatus(client.get('/api/v1/audit').qs({ limit: 1000 }).bearerToken(token), 422)
  })

  test('Admin → Audit lists entries with filters and a cursor; empty state for no match', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await seed(admin)
    const page = await client.get('/admin/audit').qs({ limit: 4 }).loginAs(admin).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('admin/audit/index')
    const props = page.inertiaProps as any
    assert.lengthOf(props.events, 4)
    assert.isString(props.nextCursor)
    assert.include(props.actions, 'user.created')

    const older = await client
      .get('/admin/audit')
      .qs({ limit: 4, cursor: props.nextCursor })
      .loginAs(admin)
      .withInertia()
    assert.lengthOf((older.inertiaProps as any).events, 3)
    assert.isNull((older.inertiaProps as any).nextCursor)

    const none = await client
      .get('/admin/audit')
      .qs({ action: 'webhook.*' })
      .loginAs(admin)
      .withInertia()
    assert.lengthOf((none.inertiaProps as any).events, 0)
    assert.equal((none.inertiaProps as any).filters.action, 'webhook.*')

    const member = await UserFactory.create()
    await expectStatus(client.get('/admin/audit').loginAs(member), 403)
  })

  test('the CSV export streams every matching entry, escaped against formula injection', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await seed(admin)
    const response = await client.get('/admin/audit.csv').loginAs(admin)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.match(response.header('content-disposition') ?? '', /attachment; filename="audit-/)
    const text = response.text()
    const lines = text.trimEnd().split('\r\n')
    assert.equal(
      lines[0],
      'id,created_at,actor_id,actor_email,action,subject_type,subject_id,subject_label,before,after,ip,user_agent'
    )
    // A quoted newline inside the "after" JSON is escaped, so 7 entries + header.
    assert.include(text, `"'=HYPERLINK(""http://evil.test"",""x"")"`)
    assert.include(text, `"'=cmd|""/c calc""!A1"`)
    assert.notMatch(text, /,=|^=/m)

    const filtered = await client
      .get('/admin/audit.csv')
      .qs({ action: 'user.role_changed' })
      .loginAs(admin)
    assert.lengthOf(filtered.text().trimEnd().split('\r\n'), 6)
    const member = await UserFactory.create()
    await expectStatus(client.get('/admin/audit.csv').loginAs(member), 403)
  })
})
