import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import BulkOperation from '#models/bulk_operation'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import AssignProcess from '#actions/processes/assign_process'
import { VersionConflict } from '#exceptions/process_errors'
import ApplyBulkAction from '#actions/processes/bulk/apply_bulk_action'
import RunBulkAction from '#jobs/run_bulk_action'
import VerifyProcesses from '#actions/processes/verify_processes'
import { definitionOf } from '#support/definitions'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { countQueries } from '#tests/helpers/query_counter'
import { move, startProcesses, toPreparingShipment } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
  return { manager, member }
}

/**
 * Order fulfilment: 3 at "Initiated", 1 reserving, 1 cancelled, 1 preparing
 * shipment (its "ship" needs two fields); support tickets: 2 new.
 */
async function mixedSelection(manager: Awaited<ReturnType<typeof setup>>['manager']) {
  const initiated = await startProcesses(3, manager, { title: (i) => `Initiated ${i}` })
  const [reserving, closed, shipping] = await startProcesses(3, manager, {
    title: (i) => `Other ${i}`,
  })
  const reserved = await move(reserving!, 'reserve_inventory', manager)
  const cancelled = await move(
    await move(closed!, 'reserve_inventory', manager),
    'inventory_unavailable',
    manager
  )
  const preparing = await toPreparingShipment(shipping!, manager)
  const tickets = await startProcesses(2, manager, { workflow: 'support-ticket' })
  return { initiated, reserved, cancelled, preparing, tickets }
}

const previewOf = (response: { body(): unknown }) =>
  (response.body() as { preview: Record<string, any> }).preview

