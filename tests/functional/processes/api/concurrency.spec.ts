import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import OutboxMessage from '#models/outbox_message'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'

async function startedProcess() {
  const manager = await UserFactory.apply('manager').create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const { process } = await new StartProcess().handle({
    workflowKey: 'order-fulfilment',
    title: 'race',
    actor: manager,
  })
  return { manager, process }
}

test.group('Engine / concurrency and idempotency', (group) => {
  freshDatabase(group)

  test('50 simultaneous transitions with one expectedVersion: one wins, 49 get 409, one event', async ({
    client,
    assert,
  }) => {
    const { manager, process } = await startedProcess()
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        client
          .post(`/api/v1/processes/${process.id}/transitions`)
          .json({ transition: 'reserve_inventory', expectedVersion: 1 })
          .withGuard('api')
          .loginAs(manager)
      )
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 200).length, 1)
    assert.equal(statuses.filter((s) => s === 409).length, 49)

    const events = await ProcessEvent.query().where('process_id', process.id).orderBy('sequence')
    assert.deepEqual(
      events.map((e) => e.sequence),
      [1, 2]
    )
    const stored = await Process.findOrFail(process.id)
    assert.equal(stored.version, 2)
    // One notification per event, and the SLA timer of the stage entered once.
    const outbox = await OutboxMessage.query().where('process_id', process.id).orderBy('id')
    assert.deepEqual(
      outbox.map((m) => m.topic),
      ['process.started', 'process.transitioned']
    )
    const timers = await db.from('process_timers').where('process_id', process.id)
    assert.deepEqual(
      timers.map((t) => [t.kind, Number(t.entered_version)]),
      [['sla', 2]]
    )
  })

  test('the same 50 with one idempotency key: one event, 50 identical answers', async ({
    client,
    assert,
  }) => {
    const { manager, process } = await startedProcess()
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        client
          .post(`/api/v1/processes/${process.id}/transitions`)
          .json({
            transition: 'reserve_inventory',
            expectedVersion: 1,
            idempotencyKey: 'move-once',
          })
          .withGuard('api')
          .loginAs(manager)
      )
    )
    assert.deepEqual([...new Set(responses.map((r) => r.status()))], [200])
    const states = responses.map((r) => {
      const { version, stage, status, dueAt } = r.body().data
      return JSON.stringify({ version, stage, status, dueAt })
    })
    assert.lengthOf(new Set(states), 1)
    assert.equal(responses[0]!.body().data.version, 2)

    const events = await ProcessEvent.query().where('process_id', process.id)
    assert.lengthOf(events, 2)
  })

  test('a repeated key after later changes still returns the original result and writes nothing', async ({
    client,
    assert,
  }) => {
    const { manager, process } = await startedProcess()
    const send = (transition: string, expectedVersion: number, idempotencyKey: string) =>
      client
        .post(`/api/v1/processes/${process.id}/transitions`)
        .json({ transition, expectedVersion, idempotencyKey })
        .withGuard('api')
        .loginAs(manager)

    const first = await send('reserve_inventory', 1, 'k1')
    await send('inventory_reserved', 2, 'k2')
    const again = await send('reserve_inventory', 1, 'k1')
    again.assertStatus(200)
    again.assertBodyContains({
      data: { version: 2, stage: { key: 'INVENTORY_RESERVING' } },
      meta: { replayed: true },
    })
    assert.equal(again.body().data.version, first.body().data.version)
    assert.lengthOf(await ProcessEvent.query().where('process_id', process.id), 3)
  })

  test('starting with an idempotency key twice creates one process', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        client
          .post('/api/v1/processes')
          .header('Idempotency-Key', 'start-1')
          .json({ workflow: 'order-fulfilment', title: 'once' })
          .withGuard('api')
          .loginAs(manager)
      )
    )
    assert.lengthOf(await Process.all(), 1)
    assert.lengthOf(new Set(responses.map((r) => r.body().data.id)), 1)
    assert.sameMembers(
      [...new Set(responses.map((r) => r.status()))],
      responses.some((r) => r.status() === 200) ? [200, 201] : [201]
    )
  })
})
