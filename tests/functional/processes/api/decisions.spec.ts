import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import type { WorkflowDefinition } from '#engine/definition'
import { DecisionChainError } from '#engine/routing'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import VerifyProcesses from '#actions/processes/verify_processes'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

/** Two decisions in a row: by amount, then (for large amounts) by who submitted. */
const CHAIN: WorkflowDefinition = {
  key: 'chained-decisions',
  name: 'Chained decisions',
  stages: [
    {
      key: 'intake',
      name: 'Intake',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
    },
    {
      key: 'size',
      name: 'By size',
      type: 'decision',
      routes: [{ when: 'data.amount >= 1000', transition: 'size__large' }],
      otherwise: 'size__small',
    },
    {
      key: 'who',
      name: 'By submitter',
      type: 'decision',
      routes: [{ when: "user.role == 'manager'", transition: 'who__lead' }],
      otherwise: 'who__team',
    },
    { key: 'small', name: 'Small', type: 'task' },
    { key: 'lead', name: 'Lead', type: 'task', sla: '1d' },
    { key: 'team', name: 'Team', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'intake', to: 'size' },
    { key: 'size__large', from: 'size', to: 'who' },
    { key: 'size__small', from: 'size', to: 'small' },
    { key: 'who__lead', from: 'who', to: 'lead' },
    { key: 'who__team', from: 'who', to: 'team' },
    { key: 'close_small', from: 'small', to: 'done' },
    { key: 'close_lead', from: 'lead', to: 'done' },
    { key: 'close_team', from: 'team', to: 'done' },
  ],
}

/** The system enters a decision: by an automatic transition, and by an action's `transition` step. */
const AUTOMATED: WorkflowDefinition = {
  key: 'automated-decision',
  name: 'Automated decision',
  stages: [
    {
      key: 'waiting',
      name: 'Waiting',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
      automatic: { after: '1m', transition: 'wait_over' },
    },
    {
      key: 'check',
      name: 'Check',
      type: 'decision',
      routes: [{ when: 'data.amount > 100', transition: 'check__big' }],
      otherwise: 'check__small',
    },
    {
      key: 'robot',
      name: 'Robot',
      type: 'task',
      actions: [{ key: 'hand_on', type: 'transition', transition: 'robot_done' }],
    },
    { key: 'big', name: 'Big', type: 'task' },
    { key: 'small', name: 'Small', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'wait_over', from: 'waiting', to: 'check' },
    { key: 'to_robot', from: 'waiting', to: 'robot' },
    { key: 'robot_done', from: 'robot', to: 'check' },
    { key: 'check__big', from: 'check', to: 'big' },
    { key: 'check__small', from: 'check', to: 'small' },
    { key: 'finish_big', from: 'big', to: 'done' },
    { key: 'finish_small', from: 'small', to: 'done' },
  ],
}

const eventsOf = (id: number) => ProcessEvent.query().where('process_id', id).orderBy('sequence')

async function lastEvent(id: number) {
  const events = await eventsOf(id)
  return events.at(-1)!
}

async function current(id: number) {
  return Process.findOrFail(id)
}

async function outboxOf(id: number) {
  const rows = await db.from('outbox_messages').where('process_id', id).orderBy('id')
  return rows.map((r) => ({ eventId: Number(r.event_id), topic: r.topic as string }))
}

/** The timer rows of a process (app/actions/processes/process_timers.ts). */
async function timersOf(id: number) {
  const rows = await db.from('process_timers').where('process_id', id).orderBy('kind')
  return rows.map((r) => ({
    kind: r.kind as string,
    stage: r.stage as string,
    enteredVersion: Number(r.entered_version),
  }))
}

async function outboxCount(id: number) {
  const rows = await outboxOf(id)
  return rows.length
}

/** Every stored process equals the replay of its events. */
async function assertReplayAgrees(assert: any) {
  const { discrepancies } = await new VerifyProcesses().handle({})
  assert.deepEqual(discrepancies, [])
}

