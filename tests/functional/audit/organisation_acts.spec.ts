import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import User from '#models/user'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { DEMO_DEFINITIONS } from '#database/definitions/index'

/*
| The acts of the organisation and integration features (teams, workflow
| access, calendars, webhooks) are audited in the transaction of the
| change: one row each, with the actor, the subject and what changed — and
| none for a change that is refused.
*/

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

async function entries() {
  const rows = await db.from('audit_events').orderBy('id').select('*')
  return rows.map((row) => ({
    action: row.action as string,
    actor: row.actor_email as string | null,
    subject: `${row.subject_type}:${row.subject_label}`,
    before: row.before ? JSON.parse(row.before) : null,
    after: row.after ? JSON.parse(row.after) : null,
  }))
}

test.group('Audit / teams, access, calendars and webhooks', (group) => {
  freshDatabase(group)

  test('each act writes one entry; a refused one writes none', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').merge({ email: 'root@example.test' }).create()
    const member = await UserFactory.merge({ email: 'ana@example.test' }).create()
    const token = await tokenOf(admin)
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    await db.from('audit_events').delete()
    const api = (method: 'post' | 'patch' | 'put' | 'delete', url: string, body?: object) =>
      client[method](url)
        .bearerToken(token)
        .json(body ?? {})

    await expectStatus(api('post', '/api/v1/teams', { key: 'finance', name: 'Finance' }), 201)
    await expectStatus(api('patch', '/api/v1/teams/finance', { name: 'Finance team' }), 200)
    await expectStatus(
      api('put', '/api/v1/teams/finance/members', {
        members: [{ email: member.email, lead: true }],
      }),
      200
    )
    // Refused: an unknown e-mail (422) changes nothing and records nothing.
    await expectStatus(
      api('put', '/api/v1/teams/finance/members', { members: [{ email: 'nobody@x.test' }] }),
      422
    )
    await expectStatus(
      api('put', `/api/v1/workflows/${workflow.key}/access`, {
        start: [{ team: 'finance' }],
        see: [{ team: 'finance' }],
        work: [{ team: 'finance' }],
      }),
      200
    )
    await expectStatus(
      api('post', '/api/v1/calendars', {
        key: 'office',
        name: 'Office',
        timeZone: 'Europe/Lisbon',
        hours: { mon: ['09:00-17:00'] },
        holidays: ['2026-12-25'],
      }),
      201
    )
    await expectStatus(
      api('put', '/api/v1/calendars/office', {
        timeZone: 'Europe/Lisbon',
        hours: { mon: ['09:00-13:00'] },
        holidays: [],
      }),
      200
    )
    await expectStatus(api('delete', '/api/v1/teams/finance'), 204)

    const log = await entries()
    assert.deepEqual(
      log.map((entry) => entry.action),
      [
        'team.created',
        'team.updated',
        'team.members_changed',
        'workflow.access_changed',
        'calendar.created',
        'calendar.updated',
        'team.deleted',
      ]
    )
    assert.isTrue(log.every((entry) => entry.actor === 'root@example.test'))
    assert.deepEqual(log[1]!.before, { name: 'Finance' })
    assert.deepEqual(log[2]!.after, { members: [{ userId: member.id, lead: true }] })
    assert.equal(log[3]!.subject, `workflow:${workflow.key}`)
    assert.deepEqual(log[3]!.after.access.see, [{ team: 'finance' }])
    assert.deepEqual(log[5]!.before.hours, { mon: ['09:00-17:00'] })
    assert.deepEqual(log[5]!.after.hours, { mon: ['09:00-13:00'] })
  })

  test('webhook subscriptions: created, changed, rotated and revoked, never with the secret', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const token = await tokenOf(admin)
    const created = await client
      .post('/api/v1/webhooks')
      .bearerToken(token)
      .json({ url: 'http://127.0.0.1:9/hook', events: ['process.started'] })
    created.assertStatus(201)
    const body = created.body() as { data: { id: number; secret: string } }
    const { id, secret } = body.data
    await expectStatus(
      client
        .patch(`/api/v1/webhooks/${id}`)
        .bearerToken(token)
        .json({ events: ['process.started', 'process.completed'] }),
      200
    )
    await expectStatus(client.post(`/api/v1/webhooks/${id}/rotate`).bearerToken(token), 200)
    await expectStatus(client.delete(`/api/v1/webhooks/${id}`).bearerToken(token), 204)

    const log = await entries()
    assert.deepEqual(
      log.map((entry) => entry.action),
      ['webhook.created', 'webhook.updated', 'webhook.secret_rotated', 'webhook.revoked']
    )
    assert.deepEqual(log[1]!.after.events, ['process.started', 'process.completed'])
    const stored = JSON.stringify(await db.from('audit_events').select('*'))
    assert.notInclude(stored, secret)
    assert.notInclude(stored, 'whsec_')
  })
})