test.group('Process list / bulk actions', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('the preview counts who changes and who is refused, and why, without writing', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const { initiated, reserved, cancelled, preparing, tickets } = await mixedSelection(manager)
    const eventsBefore = await ProcessEvent.query().count('* as total').first()

    const response = await client
      .post('/processes/bulk/preview')
      .json({ action: 'transition', transition: 'reserve_inventory', filter: {} })
      .loginAs(manager)
      .withCsrfToken()
    response.assertStatus(200)
    const preview = previewOf(response)
    assert.equal(preview.total, 8)
    assert.equal(preview.applicable, 3)
    assert.equal(preview.refused, 5)
    assert.deepEqual(Object.fromEntries(preview.reasons.map((r: any) => [r.code, r.count])), {
      not_from_current_stage: 2,
      closed: 1,
      unknown_transition: 2,
    })
    const why = Object.fromEntries(
      preview.samples.map((s: any) => [s.processId, `${s.code}:${s.detail}`])
    )
    assert.equal(why[reserved.id], 'not_from_current_stage:Reserving inventory')
    assert.equal(why[cancelled.id], 'closed:cancelled')
    assert.equal(why[preparing.id], 'not_from_current_stage:Preparing shipment')
    assert.equal(why[tickets[0]!.id], 'unknown_transition:reserve_inventory')
    for (const p of initiated) assert.notProperty(why, String(p.id))

    // "ship" on the one preparing shipment: its required fields are missing.
    const ship = await client
      .post('/processes/bulk/preview')
      .json({ action: 'transition', transition: 'ship', ids: [preparing.id, cancelled.id] })
      .loginAs(manager)
      .withCsrfToken()
    assert.deepEqual(
      previewOf(ship).samples.map((s: any) => [s.processId, s.code, s.detail]),
      [
        [cancelled.id, 'closed', 'cancelled'],
        [preparing.id, 'missing_fields', 'Tracking number, Carrier'],
      ]
    )

    // A filter is the list's filter: stage + workflow narrow it the same way.
    const filtered = await client
      .post('/processes/bulk/preview')
      .json({
        action: 'cancel',
        filter: { workflow: 'order-fulfilment', status: 'active' },
      })
      .loginAs(manager)
      .withCsrfToken()
    assert.deepInclude(previewOf(filtered), { total: 5, applicable: 5, refused: 0 })

    // Assigning to the person already assigned changes nothing: refused as "unchanged".
    const assign = await client
      .post('/processes/bulk/preview')
      .json({ action: 'assign', assigneeId: null, ids: tickets.map((t) => t.id) })
      .loginAs(manager)
      .withCsrfToken()
    assert.deepInclude(previewOf(assign), { total: 2, applicable: 0, refused: 2 })
    assert.equal(previewOf(assign).reasons[0].code, 'unchanged')

    const eventsAfter = await ProcessEvent.query().count('* as total').first()
    assert.equal(eventsAfter!.$extras.total, eventsBefore!.$extras.total)
    assert.lengthOf(await BulkOperation.all(), 0)
  })

  test('the transitions offered for a selection come with how many processes can run them', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    await mixedSelection(manager)
    const response = await client
      .post('/processes/bulk/transitions')
      .json({ filter: {} })
      .loginAs(manager)
      .withCsrfToken()
    response.assertStatus(200)
    const offered = Object.fromEntries(
      (response.body() as any).transitions.map((t: any) => [t.key, t.count])
    )
    assert.deepEqual(offered, {
      reserve_inventory: 3,
      inventory_reserved: 1,
      inventory_unavailable: 1,
      ship: 1,
      start_work: 2,
    })
  })

  test('the preview runs the same number of queries for 1 process as for 100', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const preview = () =>
      client
        .post('/processes/bulk/preview')
        .json({ action: 'transition', transition: 'reserve_inventory', filter: {} })
        .loginAs(manager)
        .withCsrfToken()

    await startProcesses(1, manager)
    await preview() // warms the definitions cache, as any running server has
    const one = await countQueries(preview)
    await startProcesses(70, manager)
    await startProcesses(29, manager, { workflow: 'support-ticket' })
    const hundred = await countQueries(preview)

    assert.equal(previewOf(one.result).total, 1)
    assert.equal(previewOf(hundred.result).total, 100)
    assert.deepInclude(previewOf(hundred.result), { applicable: 71, refused: 29 })
    assert.equal(hundred.count, one.count, hundred.queries.join('\n'))
  })

  test('confirming runs it in the background: a result per row, events with the actor and the bulk id', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const { initiated, reserved, cancelled, tickets } = await mixedSelection(manager)
    const ids = [...initiated.map((p) => p.id), reserved.id, cancelled.id, tickets[0]!.id]

    const response = await client
      .post('/processes/bulk')
      .json({ action: 'transition', transition: 'reserve_inventory', ids })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const operation = await BulkOperation.firstOrFail()
    response.assertHeader('location', `/processes/bulk/${operation.id}`)
    response.assertFlashMessage(
      'success',
      `Bulk operation #${operation.id} started for 6 processes.`
    )
    assert.deepInclude(operation.$attributes, {
      status: 'pending',
      action: 'transition',
      total: 6,
      processed: 0,
      requestedBy: manager.id,
    })
    assert.deepEqual(operation.parameters, { transition: 'reserve_inventory' })
    assert.deepEqual(operation.selection, { ids })
    // Nothing has changed yet: the job does it.
    const untouched = await Process.findOrFail(initiated[0]!.id)
    assert.equal(untouched.stageKey, 'INITIATED')

    await drainOutbox()
    await operation.refresh()
    assert.deepInclude(operation.$attributes, {
      status: 'completed',
      processed: 6,
      succeeded: 3,
      refused: 3,
      failed: 0,
    })
    assert.equal(operation.progress, 100)

    for (const p of initiated) {
      const moved = await Process.findOrFail(p.id)
      assert.equal(moved.stageKey, 'INVENTORY_RESERVING')
      const event = await ProcessEvent.query()
        .where('process_id', p.id)
        .orderBy('sequence', 'desc')
        .firstOrFail()
      assert.equal(event.type, 'transitioned')
      assert.equal(event.actorId, manager.id)
      assert.equal(event.idempotencyKey, `bulk:${operation.id}:${p.id}`)
      assert.deepEqual(event.payload.origin, { bulkOperationId: operation.id })
      assert.deepEqual([event.fromStage, event.toStage], ['INITIATED', 'INVENTORY_RESERVING'])
    }
    // Refused rows were not touched.
    const stillReserved = await Process.findOrFail(reserved.id)
    const stillCancelled = await Process.findOrFail(cancelled.id)
    assert.equal(stillReserved.version, reserved.version)
    assert.equal(stillCancelled.version, cancelled.version)

    const page = await client.get(`/processes/bulk/${operation.id}`).loginAs(manager).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('processes/bulk/show')
    const props = page.inertiaProps as any
    assert.deepInclude(props.operation, { status: 'completed', succeeded: 3, refused: 3 })
    const byId = Object.fromEntries(
      props.items.data.map((i: any) => [i.processId, `${i.outcome}:${i.code ?? ''}`])
    )
    assert.deepEqual(byId, {
      [initiated[0]!.id]: 'succeeded:',
      [initiated[1]!.id]: 'succeeded:',
      [initiated[2]!.id]: 'succeeded:',
      [reserved.id]: 'refused:not_from_current_stage',
      [cancelled.id]: 'refused:closed',
      [tickets[0]!.id]: 'refused:unknown_transition',
    })
    assert.equal(
      props.items.data.find((i: any) => i.processId === reserved.id).reference,
      reserved.reference
    )
    assert.equal(props.items.metadata.total, 6)

    // Only the refused ones, by outcome.
    const refusedPage = await client
      .get(`/processes/bulk/${operation.id}`)
      .qs({ outcome: 'refused' })
      .loginAs(manager)
      .withInertia()
    const refusedProps = refusedPage.inertiaProps as any
    assert.equal(refusedProps.outcome, 'refused')
    assert.sameMembers(
      refusedProps.items.data.map((i: any) => i.processId),
      [reserved.id, cancelled.id, tickets[0]!.id]
    )

    const report = await new VerifyProcesses().handle({})
    assert.lengthOf(report.discrepancies, 0)
  })

  test('assign and cancel on the whole filter; a re-run of the job applies nothing twice', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    await startProcesses(4, manager)
    await startProcesses(2, manager, { workflow: 'support-ticket' })

    const assign = await client
      .post('/processes/bulk')
      .json({ action: 'assign', assigneeId: member.id, filter: { workflow: 'order-fulfilment' } })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    assign.assertStatus(302)
    await drainOutbox()
    const operation = await BulkOperation.firstOrFail()
    assert.deepInclude(operation.$attributes, { status: 'completed', total: 4, succeeded: 4 })
    const assigned = await Process.query().where('assignee_id', member.id)
    assert.lengthOf(assigned, 4)
    const events = await ProcessEvent.query().where('type', 'assigned')
    assert.lengthOf(events, 4)
    assert.isTrue(events.every((e) => e.actorId === manager.id))

    // As if the worker died after committing the changes but before recording them: run again.
    await db.from('bulk_operation_items').update({ outcome: 'pending', code: null })
    await BulkOperation.query().where('id', operation.id).update({ status: 'running' })
    await new RunBulkAction().handle({ bulkOperationId: operation.id }, fakeContext())
    await operation.refresh()
    assert.deepInclude(operation.$attributes, { status: 'completed', succeeded: 4, failed: 0 })
    assert.lengthOf(await ProcessEvent.query().where('type', 'assigned'), 4)
    // And a finished operation is left alone.
    await new RunBulkAction().handle({ bulkOperationId: operation.id }, fakeContext())
    assert.lengthOf(await ProcessEvent.query().where('type', 'assigned'), 4)

    const cancel = await client
      .post('/processes/bulk')
      .json({
        action: 'cancel',
        reason: 'Duplicate orders',
        filter: { workflow: 'support-ticket' },
      })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    cancel.assertStatus(302)
    await drainOutbox()
    const cancelled = await Process.query().where('status', 'cancelled')
    assert.lengthOf(cancelled, 2)
    const cancelEvent = await ProcessEvent.query().where('type', 'cancelled').firstOrFail()
    assert.equal(cancelEvent.payload.reason, 'Duplicate orders')
    assert.match(JSON.stringify(cancelEvent.payload.origin), /^\{"bulkOperationId":\d+\}$/)
    assert.match(cancelEvent.idempotencyKey!, /^bulk:\d+:\d+$/)
  })

  test('a version conflict is retried once on a fresh read; the result says what happened', async ({
    assert,
  }) => {
    const { manager, member } = await setup()
    const [process] = await startProcesses(1, manager)
    const stale = await Process.findOrFail(process!.id)
    // Someone else changes it after the job read it.
    await new AssignProcess().handle({
      process: stale,
      assigneeId: member.id,
      expectedVersion: stale.version,
      actorId: member.id,
    })
    const operation = await BulkOperation.create({
      requestedBy: manager.id,
      action: 'transition',
      parameters: { transition: 'reserve_inventory' },
      selection: { ids: [stale.id] },
      status: 'running',
      total: 1,
      processed: 0,
      succeeded: 0,
      refused: 0,
      failed: 0,
    })
    const result = await new ApplyBulkAction().handle({
      operation,
      process: stale,
      actor: manager,
      definition: await definitionOf(stale.workflowVersionId),
    })
    assert.deepEqual(result, { outcome: 'succeeded', code: null, message: null })
    const fresh = await Process.findOrFail(stale.id)
    assert.equal(fresh.stageKey, 'INVENTORY_RESERVING')
    assert.equal(fresh.assigneeId, member.id)
    assert.equal(fresh.version, 3)
  })

  test('a second version conflict on the same row is reported as failed, not retried again', async ({
    assert,
  }) => {
    const { manager } = await setup()
    const [process] = await startProcesses(1, manager)
    const operation = await BulkOperation.create({
      requestedBy: manager.id,
      action: 'cancel',
      parameters: { reason: null },
      selection: { ids: [process!.id] },
      status: 'running',
      total: 1,
      processed: 0,
      succeeded: 0,
      refused: 0,
      failed: 0,
    })
    // Someone else always writes first: every attempt meets a newer version.
    let attempts = 0
    class AlwaysBeaten extends ApplyBulkAction {
      protected async run(..._args: unknown[]): Promise<never> {
        attempts++
        const current = await Process.findOrFail(process!.id)
        throw new VersionConflict(current, current.version - 1)
      }
    }
    const result = await new AlwaysBeaten().handle({
      operation,
      process: process!,
      actor: manager,
      definition: await definitionOf(process!.workflowVersionId),
    })
    assert.equal(attempts, 2)
    assert.equal(result.outcome, 'failed')
    assert.equal(result.code, 'version_conflict')
    assert.include(result.message!, 'changed since you loaded it')
  })

  test('members get 403 on every bulk endpoint and see no bulk controls', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [process] = await startProcesses(1, manager)
    const body = { action: 'cancel', ids: [process!.id] }

    const preview = await client
      .post('/processes/bulk/preview')
      .json(body)
      .loginAs(member)
      .withCsrfToken()
    preview.assertStatus(403)
    const transitions = await client
      .post('/processes/bulk/transitions')
      .json({ ids: [process!.id] })
      .loginAs(member)
      .withCsrfToken()
    transitions.assertStatus(403)
    const store = await client.post('/processes/bulk').json(body).loginAs(member).withCsrfToken()
    store.assertStatus(403)
    assert.equal(
      await db
        .from('bulk_operations')
        .count('* as total')
        .first()
        .then((r) => Number(r.total)),
      0
    )

    const list = await client.get('/processes').loginAs(member).withInertia()
    assert.isFalse((list.inertiaProps as any).allowed.bulk)
  })

  test('bad input gets 422 with the field, and nothing is written', async ({ client, assert }) => {
    const { manager, member } = await setup()
    const [process] = await startProcesses(1, manager)
    const inactive = await UserFactory.apply('inactive').create()
    const preview = (body: Record<string, unknown>) =>
      client.post('/processes/bulk/preview').json(body).loginAs(manager).withCsrfToken()
    const fieldOf = (response: { body(): unknown }) =>
      ((response.body() as any).errors as any[]).map((e) => e.field).filter(Boolean)

    const badAction = await preview({ action: 'delete', ids: [process!.id] })
    badAction.assertStatus(422)
    assert.include(fieldOf(badAction), 'action')

    const noTransition = await preview({ action: 'transition', ids: [process!.id] })
    noTransition.assertStatus(422)
    assert.deepEqual(fieldOf(noTransition), ['transition'])

    const nobody = await preview({ action: 'assign', ids: [process!.id] })
    nobody.assertStatus(422)
    assert.deepEqual(fieldOf(nobody), ['assigneeId'])

    const gone = await preview({ action: 'assign', assigneeId: inactive.id, ids: [process!.id] })
    gone.assertStatus(422)
    assert.deepEqual(fieldOf(gone), ['assigneeId'])

    const both = await preview({ action: 'cancel', ids: [process!.id], filter: {} })
    both.assertStatus(422)
    const none = await preview({ action: 'cancel' })
    none.assertStatus(422)
    const badFilter = await preview({ action: 'cancel', filter: { status: 'sleeping' } })
    badFilter.assertStatus(422)
    assert.deepEqual(fieldOf(badFilter), ['status'])

    const store = await client
      .post('/processes/bulk')
      .json({ action: 'assign', ids: ['x'] })
      .header('accept', 'application/json')
      .loginAs(manager)
      .withCsrfToken()
    store.assertStatus(422)

    // Nothing matches: refused before an operation exists.
    const empty = await client
      .post('/processes/bulk')
      .json({ action: 'assign', assigneeId: member.id, ids: [999999] })
      .header('referer', '/processes')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    empty.assertStatus(302)
    empty.assertFlashMessage('error', 'No process matches this selection.')
    assert.equal(
      await db
        .from('bulk_operations')
        .count('* as total')
        .first()
        .then((r) => Number(r.total)),
      0
    )
    assert.equal(
      await db
        .from('outbox_messages')
        .where('topic', 'bulk.requested')
        .count('* as total')
        .first()
        .then((r) => Number(r.total)),
      0
    )
  })
})

function fakeContext() {
  return {
    jobId: 'test',
    attempt: 1,
    maxAttempts: 1,
    logger: { info() {}, warn() {}, error() {}, debug() {} } as any,
    progress: async () => {},
  }
}