test.group('API / decision stages', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  /** Starts a purchase approval of `amount` through the API (the workflow is already published). */
  async function startPurchase(client: any, manager: User, amount: number) {
    const api = (request: any) => request.withGuard('api').loginAs(manager)
    const started = await api(
      client.post('/api/v1/processes').json({
        workflow: 'purchase-approval',
        title: 'Laptops',
        data: { amount, supplier: 'ACME', justification: 'For the new office' },
      })
    )
    started.assertStatus(201)
    return { api, manager, id: started.body().data.id as number }
  }

  async function purchase(client: any, amount: number) {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
    return startPurchase(client, manager, amount)
  }

  test('the answer to the command that entered the decision already shows the stage it was routed to', async ({
    client,
    assert,
  }) => {
    const { api, manager, id } = await purchase(client, 5000)
    const before = DateTime.now().minus({ seconds: 1 })

    const submitted = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1 })
    )
    submitted.assertStatus(200)
    submitted.assertBodyContains({
      data: { version: 3, status: 'active', stage: { key: 'manager', name: 'Manager review' } },
    })

    // Gapless: the person's event, then the system's route, at the same instant.
    const events = await eventsOf(id)
    assert.deepEqual(
      events.map((e) => [e.sequence, e.type, e.fromStage, e.toStage, e.actorId]),
      [
        [1, 'started', null, 'draft', manager.id],
        [2, 'transitioned', 'draft', 'route', manager.id],
        [3, 'transitioned', 'route', 'manager', null],
      ]
    )
    assert.deepEqual(events[1]!.payload, { transition: 'submit' })
    assert.deepEqual(events[2]!.payload, {
      transition: 'route__manager',
      route: { stage: 'route', index: 1, when: 'data.amount <= 10000' },
    })
    assert.equal(events[2]!.occurredAt.toMillis(), events[1]!.occurredAt.toMillis())

    // Each event has its notification; the manager stage's SLA timer belongs to the last one.
    const outbox = await outboxOf(id)
    assert.deepEqual(
      outbox.filter((m) => m.eventId !== events[0]!.id),
      [
        { eventId: events[1]!.id, topic: 'process.transitioned' },
        { eventId: events[2]!.id, topic: 'process.transitioned' },
      ]
    )
    assert.deepEqual(await timersOf(id), [{ kind: 'sla', stage: 'manager', enteredVersion: 3 }])

    const stored = await Process.findOrFail(id)
    assert.equal(stored.stageKey, 'manager')
    assert.equal(stored.version, 3)
    assert.isTrue(stored.stageEnteredAt >= before.startOf('second'))
    assert.isNotNull(stored.dueAt)

    // The API's timeline shows the route as recorded.
    const timeline = await api(client.get(`/api/v1/processes/${id}/events`))
    timeline.assertStatus(200)
    assert.deepEqual(timeline.body().data[2].payload.route, {
      stage: 'route',
      index: 1,
      when: 'data.amount <= 10000',
    })
    assert.isNull(timeline.body().data[2].actor)
    await assertReplayAgrees(assert)
  })

  test('each amount takes its route: the first that holds, else otherwise', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const cases = [
      { amount: 999, stage: 'approved', index: 0 },
      { amount: 1000, stage: 'manager', index: 1 },
      { amount: 10000, stage: 'manager', index: 1 },
      { amount: 10000.5, stage: 'director', index: null },
    ]
    await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
    for (const expected of cases) {
      const { api, id } = await startPurchase(client, manager, expected.amount)
      const response = await api(
        client
          .post(`/api/v1/processes/${id}/transitions`)
          .json({ transition: 'submit', expectedVersion: 1 })
      )
      response.assertStatus(200)
      assert.equal(response.body().data.stage.key, expected.stage, String(expected.amount))
      const last = await lastEvent(id)
      assert.deepEqual(last.payload.route, {
        stage: 'route',
        index: expected.index,
        when:
          expected.index === null
            ? null
            : DEMO_DEFINITIONS.purchaseApproval.stages[1]!.routes![expected.index]!.when,
      })
    }
    await assertReplayAgrees(assert)
  })

  test('data sent with the command is what the route sees', async ({ client, assert }) => {
    const { api, id } = await purchase(client, 50000)
    const response = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1, data: { amount: 500 } })
    )
    response.assertStatus(200)
    assert.equal(response.body().data.stage.key, 'approved')
    assert.equal(response.body().data.data.amount, 500)
  })

  test('a chain of two decision stages: one system event per route, the actor seen by both', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(CHAIN, manager)
    const startAs = async (user: User, amount: number) => {
      const { process } = await new StartProcess().handle({
        workflowKey: CHAIN.key,
        title: `${user.role} ${amount}`,
        data: { amount },
        actor: user,
      })
      return process
    }
    const submit = (user: User, id: number) =>
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1 })
        .withGuard('api')
        .loginAs(user)

    const byManager = await startAs(manager, 5000)
    const managerAnswer = await submit(manager, byManager.id)
    managerAnswer.assertStatus(200)
    managerAnswer.assertBodyContains({ data: { version: 4, stage: { key: 'lead' } } })
    const events = await eventsOf(byManager.id)
    assert.deepEqual(
      events.map((e) => [e.sequence, e.fromStage, e.toStage, e.actorId, e.payload.route ?? null]),
      [
        [1, null, 'intake', manager.id, null],
        [2, 'intake', 'size', manager.id, null],
        [3, 'size', 'who', null, { stage: 'size', index: 0, when: 'data.amount >= 1000' }],
        [4, 'who', 'lead', null, { stage: 'who', index: 0, when: "user.role == 'manager'" }],
      ]
    )
    // Only the stage where it rests gets timers (the SLA of "lead").
    assert.deepEqual(await timersOf(byManager.id), [
      { kind: 'sla', stage: 'lead', enteredVersion: events[3]!.sequence },
    ])

    const byMember = await startAs(member, 5000)
    const memberAnswer = await new TransitionProcess().handle({
      process: byMember,
      transition: 'submit',
      expectedVersion: 1,
      actor: member,
    })
    assert.equal(memberAnswer.process.stageKey, 'team')
    assert.deepEqual(
      memberAnswer.events.map((e) => [e.sequence, e.payload.transition]),
      [
        [2, 'submit'],
        [3, 'size__large'],
        [4, 'who__team'],
      ]
    )

    const small = await startAs(manager, 10)
    const smallAnswer = await submit(manager, small.id)
    smallAnswer.assertBodyContains({ data: { version: 3, stage: { key: 'small' } } })
    const smallRoute = await lastEvent(small.id)
    assert.deepEqual(smallRoute.payload.route, {
      stage: 'size',
      index: null,
      when: null,
    })
    await assertReplayAgrees(assert)
  })

  test('a stale expectedVersion gets 409 and writes nothing, route events included', async ({
    client,
    assert,
  }) => {
    const { api, id } = await purchase(client, 5000)
    const outboxBefore = await outboxCount(id)
    const stale = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 7 })
    )
    stale.assertStatus(409)
    assert.lengthOf(await eventsOf(id), 1)
    assert.lengthOf(await outboxOf(id), outboxBefore)
    const stored = await Process.findOrFail(id)
    assert.deepInclude(stored.$attributes, { stageKey: 'draft', version: 1 })
  })

  test('a failure writing a route event rolls back the command too: one transaction', async ({
    client,
    assert,
  }) => {
    const { api, id } = await purchase(client, 5000)
    // Occupy sequence 3 behind the engine's back: the route event's insert fails.
    await db.table('process_events').insert({
      process_id: id,
      sequence: 3,
      type: 'commented',
      payload: JSON.stringify({ body: 'in the way' }),
      occurred_at: sqlTime(DateTime.now()),
    })
    const outboxBefore = await outboxCount(id)
    const refused = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1 })
    )
    refused.assertStatus(409)
    const stored = await Process.findOrFail(id)
    assert.deepInclude(stored.$attributes, { stageKey: 'draft', version: 1 })
    const left = await eventsOf(id)
    assert.deepEqual(
      left.map((e) => e.sequence),
      [1, 3]
    )
    assert.lengthOf(await outboxOf(id), outboxBefore)
  })

  test('a retried idempotent command answers with the final stage and writes nothing more', async ({
    client,
    assert,
  }) => {
    const { api, id } = await purchase(client, 50000)
    const send = () =>
      api(
        client
          .post(`/api/v1/processes/${id}/transitions`)
          .header('Idempotency-Key', 'submit-once-1')
          .json({ transition: 'submit', expectedVersion: 1 })
      )
    const first = await send()
    first.assertStatus(200)
    first.assertBodyContains({ data: { version: 3, stage: { key: 'director' } } })
    const again = await send()
    again.assertStatus(200)
    again.assertBodyContains({ data: { version: 3, stage: { key: 'director' } } })
    const events = await eventsOf(id)
    assert.lengthOf(events, 3)
    assert.equal(events[1]!.idempotencyKey, 'submit-once-1')
    assert.isNull(events[2]!.idempotencyKey)

    // The same key after the process moved on still answers as the original command did.
    const process = await Process.findOrFail(id)
    const { default: CommentOnProcess } = await import('#actions/processes/comment_on_process')
    await new CommentOnProcess().handle({
      process,
      body: 'later',
      expectedVersion: 3,
      actorId: null,
    })
    const late = await send()
    late.assertStatus(200)
    late.assertBodyContains({ data: { version: 3, stage: { key: 'director' } } })
  })

  test('a route transition cannot be run by hand: 422, nothing written', async ({
    client,
    assert,
  }) => {
    const { api, id } = await purchase(client, 5000)
    const direct = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'route__director', expectedVersion: 1 })
    )
    direct.assertStatus(422)
    assert.equal(direct.body().errors[0].code, 'not_from_current_stage')
    assert.lengthOf(await eventsOf(id), 1)
  })

  test('an automatic transition and an action step into a decision are routed like a person', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(AUTOMATED, manager)
    const { process: timed } = await new StartProcess().handle({
      workflowKey: AUTOMATED.key,
      title: 'timed',
      data: { amount: 500 },
      actor: manager,
      at: DateTime.now().minus({ minutes: 5 }),
    })
    const { process: stepped } = await new StartProcess().handle({
      workflowKey: AUTOMATED.key,
      title: 'stepped',
      data: { amount: 50 },
      actor: manager,
    })
    await new TransitionProcess().handle({
      process: stepped,
      transition: 'to_robot',
      expectedVersion: 1,
      actor: manager,
    })
    await drainOutbox()

    const timedEvents = await eventsOf(timed.id)
    assert.deepEqual(
      timedEvents.map((e) => [e.type, e.fromStage, e.toStage, e.actorId]),
      [
        ['started', null, 'waiting', manager.id],
        ['transitioned', 'waiting', 'check', null],
        ['transitioned', 'check', 'big', null],
      ]
    )
    assert.deepEqual(timedEvents[2]!.payload.route, {
      stage: 'check',
      index: 0,
      when: 'data.amount > 100',
    })
    const timedNow = await current(timed.id)
    assert.equal(timedNow.stageKey, 'big')

    const steppedEvents = await eventsOf(stepped.id)
    assert.deepEqual(
      steppedEvents.map((e) => [e.type, e.toStage, e.payload.transition ?? null]),
      [
        ['started', 'waiting', null],
        ['transitioned', 'robot', 'to_robot'],
        ['action_succeeded', null, null],
        ['transitioned', 'check', 'robot_done'],
        ['transitioned', 'small', 'check__small'],
      ]
    )
    const steppedNow = await current(stepped.id)
    assert.equal(steppedNow.stageKey, 'small')
    await assertReplayAgrees(assert)
  })

  test('bulk: a transition into a decision routes every row; the preview refuses guard-failed rows', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
    const amounts = [500, 1500, 5000, 20000]
    const ids: number[] = []
    for (const amount of amounts) {
      const { process } = await new StartProcess().handle({
        workflowKey: 'purchase-approval',
        title: `Buy ${amount}`,
        data: { amount, supplier: 'ACME', justification: 'For the new office' },
        actor: manager,
      })
      ids.push(process.id)
    }

    const confirmed = await client
      .post('/processes/bulk')
      .json({ action: 'transition', transition: 'submit', ids })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    confirmed.assertStatus(302)
    await drainOutbox()
    const moved = await Promise.all(ids.map((id) => current(id)))
    const stages = moved.map((p) => p.stageKey)
    assert.deepEqual(stages, ['approved', 'manager', 'manager', 'director'])
    for (const id of ids) {
      const events = await eventsOf(id)
      assert.deepEqual(
        events.map((e) => e.sequence),
        [1, 2, 3]
      )
      assert.isNull(events[2]!.actorId)
      assert.equal((events[2]!.payload.route as { stage: string }).stage, 'route')
    }

    // Fast-track holds only below 2,000: of the two in manager review, one is refused.
    const preview = await client
      .post('/processes/bulk/preview')
      .json({ action: 'transition', transition: 'fast_track', ids: [ids[1], ids[2]] })
      .loginAs(manager)
      .withCsrfToken()
    preview.assertStatus(200)
    const body = (preview.body() as { preview: Record<string, any> }).preview
    assert.deepInclude(body, { total: 2, applicable: 1, refused: 1 })
    assert.deepEqual(body.reasons, [{ code: 'guard_failed', count: 1 }])
    assert.deepEqual(
      body.samples.map((s: any) => [s.processId, s.code, s.detail]),
      [[ids[2], 'guard_failed', 'Only small amounts can be fast-tracked']]
    )
    await assertReplayAgrees(assert)
  })

  test('a definition that loops through decision stages (past the verifier) writes nothing', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { version } = await publishWorkflow(CHAIN, manager)
    // Tampered after publishing, as only a bug could: "who" routes back to "size".
    const looping = structuredClone(CHAIN)
    looping.stages[1]!.routes = [{ when: 'true', transition: 'size__large' }]
    looping.stages[2]!.routes = [{ when: 'true', transition: 'who__size' }]
    looping.transitions.push({ key: 'who__size', from: 'who', to: 'size' })
    await db
      .from('workflow_versions')
      .where('id', version.id)
      .update({ definition: JSON.stringify(looping) })

    const { process } = await new StartProcess().handle({
      workflowKey: CHAIN.key,
      title: 'loop',
      data: { amount: 1 },
      actor: manager,
    })
    const outboxBefore = await outboxCount(process.id)
    await assert.rejects(
      () =>
        new TransitionProcess().handle({
          process,
          transition: 'submit',
          expectedVersion: 1,
          actor: manager,
        }),
      DecisionChainError
    )
    assert.lengthOf(await eventsOf(process.id), 1)
    assert.lengthOf(await outboxOf(process.id), outboxBefore)
    const after = await current(process.id)
    assert.equal(after.version, 1)
  })
})
