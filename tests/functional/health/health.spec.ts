import User from '#models/user'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase } from '#tests/helpers/common'

const TOKEN = 'health-token-for-tests-0123456789'

/** What a readiness answer may show to anyone: the verdict, nothing about the process. */
const PUBLIC_KEYS = ['isHealthy', 'status']

test.group('Health endpoints', (group) => {
  freshDatabase(group)
  group.each.setup(() => {
    const previous = app.config.get('health.token')
    app.config.set('health.token', TOKEN)
    return () => app.config.set('health.token', previous)
  })

  test('liveness answers without a session', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('readiness without a token answers the verdict only: no pid, version, memory or checks', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    assert.sameMembers(Object.keys(response.body()), PUBLIC_KEYS)
    assert.isTrue(response.body().isHealthy)
    // "warning" with Redis and no queue worker running: still ready.
    assert.oneOf(response.body().status, ['ok', 'warning'])
    assert.notMatch(response.text(), /pid|version|heap|memory|checks/i)
  })

  test('a wrong token gets the short answer too', async ({ client, assert }) => {
    const wrong: Record<string, string>[] = [
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: 'Bearer ' },
      { 'x-health-token': TOKEN.slice(0, -1) },
      { authorization: TOKEN },
    ]
    for (const headers of wrong) {
      const response = await client.get('/health/ready').headers(headers)
      response.assertStatus(200)
      assert.sameMembers(Object.keys(response.body()), PUBLIC_KEYS, JSON.stringify(headers))
    }
  })

  test('with no token configured, no header opens the details', async ({ client, assert }) => {
    app.config.set('health.token', undefined)
    const empty: Record<string, string>[] = [{ authorization: 'Bearer ' }, { 'x-health-token': '' }]
    for (const headers of empty) {
      const response = await client.get('/health/ready').headers(headers)
      assert.sameMembers(Object.keys(response.body()), PUBLIC_KEYS, JSON.stringify(headers))
    }
  })

  test('the token (bearer or x-health-token) gets the checks and the process details', async ({
    client,
    assert,
  }) => {
    const right: Record<string, string>[] = [
      { authorization: `Bearer ${TOKEN}` },
      { 'x-health-token': TOKEN },
    ]
    for (const headers of right) {
      const response = await client.get('/health/ready').headers(headers)
      response.assertStatus(200)
      const checks = response.body().checks.map((c: { name: string }) => c.name)
      assert.includeMembers(checks, ['database', 'outbox'])
      assert.isTrue(response.body().isHealthy)
      assert.isNumber(response.body().debugInfo.pid)
    }
  })

  test("an admin's API token gets the details; a manager's does not, nor a browser session", async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const tokenOf = async (user: typeof admin) => {
      const token = await User.accessTokens.create(user)
      return token.value!.release()
    }

    const forAdmin = await client.get('/health/ready').bearerToken(await tokenOf(admin))
    forAdmin.assertStatus(200)
    assert.isArray(forAdmin.body().checks)
    assert.isNumber(forAdmin.body().debugInfo.pid)

    const forManager = await client.get('/health/ready').bearerToken(await tokenOf(manager))
    forManager.assertStatus(200)
    assert.sameMembers(Object.keys(forManager.body()), PUBLIC_KEYS)

    // Health routes carry no session: signing in to the browser opens nothing here.
    const bySession = await client.get('/health/ready').loginAs(admin)
    bySession.assertStatus(200)
    assert.sameMembers(Object.keys(bySession.body()), PUBLIC_KEYS)
  })
})
