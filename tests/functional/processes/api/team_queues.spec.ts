import { test } from '@japa/runner'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import { UserFactory } from '#database/factories/user_factory'
import CheckSla from '#jobs/check_sla'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { absent, people, processAt, teamWith, teamWorkflow } from '#tests/helpers/team_fixtures'

const claimAs = (client: any, process: Process, user: any) =>
  client.post(`/api/v1/processes/${process.id}/claim`).json({}).withGuard('api').loginAs(user)

test.group('Team queues / claim', (group) => {
  freshDatabase(group)
  // SQLite rolls migrations back by rebuilding tables: leave no rows behind.
  group.teardown(() => truncateAll())

  test('entering a team stage puts the process in the queue every member sees', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno] = await people(2)
    const outsider = await UserFactory.create()
    await teamWith('finance', [ana, bruno], 'Finance')
    const process = await processAt('review', creator)
    const stored = await Process.findOrFail(process.id)
    assert.equal(stored.queueTeam, 'finance')
    assert.isNull(stored.assigneeId)

    for (const member of [ana, bruno]) {
      const page = await client.get('/queues').withInertia().loginAs(member)
      page.assertStatus(200)
      const props = page.inertiaProps as any
      assert.deepEqual(props.teams, [{ key: 'finance', name: 'Finance' }])
      assert.deepEqual(
        props.processes.map((p: any) => p.id),
        [process.id]
      )
    }
    const empty = await client.get('/queues').withInertia().loginAs(outsider)
    assert.deepEqual((empty.inertiaProps as any).teams, [])

    const page = await client.get(`/processes/${process.id}`).withInertia().loginAs(ana)
    const props = page.inertiaProps as any
    assert.isTrue(props.allowed.claimFromQueue)
    assert.deepEqual(props.process.waits[0], { kind: 'team', team: 'finance' })
  })

  test('two members claiming at once: one gets 200, the other 409 already_claimed; one event', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno] = await people(2)
    await teamWith('finance', [ana, bruno])
    const process = await processAt('review', creator)

    const [first, second] = await Promise.all([
      claimAs(client, process, ana),
      claimAs(client, process, bruno),
    ])
    const statuses = [first.status(), second.status()].sort()
    assert.deepEqual(statuses, [200, 409])
    const lost = first.status() === 409 ? first : second
    assert.equal(lost.body().errors[0].code, 'already_claimed')
    const won = first.status() === 200 ? first : second
    const winner = first.status() === 200 ? ana : bruno
    assert.equal(won.body().data.assignee.id, winner.id)

    const claims = await ProcessEvent.query()
      .where('process_id', process.id)
      .where('type', 'assigned')
    assert.lengthOf(claims, 1)
    assert.include(claims[0].payload, { assigneeId: winner.id, team: 'finance', claimed: true })
    const stored = await Process.findOrFail(process.id)
    assert.isNull(stored.queueTeam)
    assert.equal(stored.assigneeId, winner.id)
  })

  test('outsiders may not claim (403 not_team_member); an assigned process is not queued (422)', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana] = await people(1)
    const outsider = await UserFactory.create()
    await teamWith('finance', [ana])
    const process = await processAt('review', creator)
    const refused = await claimAs(client, process, outsider)
    refused.assertStatus(403)
    assert.equal(refused.body().errors[0].code, 'not_team_member')

    const other = await processAt('approval', creator, {
      ...teamWorkflow({ review: { role: 'manager' } }),
      key: 'no-queue',
    })
    const notQueued = await claimAs(client, other, ana)
    notQueued.assertStatus(422)
    assert.equal(notQueued.body().errors[0].code, 'not_queued')
  })

  test('strategies assign directly: round_robin takes turns, least_busy the emptiest hands, absent members are skipped', async ({
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno, carla] = await people(3)
    await teamWith('finance', [ana, bruno, carla])
    const robin = {
      ...teamWorkflow({ review: { team: 'finance', strategy: 'round_robin' } }),
      key: 'robin',
    }
    const picked: (number | null)[] = []
    for (let i = 0; i < 4; i++) {
      const started = await processAt('review', creator, robin)
      picked.push(started.assigneeId)
    }
    assert.deepEqual(picked, [ana.id, bruno.id, carla.id, ana.id])

    await absent(bruno, carla)
    const busy = {
      ...teamWorkflow({ review: { team: 'finance', strategy: 'least_busy' } }),
      key: 'busy',
    }
    // Ana holds 2, Carla 1, Bruno is away: Carla is least busy.
    const next = await processAt('review', creator, busy)
    assert.equal(next.assigneeId, carla.id)
    const event = await ProcessEvent.query()
      .where('process_id', next.id)
      .where('type', 'assigned')
      .firstOrFail()
    assert.isNull(event.actorId)
    assert.include(event.payload, { team: 'finance', strategy: 'least_busy', onEntry: true })
  })

  test('escalation reassigns to a team: back to its queue, or to a member with a strategy', async ({
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana] = await people(1)
    const [lead] = await people(1, 'Lead')
    await teamWith('finance', [ana])
    await teamWith('leads', [lead])
    const definition = teamWorkflow({ review: { role: 'manager' } })
    const review = definition.stages[1]
    review.sla = '1h'
    review.escalation = { reassignTeam: 'leads', strategy: 'least_busy' }
    const process = await processAt('review', creator, definition)
    const job = new CheckSla()
    const logger = { info() {}, warn() {} } as any
    await Process.query().where('id', process.id).update({ due_at: '2000-01-01 00:00:00' })
    const due = await Process.findOrFail(process.id)
    await job.handle(
      { processId: due.id, stage: 'review', enteredVersion: 2, dueAt: due.dueAt!.toISO()! },
      { logger } as any
    )
    const escalated = await Process.findOrFail(process.id)
    assert.equal(escalated.assigneeId, lead.id)

    const queued = { ...definition, key: 'queued-escalation' }
    queued.stages = definition.stages.map((s) =>
      s.key === 'review' ? { ...s, escalation: { reassignTeam: 'finance' } } : s
    )
    const second = await processAt('review', creator, queued)
    await Process.query()
      .where('id', second.id)
      .update({ due_at: '2000-01-01 00:00:00', assignee_id: creator.id })
    const dueSecond = await Process.findOrFail(second.id)
    await job.handle(
      {
        processId: second.id,
        stage: 'review',
        enteredVersion: 2,
        dueAt: dueSecond.dueAt!.toISO()!,
      },
      { logger } as any
    )
    const inQueue = await Process.findOrFail(second.id)
    assert.isNull(inQueue.assigneeId)
    assert.equal(inQueue.queueTeam, 'finance')
  })
})

