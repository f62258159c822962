import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import OutboxMessage from '#models/outbox_message'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'

async function setup() {
  const manager = await UserFactory.apply('manager').create()
  const member = await UserFactory.create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  return { manager, member }
}

test.group('API / processes', (group) => {
  freshDatabase(group)

  test('starting a process: 201, reference number, version 1, one event, one outbox message', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const response = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'Order #1001' })
      .withGuard('api')
      .loginAs(member)
    response.assertStatus(201)
    response.assertBodyContains({
      data: {
        reference: 'OF-000001',
        title: 'Order #1001',
        status: 'active',
        version: 1,
        stage: { key: 'INITIATED', name: 'Initiated' },
      },
    })
    const transitions = response.body().data.availableTransitions
    assert.deepEqual(
      transitions.map((t: any) => t.key),
      ['reserve_inventory']
    )

    const second = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'Order #1002' })
      .withGuard('api')
      .loginAs(member)
    second.assertBodyContains({ data: { reference: 'OF-000002' } })

    const id = response.body().data.id
    assert.lengthOf(await ProcessEvent.query().where('process_id', id), 1)
    const outbox = await OutboxMessage.query().where('process_id', id)
    assert.lengthOf(outbox, 1)
    assert.equal(outbox[0]!.topic, 'process.started')
  })

  test('starting on an unknown or unpublished workflow is refused clearly', async ({ client }) => {
    const { manager } = await setup()
    const unknown = await client
      .post('/api/v1/processes')
      .json({ workflow: 'nope', title: 'x' })
      .withGuard('api')
      .loginAs(manager)
    unknown.assertStatus(404)

    await client
      .post('/api/v1/workflows')
      .json(DEMO_DEFINITIONS.supportTicket)
      .withGuard('api')
      .loginAs(manager)
    const draftOnly = await client
      .post('/api/v1/processes')
      .json({ workflow: 'support-ticket', title: 'x' })
      .withGuard('api')
      .loginAs(manager)
    draftOnly.assertStatus(422)
    draftOnly.assertBodyContains({ errors: [{ code: 'workflow_not_published' }] })

    const invalid = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment' })
      .withGuard('api')
      .loginAs(manager)
    invalid.assertStatus(422)
    invalid.assertBodyContains({ errors: [{ field: 'title' }] })
  })

  test('invalid field values are reported per field', async ({ client }) => {
    const { manager } = await setup()
    const response = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'x', data: { carrier: 'pigeon' } })
      .withGuard('api')
      .loginAs(manager)
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [{ code: 'invalid_data' }, { field: 'data.carrier', code: 'invalid_option' }],
    })
    response.assertBodyNotContains({ data: {} })
  })

  test('a transition moves the process, bumps the version and records an event', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id

    const moved = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 1, comment: 'stock check' })
      .withGuard('api')
      .loginAs(member)
    moved.assertStatus(200)
    moved.assertBodyContains({
      data: { version: 2, stage: { key: 'INVENTORY_RESERVING' }, status: 'active' },
    })
    assert.isNotNull(moved.body().data.dueAt)

    const events = await client
      .get(`/api/v1/processes/${id}/events`)
      .withGuard('api')
      .loginAs(member)
    assert.deepEqual(
      events.body().data.map((e: any) => [e.sequence, e.type, e.fromStage, e.toStage]),
      [
        [1, 'started', null, 'INITIATED'],
        [2, 'transitioned', 'INITIATED', 'INVENTORY_RESERVING'],
      ]
    )
    assert.equal(events.body().data[1].payload.comment, 'stock check')
  })

  test('a stale expectedVersion gets 409 with the current version and writes nothing', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id
    await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 1 })
      .withGuard('api')
      .loginAs(member)

    const stale = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'inventory_reserved', expectedVersion: 1 })
      .withGuard('api')
      .loginAs(member)
    stale.assertStatus(409)
    stale.assertBodyContains({
      errors: [{ code: 'version_conflict' }],
      meta: { currentVersion: 2, stage: 'INVENTORY_RESERVING' },
    })
    assert.lengthOf(await ProcessEvent.query().where('process_id', id), 2)
    const stored = await Process.findOrFail(id)
    assert.equal(stored.version, 2)
  })

  test('a transition not allowed from the current stage gets 422 listing the allowed ones', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id
    const response = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'deliver', expectedVersion: 1 })
      .withGuard('api')
      .loginAs(member)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'not_from_current_stage')
    assert.include(response.body().errors[0].message, 'reserve_inventory')
    assert.deepEqual(response.body().meta.allowedTransitions, ['reserve_inventory'])
  })

  test('role restrictions and required fields are enforced, with the missing fields named', async ({
    client,
  }) => {
    const { member, manager } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id
    let version = 1
    for (const transition of ['reserve_inventory', 'inventory_reserved', 'process_payment']) {
      const r = await client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition, expectedVersion: version })
        .withGuard('api')
        .loginAs(member)
      r.assertStatus(200)
      version++
    }

    const asMember = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({
        transition: 'approve_payment',
        expectedVersion: version,
        data: { payment_reference: 'PAY-1' },
      })
      .withGuard('api')
      .loginAs(member)
    asMember.assertStatus(422)
    asMember.assertBodyContains({ errors: [{ code: 'role_not_allowed' }] })

    const missing = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'approve_payment', expectedVersion: version })
      .withGuard('api')
      .loginAs(manager)
    missing.assertStatus(422)
    missing.assertBodyContains({
      errors: [{ code: 'missing_fields' }, { field: 'data.payment_reference', code: 'required' }],
    })

    const ok = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({
        transition: 'approve_payment',
        expectedVersion: version,
        data: { payment_reference: 'PAY-1' },
      })
      .withGuard('api')
      .loginAs(manager)
    ok.assertStatus(200)
    ok.assertBodyContains({
      data: { stage: { key: 'PAYMENT_APPROVED' }, data: { payment_reference: 'PAY-1' } },
    })
  })

  test('entering an end stage closes the process with its outcome; closed processes refuse commands', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id
    await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 1 })
      .withGuard('api')
      .loginAs(member)
    const closed = await client
      .post(`/api/v1/processes/${id}/transitions`)
      .json({ transition: 'inventory_unavailable', expectedVersion: 2 })
      .withGuard('api')
      .loginAs(member)
    closed.assertBodyContains({
      data: { status: 'cancelled', stage: { key: 'CANCELED' }, dueAt: null },
    })
    assert.isNotNull(closed.body().data.closedAt)
    assert.deepEqual(closed.body().data.availableTransitions, [])

    const cancel = await client
      .post(`/api/v1/processes/${id}/cancel`)
      .json({ expectedVersion: 3 })
      .withGuard('api')
      .loginAs(member)
    cancel.assertStatus(422)
    cancel.assertBodyContains({ errors: [{ code: 'process_closed' }] })
  })

  test('assign, claim, release, comment, update data and cancel each write one event', async ({
    client,
    assert,
  }) => {
    const { member, manager } = await setup()
    const other = await UserFactory.create()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: 'o' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id

    const claimed = await client
      .post(`/api/v1/processes/${id}/assign`)
      .json({ assigneeId: member.id, expectedVersion: 1 })
      .withGuard('api')
      .loginAs(member)
    claimed.assertBodyContains({ data: { assignee: { id: member.id }, version: 2 } })

    // A member cannot hand it to someone else; a manager can.
    const handOff = await client
      .post(`/api/v1/processes/${id}/assign`)
      .json({ assigneeId: other.id, expectedVersion: 2 })
      .withGuard('api')
      .loginAs(member)
    handOff.assertStatus(403)
    await client
      .post(`/api/v1/processes/${id}/assign`)
      .json({ assigneeId: other.id, expectedVersion: 2 })
      .withGuard('api')
      .loginAs(manager)

    const commented = await client
      .post(`/api/v1/processes/${id}/comments`)
      .json({ body: 'Looks good @' + manager.email })
      .withGuard('api')
      .loginAs(member)
    commented.assertStatus(201)
    commented.assertBodyContains({ data: { version: 4 } })

    const updated = await client
      .patch(`/api/v1/processes/${id}`)
      .json({ data: { carrier: 'dhl' }, expectedVersion: 4 })
      .withGuard('api')
      .loginAs(manager)
    updated.assertBodyContains({ data: { data: { carrier: 'dhl' }, version: 5 } })

    const cancelled = await client
      .post(`/api/v1/processes/${id}/cancel`)
      .json({ reason: 'duplicate', expectedVersion: 5 })
      .withGuard('api')
      .loginAs(manager)
    cancelled.assertBodyContains({ data: { status: 'cancelled', version: 6 } })

    const events = await ProcessEvent.query().where('process_id', id).orderBy('sequence')
    assert.deepEqual(
      events.map((e) => e.type),
      ['started', 'assigned', 'assigned', 'commented', 'data_updated', 'cancelled']
    )
    assert.deepEqual(events[3]!.payload.mentions, [manager.email])
    assert.lengthOf(await OutboxMessage.query().where('process_id', id), 6)
  })

  test('the list filters, searches, sorts and paginates', async ({ client, assert }) => {
    const { member, manager } = await setup()
    for (let i = 1; i <= 25; i++) {
      await client
        .post('/api/v1/processes')
        .json({
          workflow: 'order-fulfilment',
          title: `Order ${i}`,
          priority: i % 5 === 0 ? 'high' : 'normal',
        })
        .withGuard('api')
        .loginAs(member)
    }
    const page1 = await client
      .get('/api/v1/processes')
      .qs({ perPage: 10, sort: 'reference', direction: 'asc' })
      .withGuard('api')
      .loginAs(manager)
    page1.assertBodyContains({ metadata: { total: 25, perPage: 10, currentPage: 1, lastPage: 3 } })
    assert.equal(page1.body().data[0].reference, 'OF-000001')
    assert.lengthOf(page1.body().data, 10)

    const high = await client
      .get('/api/v1/processes')
      .qs({ priority: 'high' })
      .withGuard('api')
      .loginAs(manager)
    assert.equal(high.body().metadata.total, 5)
    const search = await client
      .get('/api/v1/processes')
      .qs({ q: 'order 2' })
      .withGuard('api')
      .loginAs(manager)
    assert.equal(search.body().metadata.total, 7) // 2, 20..25
    const byRef = await client
      .get('/api/v1/processes')
      .qs({ q: 'of-000013' })
      .withGuard('api')
      .loginAs(manager)
    assert.equal(byRef.body().metadata.total, 1)

    const bad = await client
      .get('/api/v1/processes')
      .qs({ status: 'sleeping', perPage: 1000 })
      .withGuard('api')
      .loginAs(manager)
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: any) => e.field),
      ['status', 'perPage']
    )
  })

  test('the timeline exports as CSV', async ({ client, assert }) => {
    const { member } = await setup()
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: 'order-fulfilment', title: '=HYPERLINK("x")' })
      .withGuard('api')
      .loginAs(member)
    const id = started.body().data.id
    const csv = await client
      .get(`/api/v1/processes/${id}/events`)
      .qs({ format: 'csv' })
      .withGuard('api')
      .loginAs(member)
    csv.assertStatus(200)
    assert.match(csv.header('content-disposition') ?? '', /OF-000001-timeline\.csv/)
    const lines = csv.text().trim().split('\r\n')
    assert.equal(lines[0], 'sequence,occurred_at,type,from_stage,to_stage,actor,payload')
    assert.match(lines[1]!, /^1,[^,]+,started,,INITIATED,/)
  })

  test('unknown processes are 404', async ({ client }) => {
    const { member } = await setup()
    const response = await client.get('/api/v1/processes/999999').withGuard('api').loginAs(member)
    response.assertStatus(404)
    response.assertBodyContains({ errors: [{ code: 'not_found' }] })
  })
})
