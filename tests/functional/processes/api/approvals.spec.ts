import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import type User from '#models/user'
import type Process from '#models/process'
import ProcessEvent from '#models/process_event'
import ProcessModel from '#models/process'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { absent, people, processAt, teamWith, teamWorkflow } from '#tests/helpers/team_fixtures'

type Client = TestContext['client']

const voteAs = (client: Client, process: Process, user: User, body: Record<string, unknown>) =>
  client.post(`/api/v1/processes/${process.id}/votes`).json(body).withGuard('api').loginAs(user)

const eventsOf = (process: Process) =>
  ProcessEvent.query().where('process_id', process.id).orderBy('sequence')

test.group('Approvals / votes', (group) => {
  freshDatabase(group)
  // SQLite rolls migrations back by rebuilding tables: leave no rows behind.
  group.teardown(() => truncateAll())

  test('10 concurrent votes with quorum 2: exactly one decision and one transition; later votes get 409 approval_decided', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const finance = await people(10, 'Finance')
    await teamWith('finance', finance)
    const process = await processAt('approval', creator)

    const responses = await Promise.all(
      finance.map((user) => voteAs(client, process, user, { decision: 'approve' }))
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 200).length, 2, JSON.stringify(statuses))
    assert.equal(statuses.filter((s) => s === 409).length, 8)
    for (const refused of responses.filter((r) => r.status() === 409)) {
      assert.equal(refused.body().errors[0].code, 'approval_decided')
    }

    const events = await eventsOf(process)
    assert.lengthOf(
      events.filter((e) => e.type === 'voted'),
      2
    )
    const decisions = events.filter((e) => e.type === 'transitioned' && e.payload.approval)
    assert.lengthOf(decisions, 1)
    assert.deepEqual(decisions[0].payload.approval, { stage: 'approval', decision: 'approved' })
    assert.isNull(decisions[0].actorId)
    // The decision directly follows the deciding vote (same transaction, no gap).
    assert.equal(events.at(-1)!.id, decisions[0].id)
    assert.equal(events.at(-2)!.type, 'voted')
    const stored = await ProcessModel.findOrFail(process.id)
    assert.equal(stored.stageKey, 'approved')
    assert.equal(stored.version, events.length)

    const late = await voteAs(client, process, finance[0], { decision: 'approve' })
    late.assertStatus(409)
    assert.equal(late.body().errors[0].code, 'approval_decided')
  })

  test('the answer carries the tally: approvals, awaiting, policy and decision', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno, carla] = await people(3)
    await teamWith('finance', [ana, bruno, carla])
    const process = await processAt('approval', creator)

    const first = await voteAs(client, process, ana, { decision: 'approve', comment: 'fine' })
    first.assertStatus(200)
    const tally = first.body().data.approval
    assert.deepEqual(tally.policy, { quorum: 2 })
    assert.isNull(tally.decided)
    assert.deepEqual(
      tally.approvals.map((v: any) => [v.user.name, v.comment]),
      [[ana.name, 'fine']]
    )
    assert.deepEqual(
      tally.awaiting.map((p: any) => p.name),
      [bruno.name, carla.name]
    )
    assert.equal(first.body().data.stage.key, 'approval')
    // Approval transitions are not offered (nor allowed) by hand.
    assert.deepEqual(first.body().data.availableTransitions, [])
    const byHand = await client
      .post(`/api/v1/processes/${process.id}/transitions`)
      .json({ transition: 'approve', expectedVersion: first.body().data.version })
      .withGuard('api')
      .loginAs(creator)
    byHand.assertStatus(422)
    assert.equal(byHand.body().errors[0].code, 'approval_required')

    const second = await voteAs(client, process, carla, { decision: 'approve' })
    second.assertStatus(200)
    assert.equal(second.body().data.stage.key, 'approved')
    assert.equal(second.body().data.approval.decided, 'approved')
    assert.lengthOf(second.body().data.approval.approvals, 2)
  })

  test('policy all waits for everyone; policy any takes the first approval', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno] = await people(2)
    await teamWith('finance', [ana, bruno])
    const all = await processAt('approval', creator, teamWorkflow({ approval: { policy: 'all' } }))
    const first = await voteAs(client, all, ana, { decision: 'approve' })
    first.assertStatus(200)
    const waiting = await ProcessModel.findOrFail(all.id)
    assert.equal(waiting.stageKey, 'approval')
    const last = await voteAs(client, all, bruno, { decision: 'approve' })
    assert.equal(last.body().data.stage.key, 'approved')

    const anyDefinition = { ...teamWorkflow({ approval: { policy: 'any' } }), key: 'team-any' }
    const any = await processAt('approval', creator, anyDefinition)
    const one = await voteAs(client, any, bruno, { decision: 'approve' })
    assert.equal(one.body().data.stage.key, 'approved')
  })

  test('four-eyes: the creator may not vote (403 four_eyes) and is not awaited; fourEyes false lets them', async ({
    client,
    assert,
  }) => {
    const [creator, other] = await people(2)
    await teamWith('finance', [creator, other])
    const process = await processAt('approval', creator)
    const own = await voteAs(client, process, creator, { decision: 'approve' })
    own.assertStatus(403)
    assert.equal(own.body().errors[0].code, 'four_eyes')
    const shown = await client
      .get(`/api/v1/processes/${process.id}`)
      .withGuard('api')
      .loginAs(other)
    assert.deepEqual(
      shown.body().data.approval.awaiting.map((p: any) => p.id),
      [other.id]
    )

    const relaxed = {
      ...teamWorkflow({ approval: { fourEyes: false, policy: 'any' } }),
      key: 'team-relaxed',
    }
    const mine = await processAt('approval', creator, relaxed)
    const allowed = await voteAs(client, mine, creator, { decision: 'approve' })
    allowed.assertStatus(200)
    assert.equal(allowed.body().data.stage.key, 'approved')
  })

  test('reject policy any: one rejection rejects; majority: more than half', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno, carla] = await people(3)
    await teamWith('finance', [ana, bruno, carla])
    const process = await processAt('approval', creator)
    const no = await voteAs(client, process, ana, { decision: 'reject', comment: 'Too expensive' })
    no.assertStatus(200)
    assert.equal(no.body().data.stage.key, 'rejected')
    assert.equal(no.body().data.approval.decided, 'rejected')
    assert.equal(no.body().data.approval.rejections[0].comment, 'Too expensive')

    const majority = {
      ...teamWorkflow({ approval: { rejectPolicy: 'majority', policy: { quorum: 1 } } }),
      key: 'team-majority',
    }
    const second = await processAt('approval', creator, majority)
    const one = await voteAs(client, second, ana, { decision: 'reject', comment: 'No' })
    assert.equal(one.body().data.stage.key, 'approval')
    const two = await voteAs(client, second, bruno, { decision: 'reject', comment: 'No' })
    assert.equal(two.body().data.stage.key, 'rejected')
  })

  test('a rejection without a comment is 422; a non-eligible voter 403; a second vote 409 already_voted; no approval 422', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const [ana, bruno, carla] = await people(3)
    const outsider = await UserFactory.create()
    await teamWith('finance', [ana, bruno, carla])
    const process = await processAt('approval', creator)

    const bare = await voteAs(client, process, ana, { decision: 'reject' })
    bare.assertStatus(422)
    assert.equal(bare.body().errors[1].field, 'comment')
    const invalid = await voteAs(client, process, ana, { decision: 'maybe' })
    invalid.assertStatus(422)

    const stranger = await voteAs(client, process, outsider, { decision: 'approve' })
    stranger.assertStatus(403)
    assert.equal(stranger.body().errors[0].code, 'not_eligible')

    const firstVote = await voteAs(client, process, ana, { decision: 'approve' })
    firstVote.assertStatus(200)
    const again = await voteAs(client, process, ana, { decision: 'approve' })
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'already_voted')
    // The same idempotency key answers as the first time instead.
    const keyed = await voteAs(client, process, bruno, {
      decision: 'approve',
      idempotencyKey: 'k1',
    })
    const repeated = await voteAs(client, process, bruno, {
      decision: 'approve',
      idempotencyKey: 'k1',
    })
    repeated.assertStatus(200)
    assert.deepEqual(repeated.body().meta, { replayed: true })
    assert.equal(repeated.body().data.version, keyed.body().data.version)

    const elsewhere = await processAt('review', creator, { ...teamWorkflow(), key: 'team-other' })
    const none = await voteAs(client, elsewhere, ana, { decision: 'approve' })
    none.assertStatus(422)
    assert.equal(none.body().errors[0].code, 'no_approval')
  })

  test('delegation: while Bruno is away, Ana votes on his behalf; the event and the timeline say so', async ({
    client,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').create()
    const bruno = await UserFactory.merge({ name: 'Bruno' }).create()
    const carla = await UserFactory.merge({ name: 'Carla' }).create()
    const ana = await UserFactory.merge({ name: 'Ana' }).create()
    await teamWith('finance', [bruno, carla])
    await absent(bruno, ana)
    const process = await processAt('approval', creator)

    const shown = await client.get(`/api/v1/processes/${process.id}`).withGuard('api').loginAs(ana)
    const awaited = shown.body().data.approval.awaiting.find((p: any) => p.id === bruno.id)
    assert.deepEqual(awaited.delegate, { id: ana.id, name: 'Ana' })

    const vote = await voteAs(client, process, ana, { decision: 'approve', comment: 'For Bruno' })
    vote.assertStatus(200)
    const approval = vote.body().data.approval
    assert.equal(approval.approvals[0].user.name, 'Bruno')
    assert.equal(approval.approvals[0].by.name, 'Ana')
    assert.deepEqual(approval.approvals[0].onBehalfOf, { id: bruno.id, name: 'Bruno' })

    const events = await eventsOf(process)
    const voted = events.find((e) => e.type === 'voted')!
    assert.equal(voted.actorId, ana.id)
    assert.equal(voted.payload.onBehalfOf, bruno.id)

    // Not transitive: Ana is no one's voter but Bruno's, and only once.
    const again = await voteAs(client, process, ana, { decision: 'approve' })
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'already_voted')

    const page = await client.get(`/processes/${process.id}`).withInertia().loginAs(carla)
    const entry = (page.inertiaProps as any).timeline.find((e: any) => e.type === 'voted')
    assert.deepEqual(entry.onBehalfOf, { id: bruno.id, name: 'Bruno' })
    assert.equal(entry.actor.name, 'Ana')
    const waits = (page.inertiaProps as any).process.waits
    assert.deepEqual(waits[0], {
      kind: 'approvers',
      people: [{ id: carla.id, name: 'Carla', delegate: null }],
    })
    assert.isTrue((page.inertiaProps as any).allowed.vote)
  })
})