test.group('Delegation / absence', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('PUT /me/absence sets it; self, unknown and deactivated delegates are 422; DELETE ends it', async ({
    client,
    assert,
  }) => {
    const bruno = await UserFactory.create()
    const ana = await UserFactory.merge({ name: 'Ana' }).create()
    const gone = await UserFactory.apply('inactive').create()
    const put = (body: Record<string, unknown>) =>
      client.put('/api/v1/me/absence').json(body).withGuard('api').loginAs(bruno)

    for (const delegate of [bruno.email, 'nobody@example.test', gone.email]) {
      const refused = await put({ from: '2026-12-01', to: '2026-12-05', delegate })
      refused.assertStatus(422)
      assert.equal(refused.body().errors[1].field, 'delegate')
    }
    const backwards = await put({ from: '2026-12-05', to: '2026-12-01', delegate: ana.email })
    backwards.assertStatus(422)

    const saved = await put({ from: '2026-12-01', to: '2026-12-05', delegate: ana.email })
    saved.assertStatus(200)
    assert.deepEqual(saved.body().data.delegate, { id: ana.id, name: 'Ana', email: ana.email })
    assert.equal(saved.body().data.from, '2026-12-01')
    assert.equal(saved.body().data.to, '2026-12-05')

    const ended = await client.delete('/api/v1/me/absence').withGuard('api').loginAs(bruno)
    ended.assertStatus(204)
    await bruno.refresh()
    assert.isNull(bruno.delegateId)
    assert.isNull(bruno.absentFrom)
  })

  test('an assignment to someone away goes to their delegate, on their behalf (one step only)', async ({
    client,
    assert,
  }) => {
    const lead = await UserFactory.apply('manager').create()
    const bruno = await UserFactory.merge({ name: 'Bruno' }).create()
    const ana = await UserFactory.merge({ name: 'Ana' }).create()
    const carla = await UserFactory.merge({ name: 'Carla' }).create()
    await absent(bruno, ana)
    await absent(ana, carla) // not followed: Bruno's work stops at Ana
    const process = await processAt('review', lead, {
      ...teamWorkflow({ review: { role: 'manager' } }),
      key: 'plain',
    })
    const response = await client
      .post(`/api/v1/processes/${process.id}/assign`)
      .json({ assigneeId: bruno.id, expectedVersion: process.version })
      .withGuard('api')
      .loginAs(lead)
    response.assertStatus(200)
    assert.equal(response.body().data.assignee.id, ana.id)
    const event = await ProcessEvent.query()
      .where('process_id', process.id)
      .where('type', 'assigned')
      .firstOrFail()
    assert.deepEqual(event.payload, { assigneeId: ana.id, onBehalfOf: bruno.id })
    assert.equal(event.actorId, lead.id)
  })

  test('the profile page shows the absence form and saves it', async ({ client, assert }) => {
    const bruno = await UserFactory.create()
    const ana = await UserFactory.merge({ name: 'Ana' }).create()
    const saved = await client
      .put('/profile/absence')
      .form({ from: '2026-12-01', to: '2026-12-03', delegate: ana.email })
      .loginAs(bruno)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    const page = await client.get('/profile').withInertia().loginAs(bruno)
    assert.deepEqual((page.inertiaProps as any).absence, {
      from: '2026-12-01',
      to: '2026-12-03',
      delegate: { id: ana.id, name: 'Ana', email: ana.email },
      absentNow: false,
    })
  })
})
