import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import ChildSpawn from '#models/child_spawn'
import CancelProcess from '#actions/processes/cancel_process'
import SpawnChildren from '#actions/processes/children/spawn_children'
import { DefinitionRejected } from '#exceptions/process_errors'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import {
  childrenOf,
  finishChild,
  orderDefinition,
  shipOrder,
  shipmentDefinition,
} from '#tests/helpers/children_fixtures'

function problemsOf(error: DefinitionRejected) {
  return (error.details as { problems: { code: string; path: string; message: string }[] }).problems
}

async function eventsOf(processId: number) {
  return ProcessEvent.query().where('process_id', processId).orderBy('sequence')
}

async function lastEvent(processId: number) {
  const events = await eventsOf(processId)
  return events.at(-1)!
}

/** The process as it is now. */
async function now(processId: number) {
  const process = await Process.findOrFail(processId)
  return { stageKey: process.stageKey, status: process.status }
}

test.group('Sub-processes: spawning and waiting', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    // SQLite: rolling back 0043 rebuilds `workflows`, which rows of `processes` would block.
    await truncateAll()
  })

  test('forEach over 5 items starts 5 children once, each keyed by its parent entry and position', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition(), admin)

    const parent = await shipOrder(admin, 5)
    const [entry] = await db.from('outbox_messages').where('topic', 'children.spawn')
    assert.equal(entry.process_id, parent.id)
    await drainOutbox()

    const children = await childrenOf(parent.id)
    assert.lengthOf(children, 5)
    assert.deepEqual(
      children.map((c) => [c.title, c.parentIndex, c.data.sku, c.data.qty, c.status]),
      [1, 2, 3, 4, 5].map((n) => [`Ship SKU-${n}`, n - 1, `SKU-${n}`, n, 'active'])
    )
    assert.deepEqual(
      children.map((c) => c.idempotencyKey),
      children.map((_, i) => `parent:${parent.id}:${parent.version}:${i}`)
    )
    assert.isTrue(children.every((c) => c.parentSequence === parent.version))

    // The spawn message again (a retried job) starts nothing more.
    await new SpawnChildren().handle(entry.payload ? JSON.parse(entry.payload) : {})
    await drainOutbox()
    assert.lengthOf(await childrenOf(parent.id), 5)
    const spawn = await ChildSpawn.findByOrFail('parent_id', parent.id)
    assert.equal(spawn.status, 'waiting')
    assert.equal(spawn.total, 5)
    assert.propertyVal(await now(parent.id), 'stageKey', 'shipping')
  })

  test('wait all: the parent moves once the last child completes, collecting their data in order', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition(), admin)
    const parent = await shipOrder(admin, 3)
    await drainOutbox()
    const children = await childrenOf(parent.id)

    // Finished out of order: collected in child order.
    for (const index of [2, 0]) {
      await finishChild(children[index]!, admin, 'deliver', { tracking: `T${index}` })
    }
    await drainOutbox()
    assert.propertyVal(await now(parent.id), 'stageKey', 'shipping')

    await finishChild(children[1]!, admin, 'deliver', { tracking: 'T1' })
    await drainOutbox()
    const done = await Process.findOrFail(parent.id)
    assert.equal(done.stageKey, 'done')
    assert.equal(done.status, 'completed')
    assert.deepEqual(done.data.deliveries, [
      { sku: 'SKU-1', tracking: 'T0' },
      { sku: 'SKU-2', tracking: 'T1' },
      { sku: 'SKU-3', tracking: 'T2' },
    ])
    const events = await eventsOf(parent.id)
    const moves = events.filter((e) => e.payload.transition === 'shipped')
    assert.lengthOf(moves, 1)
    assert.equal(moves[0]!.idempotencyKey, `children-done:${parent.id}:${parent.version}`)
    assert.isNull(moves[0]!.actorId)
  })

  test('wait any: the first completed child moves the parent', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition({ wait: 'any' }), admin)
    const parent = await shipOrder(admin, 3)
    await drainOutbox()
    const children = await childrenOf(parent.id)
    await finishChild(children[1]!, admin, 'deliver')
    await drainOutbox()
    assert.propertyVal(await now(parent.id), 'stageKey', 'done')
    // The others keep running on their own.
    const others = await childrenOf(parent.id)
    const statuses = others.map((c) => c.status)
    assert.deepEqual(statuses, ['active', 'completed', 'active'])
  })

  test('quorum: 2 of 3 completed is enough; 2 of 3 failed takes onChildFailure', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(
      orderDefinition({ wait: { quorum: 2 }, onChildFailure: 'trouble' }),
      admin
    )

    const good = await shipOrder(admin, 3)
    const bad = await shipOrder(admin, 3)
    await drainOutbox()
    const goodChildren = await childrenOf(good.id)
    const badChildren = await childrenOf(bad.id)
    await finishChild(goodChildren[0]!, admin, 'deliver')
    await finishChild(goodChildren[1]!, admin, 'lose')
    await finishChild(badChildren[0]!, admin, 'lose')
    await drainOutbox()
    assert.propertyVal(await now(good.id), 'stageKey', 'shipping')
    assert.propertyVal(await now(bad.id), 'stageKey', 'shipping')

    await finishChild(goodChildren[2]!, admin, 'deliver')
    // Cancelling a child alone counts as a failure.
    const cancelled = await Process.findOrFail(badChildren[2]!.id)
    await new CancelProcess().handle({
      process: cancelled,
      expectedVersion: cancelled.version,
      actorId: admin.id,
    })
    await drainOutbox()
    assert.propertyVal(await now(good.id), 'stageKey', 'done')
    const failed = await Process.findOrFail(bad.id)
    assert.equal(failed.stageKey, 'problem')
    const move = await lastEvent(bad.id)
    assert.equal(move.payload.transition, 'trouble')
  })

  test('onChildFailure "ignore": failed and cancelled children count as finished', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition({ onChildFailure: 'ignore' }), admin)
    const parent = await shipOrder(admin, 2)
    await drainOutbox()
    const children = await childrenOf(parent.id)
    await finishChild(children[0]!, admin, 'lose')
    await finishChild(children[1]!, admin, 'deliver')
    await drainOutbox()
    assert.propertyVal(await now(parent.id), 'stageKey', 'done')
  })

  test('cancelling the parent cancels its running children, each with an event naming the parent', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition(), admin)
    const parent = await shipOrder(admin, 3)
    await drainOutbox()
    const children = await childrenOf(parent.id)
    await finishChild(children[0]!, admin, 'deliver')
    await drainOutbox()

    const current = await Process.findOrFail(parent.id)
    await new CancelProcess().handle({
      process: current,
      expectedVersion: current.version,
      actorId: admin.id,
      reason: 'customer changed their mind',
    })
    await drainOutbox()

    const after = await childrenOf(parent.id)
    assert.deepEqual(
      after.map((c) => c.status),
      ['completed', 'cancelled', 'cancelled']
    )
    for (const child of after.slice(1)) {
      const last = await lastEvent(child.id)
      assert.equal(last.type, 'cancelled')
      assert.equal(last.payload.reason, `Cancelled with its parent ${parent.reference}.`)
      assert.deepEqual(last.payload.origin, { parentId: parent.id })
    }
    assert.propertyVal(await now(parent.id), 'status', 'cancelled')
  })

  test('a child workflow unpublished by the time the stage is entered puts the parent in needs attention', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition(), admin)
    await db
      .from('workflow_versions')
      .where('workflow_id', workflow.id)
      .update({ status: 'archived' })

    const parent = await shipOrder(admin, 2)
    await drainOutbox()
    assert.lengthOf(await childrenOf(parent.id), 0)
    const spawn = await ChildSpawn.findByOrFail('parent_id', parent.id)
    assert.equal(spawn.status, 'needs_attention')
    assert.include(spawn.error!, 'has no published version')
    assert.propertyVal(await now(parent.id), 'status', 'active')
  })
})

test.group('Sub-processes: publishing', (group) => {
  freshDatabase(group)

  test('a workflow that starts children of itself is refused at publish', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const definition = orderDefinition({ child: 'order-items' })
    const error = await publishWorkflow(definition, admin).catch((e) => e)
    assert.instanceOf(error, DefinitionRejected)
    const problem = problemsOf(error).find((p) => p.code === 'child_nesting_too_deep')
    assert.exists(problem)
    assert.equal(problem!.path, '$.stages[1].children.workflow')
    assert.include(problem!.message, 'reaches itself')
  })

  test('a child workflow that is not published is refused at publish', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const error = await publishWorkflow(orderDefinition({ child: 'nowhere' }), admin).catch(
      (e) => e
    )
    assert.instanceOf(error, DefinitionRejected)
    assert.deepInclude(
      problemsOf(error).map((p) => p.code),
      'unknown_child_workflow'
    )
  })
})
