import { test } from '@japa/runner'
import Team from '#models/team'
import { UserFactory } from '#database/factories/user_factory'
import { teamKeysOf } from '#support/teams/membership'
import { freshDatabase, truncateAll } from '#tests/helpers/common'

/** The status check of an awaited request, as one statement. */
function assertStatus(response: { assertStatus(status: number): void }, status: number) {
  response.assertStatus(status)
}

test.group('Teams / API', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('an admin creates, lists, renames and deletes a team', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const api = (method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: object) => {
      const request = client[method](url).withGuard('api').loginAs(admin)
      return body ? request.json(body) : request
    }

    const created = await api('post', '/api/v1/teams', { key: 'finance', name: 'Finance' })
    created.assertStatus(201)
    created.assertBodyContains({ data: { key: 'finance', name: 'Finance', members: [] } })

    const list = await api('get', '/api/v1/teams')
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((t: { key: string }) => t.key),
      ['finance']
    )

    const renamed = await api('patch', '/api/v1/teams/finance', { name: 'Finance & Accounting' })
    renamed.assertStatus(200)
    renamed.assertBodyContains({ data: { key: 'finance', name: 'Finance & Accounting' } })
    const reread = await api('get', '/api/v1/teams/finance')
    reread.assertBodyContains({
      data: { name: 'Finance & Accounting' },
    })

    assertStatus(await api('delete', '/api/v1/teams/finance'), 204)
    assertStatus(await api('get', '/api/v1/teams/finance'), 404)
    assert.isNull(await Team.findBy('key', 'finance'))
  })

  test('a taken key is 409 team_exists; a bad key or name is 422 with field messages', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await Team.create({ key: 'hr', name: 'HR' })
    const again = await client
      .post('/api/v1/teams')
      .json({ key: 'hr', name: 'Other HR' })
      .withGuard('api')
      .loginAs(admin)
    again.assertStatus(409)
    again.assertBodyContains({ errors: [{ code: 'team_exists' }] })

    const bad = await client
      .post('/api/v1/teams')
      .json({ key: 'Not a key!', name: '' })
      .withGuard('api')
      .loginAs(admin)
    bad.assertStatus(422)
    bad.assertBodyContains({ errors: [{ field: 'key' }, { field: 'name' }] })
  })

  test('PUT members replaces the list with leads; unknown e-mails are 422 per entry and change nothing', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const ana = await UserFactory.merge({ name: 'Ana' }).create()
    const bruno = await UserFactory.merge({ name: 'Bruno' }).create()
    await Team.create({ key: 'finance', name: 'Finance' })
    const put = (members: object[]) =>
      client.put('/api/v1/teams/finance/members').json({ members }).withGuard('api').loginAs(admin)

    const saved = await put([
      { email: ana.email.toUpperCase(), lead: true },
      { email: bruno.email },
    ])
    saved.assertStatus(200)
    assert.deepEqual(
      saved.body().data.members.map((m: { name: string; lead: boolean }) => [m.name, m.lead]),
      [
        ['Ana', true],
        ['Bruno', false],
      ]
    )
    assert.deepEqual(await teamKeysOf(bruno.id), ['finance'])

    const refused = await put([{ email: ana.email }, { email: 'nobody@example.test' }])
    refused.assertStatus(422)
    refused.assertBodyContains({
      errors: [{ field: 'members.1.email', code: 'unknown_email' }],
    })
    assert.deepEqual(await teamKeysOf(bruno.id), ['finance'], 'nothing changed')

    assertStatus(await put([]), 200)
    assert.deepEqual(await teamKeysOf(bruno.id), [])
  })

  test('teams are for admins: a manager gets 403', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    assertStatus(await client.get('/api/v1/teams').withGuard('api').loginAs(manager), 403)
    assertStatus(
      await client
        .post('/api/v1/teams')
        .json({ key: 'x', name: 'X' })
        .withGuard('api')
        .loginAs(manager),
      403
    )
  })

  test('a manager sees the teams they lead; a member sees their teams on the profile', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const lead = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    for (const key of ['finance', 'hr']) {
      await client.post('/api/v1/teams').json({ key, name: key }).withGuard('api').loginAs(admin)
    }
    await client
      .put('/api/v1/teams/finance/members')
      .json({ members: [{ email: lead.email, lead: true }, { email: member.email }] })
      .withGuard('api')
      .loginAs(admin)
    await client
      .put('/api/v1/teams/hr/members')
      .json({ members: [{ email: lead.email }] })
      .withGuard('api')
      .loginAs(admin)

    const led = await client.get('/teams').loginAs(lead).withInertia()
    led.assertInertiaComponent('teams/index')
    assert.deepEqual(
      (led.inertiaProps as any).teams.map((t: { key: string }) => t.key),
      ['finance']
    )
    assertStatus(await client.get('/teams').loginAs(member), 403)

    const profile = await client.get('/profile').loginAs(member).withInertia()
    assert.deepEqual((profile.inertiaProps as any).teams, [
      { key: 'finance', name: 'finance', lead: false },
    ])

    const adminPage = await client.get('/admin/teams').loginAs(admin).withInertia()
    adminPage.assertInertiaComponent('admin/teams/index')
    assert.lengthOf((adminPage.inertiaProps as any).teams, 2)
  })

  test('workflow access: the owner and admins read and replace it; unknown teams are 422', async ({
    client,
    assert,
  }) => {
    const { publishWorkflow } = await import('#tests/helpers/common')
    const { DEMO_DEFINITIONS } = await import('#database/definitions/index')
    const owner = await UserFactory.apply('manager').create()
    const otherManager = await UserFactory.apply('manager').create()
    await Team.create({ key: 'finance', name: 'Finance' })
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, owner)
    const url = `/api/v1/workflows/${workflow.key}/access`

    const initial = await client.get(url).withGuard('api').loginAs(owner)
    initial.assertStatus(200)
    assert.deepEqual(initial.body().data, {
      start: null,
      see: null,
      work: null,
      calendar: null,
      retention: null,
    })

    const body = {
      see: [{ team: 'finance' }, { role: 'manager' }],
      work: [{ team: 'finance' }],
      calendar: 'br-sp',
    }
    const saved = await client.put(url).json(body).withGuard('api').loginAs(owner)
    saved.assertStatus(200)
    assert.deepEqual(saved.body().data, { ...body, start: null, retention: null })
    await workflow.refresh()
    assert.equal(workflow.calendarKey, 'br-sp')
    assert.deepEqual(workflow.access, { see: body.see, work: body.work })

    const unknown = await client
      .put(url)
      .json({ see: [{ role: 'member' }, { team: 'nope' }] })
      .withGuard('api')
      .loginAs(owner)
    unknown.assertStatus(422)
    unknown.assertBodyContains({ errors: [{ field: 'see.1.team', code: 'unknown_team' }] })

    assertStatus(await client.get(url).withGuard('api').loginAs(otherManager), 403)
  })
})
