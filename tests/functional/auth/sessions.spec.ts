import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { configProvider } from '@adonisjs/core'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import { UserFactory } from '#database/factories/user_factory'
import User from '#models/user'
import { executeJob } from '#queue/runner'
import { freshDatabase } from '#tests/helpers/common'

async function countSessions() {
  const [row] = await db.from('sessions').count('* as n')
  return Number(row.n)
}

/**
 * Tests run with the memory session store (Japa's helpers read it); these
 * use the database store, as the embedded default does.
 */
async function useDatabaseSessionStore() {
  type ResolvedConfig = ConstructorParameters<typeof SessionMiddleware>[0]
  const config = await configProvider.resolve<ResolvedConfig>(app, app.config.get('session'))
  const emitter = await app.container.make('emitter')
  app.container.swap(
    SessionMiddleware,
    () => new SessionMiddleware({ ...config!, store: 'database' }, emitter)
  )
  return () => app.container.restore(SessionMiddleware)
}

test.group('Sessions / stateless routes and clean-up', (group) => {
  freshDatabase(group)
  group.each.setup(() => useDatabaseSessionStore())

  test('a page visit does write a session row with the database store', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    assert.equal(await countSessions(), 1)
  })

  test('50 API calls, health checks and OpenAPI reads write no session row and set no session cookie', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const issued = await User.accessTokens.create(user)
    const token = issued.value!.release()
    const before = await countSessions()

    const paths = [
      '/api/v1/me',
      '/api/v1/openapi.json',
      '/health/live',
      '/health/ready',
      '/api/v1/workflows',
    ]
    for (let call = 0; call < 50; call++) {
      const response = await client.get(paths[call % paths.length]!).bearerToken(token)
      assert.isBelow(response.status(), 500)
      const cookies = (response.headers()['set-cookie'] ?? []) as unknown as string[]
      assert.notOk(cookies.some((c) => c.startsWith('stageflow-session=')))
    }
    const tokens = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: 'wrong' })
    tokens.assertStatus(400)

    assert.equal((await countSessions()) - before, 0)
  })

  test('API routes still answer with the security headers, without a CSRF token', async ({
    client,
  }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('x-frame-options', 'DENY')
  })

  test('the clean-up job deletes expired sessions in batches and keeps live ones', async ({
    assert,
  }) => {
    const now = Date.now()
    const rows = (prefix: string, count: number, offsetMs: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `${prefix}-${i}`,
        data: '{}',
        expires_at: new Date(now + offsetMs),
      }))
    await db
      .table('sessions')
      .multiInsert([...rows('expired', 7, -60_000), ...rows('live', 3, 60 * 60_000)])

    await executeJob({
      jobId: 'prune',
      name: 'prune_sessions',
      payload: { batchSize: 2 },
      attempt: 1,
      maxAttempts: 1,
      progress: async () => {},
    })

    const left = await db.from('sessions').orderBy('id').select('id')
    assert.deepEqual(
      left.map((row) => row.id),
      ['live-0', 'live-1', 'live-2']
    )
  })
})
