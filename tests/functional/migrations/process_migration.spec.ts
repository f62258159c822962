import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import ProcessMigration from '#models/process_migration'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import VerifyProcesses from '#actions/processes/verify_processes'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

/** Version 2 of order fulfilment: "reserved" renamed, shipment gets a required field and a longer SLA. */
function version2(): WorkflowDefinition {
  const v1 = structuredClone(DEMO_DEFINITIONS.orderFulfilment)
  for (const stage of v1.stages) {
    if (stage.key === 'INVENTORY_RESERVING') stage.sla = '8h'
    if (stage.key === 'INVENTORY_RESERVED') {
      stage.key = 'STOCK_HELD'
      stage.name = 'Stock held'
    }
    if (stage.key === 'PAYMENT_APPROVED')
      stage.fields = [{ key: 'invoice', label: 'Invoice number', type: 'text', required: true }]
  }
  for (const t of v1.transitions) {
    if (t.from === 'INVENTORY_RESERVED') t.from = 'STOCK_HELD'
    if (t.to === 'INVENTORY_RESERVED') t.to = 'STOCK_HELD'
  }
  return v1
}

async function setup() {
  const admin = await UserFactory.apply('admin').create()
  const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
  const walk = async (title: string, transitions: string[]) => {
    let { process } = await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title,
      actor: admin,
    })
    for (const transition of transitions) {
      ;({ process } = await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: admin,
        data: transition === 'approve_payment' ? { payment_reference: 'P' } : undefined,
      }))
    }
    return process
  }
  const reserving = await walk('reserving', ['reserve_inventory'])
  const reserved = await walk('reserved', ['reserve_inventory', 'inventory_reserved'])
  const approved = await walk('approved', [
    'reserve_inventory',
    'inventory_reserved',
    'process_payment',
    'approve_payment',
  ])
  const done = await walk('done', ['reserve_inventory', 'inventory_unavailable'])
  await new SaveWorkflowDraft().handle({ workflow, document: version2(), actor: admin })
  await new PublishWorkflow().handle({ workflow, actor: admin })
  return { admin, reserving, reserved, approved, done }
}

const mapping = {
  INITIATED: 'INITIATED',
  INVENTORY_RESERVING: 'INVENTORY_RESERVING',
  INVENTORY_RESERVED: 'STOCK_HELD',
  PAYMENT_PROCESSING: 'PAYMENT_PROCESSING',
  PAYMENT_APPROVED: 'PAYMENT_APPROVED',
}

test.group('Migrating running processes to a newer version', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('the dry run lists who moves where and who is refused, and writes nothing', async ({
    client,
    assert,
  }) => {
    const { admin, approved } = await setup()
    const response = await client
      .get('/workflows/order-fulfilment/migrate')
      .qs({ from: 1, to: 2, map: mapping })
      .loginAs(admin)
      .withInertia()
    response.assertStatus(200)
    const plan = (response.inertiaProps as any).plan
    assert.sameMembers(
      plan.moves.map((m: any) => `${m.title}:${m.toStage}`),
      ['reserving:INVENTORY_RESERVING', 'reserved:STOCK_HELD']
    )
    assert.deepEqual(
      plan.refused.map((r: any) => [r.processId, r.reason]),
      [[approved.id, 'Required field missing: Invoice number']]
    )
    const untouched = await Process.query().where('workflow_version_id', 2)
    assert.lengthOf(untouched, 0)
  })

  test('confirming moves them in the background: migrated events, SLA restarted, refusals recorded', async ({
    client,
    assert,
  }) => {
    const { admin, reserving, reserved, approved, done } = await setup()
    const response = await client
      .post('/workflows/order-fulfilment/migrations')
      .json({ from: 1, to: 2, map: mapping })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const migration = await ProcessMigration.firstOrFail()
    assert.equal(migration.status, 'pending')
    assert.equal(migration.total, 3)

    await drainOutbox()
    await migration.refresh()
    assert.equal(migration.status, 'completed')
    assert.deepInclude(migration.$attributes, { moved: 2, refused: 1, failed: 0 })
    assert.equal(migration.progress, 100)

    const moved = await Process.findOrFail(reserved.id)
    assert.equal(moved.workflowVersionId, migration.toVersionId)
    assert.equal(moved.stageKey, 'STOCK_HELD')
    const event = await ProcessEvent.query()
      .where('process_id', reserved.id)
      .orderBy('sequence', 'desc')
      .firstOrFail()
    assert.equal(event.type, 'migrated')
    assert.equal(event.actorId, admin.id)
    assert.deepInclude(event.payload, {
      fromVersionId: migration.fromVersionId,
      toVersionId: migration.toVersionId,
    })
    assert.deepEqual([event.fromStage, event.toStage], ['INVENTORY_RESERVED', 'STOCK_HELD'])

    // The new version's 8h SLA counts from the move.
    const restarted = await Process.findOrFail(reserving.id)
    assert.approximately(restarted.dueAt!.diff(event.occurredAt, 'hours').hours, 8, 0.1)

    const stayed = await Process.findOrFail(approved.id)
    assert.equal(stayed.workflowVersionId, migration.fromVersionId)
    const closed = await Process.findOrFail(done.id)
    assert.equal(closed.workflowVersionId, migration.fromVersionId)

    // The log still replays to the stored state.
    const report = await new VerifyProcesses().handle({})
    assert.lengthOf(report.discrepancies, 0)

    const page = await client.get(`/migrations/${migration.id}`).loginAs(admin).withInertia()
    page.assertInertiaPropsContains({ migration: { status: 'completed', moved: 2, refused: 1 } })
  })

  test('only admins may migrate; only to a newer published version', async ({ client }) => {
    const { admin } = await setup()
    const manager = await UserFactory.apply('manager').create()
    const denied = await client
      .get('/workflows/order-fulfilment/migrate')
      .loginAs(manager)
      .withInertia()
    denied.assertStatus(403)

    const backwards = await client
      .post('/workflows/order-fulfilment/migrations')
      .json({ from: 2, to: 1, map: {} })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/workflows/order-fulfilment/migrate')
      .redirects(0)
    backwards.assertStatus(302)
    backwards.assertFlashMessage('error', 'Processes can only move to a newer published version.')
  })
})
