import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers'

test.group('Health endpoints', (group) => {
  freshDatabase(group)

  test('liveness answers without a session', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('readiness reports the database and the outbox', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    const checks = response.body().checks.map((c: { name: string; status: string }) => c.name)
    assert.includeMembers(checks, ['database', 'outbox'])
    assert.isTrue(response.body().isHealthy)
  })
})
