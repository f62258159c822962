import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import type User from '#models/user'
import Process from '#models/process'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { move, startProcesses } from '#tests/helpers/process_fixtures'

/**
 * The long-running work of the pages over /api/v1: bulk operations,
 * process migrations and reports (every answer is also checked against
 * the OpenAPI document by the contract hook of tests/bootstrap.ts).
 */
const fields = (response: any) => response.body().errors.map((e: any) => e.field)
const stageOf = async (id: number) => {
  const process = await Process.findOrFail(id)
  return process.stageKey
}
const versionOf = async (id: number) => {
  const process = await Process.findOrFail(id)
  return process.workflowVersionId
}

/** Sends the request and checks the status of the answer. */
async function expectStatus(request: Promise<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
}
const as = (user: User) => (request: any) => request.withGuard('api').loginAs(user)

test.group('API parity / bulk operations', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a lead previews, starts and follows a bulk transition; results page by cursor', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const processes = await startProcesses(5, manager)
    await move(processes[0]!, 'reserve_inventory', manager)
    const ids = processes.map((p) => p.id)
    const api = as(manager)

    const options = await api(client.post('/api/v1/bulk-operations/transitions').json({ ids }))
    options.assertStatus(200)
    const reserve = options.body().data.find((t: any) => t.key === 'reserve_inventory')
    assert.equal(reserve.count, 4)

    const body = { action: 'transition', transition: 'reserve_inventory', ids }
    const preview = await api(client.post('/api/v1/bulk-operations/preview').json(body))
    preview.assertStatus(200)
    assert.include(preview.body().data, { total: 5, applicable: 4, refused: 1 })
    assert.equal(await stageOf(ids[1]!), 'INITIATED')

    const started = await api(client.post('/api/v1/bulk-operations').json(body))
    started.assertStatus(202)
    assert.include(started.body().data, { status: 'pending', total: 5, action: 'transition' })
    const id = started.body().data.id

    await drainOutbox()
    const progress = await api(client.get(`/api/v1/bulk-operations/${id}`))
    progress.assertStatus(200)
    assert.include(progress.body().data, {
      status: 'completed',
      succeeded: 4,
      refused: 1,
      progress: 100,
    })
    assert.equal(await stageOf(ids[1]!), 'INVENTORY_RESERVING')

    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: any = await api(
        client
          .get(`/api/v1/bulk-operations/${id}/items`)
          .qs(cursor ? { limit: 2, cursor } : { limit: 2 })
      )
      page.assertStatus(200)
      seen.push(...page.body().data.map((i: any) => i.processId))
      cursor = page.body().metadata.nextCursor
      pages++
    } while (cursor)
    assert.equal(pages, 3)
    assert.deepEqual(seen, ids)

    const refused = await api(
      client.get(`/api/v1/bulk-operations/${id}/items`).qs({ outcome: 'refused' })
    )
    assert.deepEqual(
      refused.body().data.map((i: any) => i.processId),
      [ids[0]]
    )
    assert.isNull(refused.body().metadata.nextCursor)
  })

  test('members get 403, unknown operations 404, bad input 422 with the field', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    const body = { action: 'cancel', ids: [1] }
    for (const [method, url] of [
      ['post', '/api/v1/bulk-operations/preview'],
      ['post', '/api/v1/bulk-operations'],
      ['get', '/api/v1/bulk-operations/1'],
      ['get', '/api/v1/bulk-operations/1/items'],
    ] as const) {
      const request = client[method](url)
      const response = await as(member)(method === 'post' ? request.json(body) : request)
      response.assertStatus(403)
    }
    await expectStatus(as(manager)(client.get('/api/v1/bulk-operations/999')), 404)
    await expectStatus(client.get('/api/v1/bulk-operations/1'), 401)

    const missing = await as(manager)(
      client.post('/api/v1/bulk-operations/preview').json({ ids: [1] })
    )
    missing.assertStatus(422)
    assert.include(fields(missing), 'action')
    const noTransition = await as(manager)(
      client.post('/api/v1/bulk-operations').json({ action: 'transition', ids: [1] })
    )
    noTransition.assertStatus(422)
    assert.include(fields(noTransition), 'transition')
    const badCursor = await as(manager)(
      client.get('/api/v1/bulk-operations/1/items').qs({ cursor: 'abc' })
    )
    assert.oneOf(badCursor.status(), [404, 422])
  })
})

test.group('API parity / process migrations', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an admin dry-runs, starts and follows a migration to a newer version', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    const [initiated, reserving] = await startProcesses(2, admin)
    await move(reserving!, 'reserve_inventory', admin)
    const v2 = structuredClone(DEMO_DEFINITIONS.orderFulfilment)
    await new SaveWorkflowDraft().handle({ workflow, document: v2, actor: admin })
    await new PublishWorkflow().handle({ workflow, actor: admin })
    const api = as(admin)
    const body = { from: 1, to: 2, map: { INITIATED: 'INITIATED' } }

    const dry = await api(
      client.post('/api/v1/workflows/order-fulfilment/migrations/dry-run').json(body)
    )
    dry.assertStatus(200)
    assert.deepEqual(
      dry.body().data.moves.map((m: any) => m.processId),
      [initiated!.id]
    )
    assert.deepEqual(
      dry.body().data.refused.map((m: any) => m.processId),
      [reserving!.id]
    )
    assert.equal(await versionOf(initiated!.id), initiated!.workflowVersionId)

    const started = await api(
      client.post('/api/v1/workflows/order-fulfilment/migrations').json(body)
    )
    started.assertStatus(202)
    assert.include(started.body().data, { workflow: 'order-fulfilment', from: 1, to: 2 })
    await drainOutbox()
    const progress = await api(client.get(`/api/v1/migrations/${started.body().data.id}`))
    assert.include(progress.body().data, { status: 'completed', moved: 1, refused: 1 })
    const items = await api(
      client.get(`/api/v1/migrations/${started.body().data.id}/items`).qs({ limit: 1 })
    )
    items.assertStatus(200)
    assert.lengthOf(items.body().data, 1)
    assert.isString(items.body().metadata.nextCursor)
    const rest = await api(
      client
        .get(`/api/v1/migrations/${started.body().data.id}/items`)
        .qs({ cursor: items.body().metadata.nextCursor })
    )
    assert.lengthOf(rest.body().data, 1)
    assert.notEqual(rest.body().data[0].processId, items.body().data[0].processId)
  })

  test('managers get 403, unknown workflows 404, a missing map 422', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    const body = { from: 1, to: 2, map: {} }
    await expectStatus(
      as(manager)(client.post('/api/v1/workflows/order-fulfilment/migrations/dry-run').json(body)),
      403
    )
    await expectStatus(as(manager)(client.get('/api/v1/migrations/1')), 403)
    await expectStatus(as(admin)(client.post('/api/v1/workflows/nope/migrations').json(body)), 404)
    await expectStatus(as(admin)(client.get('/api/v1/migrations/999')), 404)
    const invalid = await as(admin)(
      client.post('/api/v1/workflows/order-fulfilment/migrations/dry-run').json({ from: 1, to: 2 })
    )
    invalid.assertStatus(422)
    assert.include(fields(invalid), 'map')
    const sameVersion = await as(admin)(
      client.post('/api/v1/workflows/order-fulfilment/migrations').json({ from: 1, to: 1, map: {} })
    )
    sameVersion.assertStatus(422)
  })
})

test.group('API parity / reports', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('a manager requests a report, follows it, reads the result and downloads CSV and XLSX', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(2, manager)
    const api = as(manager)
    const today = new Date().toISOString().slice(0, 10)
    const body = { kind: 'throughput', from: today, to: today, timezone: 'UTC' }

    const requested = await api(client.post('/api/v1/reports').json(body))
    requested.assertStatus(202)
    assert.isFalse(requested.body().meta.reused)
    const id = requested.body().data.id
    const again = await api(client.post('/api/v1/reports').json(body))
    again.assertStatus(200)
    assert.isTrue(again.body().meta.reused)
    assert.equal(again.body().data.id, id)

    const early = await api(client.get(`/api/v1/reports/${id}/export/csv`))
    early.assertStatus(404)

    await drainOutbox()
    const run = await api(client.get(`/api/v1/reports/${id}`))
    run.assertStatus(200)
    assert.equal(run.body().data.status, 'completed')
    assert.isObject(run.body().data.result)

    const csv = await api(client.get(`/api/v1/reports/${id}/export/csv`))
    csv.assertStatus(200)
    assert.match(csv.header('content-type')!, /^text\/csv/)
    assert.match(csv.header('content-disposition')!, /report-\d+-throughput\.csv/)
    const xlsx = await api(client.get(`/api/v1/reports/${id}/export/xlsx`))
    xlsx.assertStatus(200)
    assert.match(xlsx.header('content-type')!, /spreadsheetml/)

    const list = await api(client.get('/api/v1/reports').qs({ limit: 1 }))
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((r: any) => r.id),
      [id]
    )
    assert.isNull(list.body().metadata.nextCursor)
  })

  test('members get 403, unknown runs 404, bad input 422 with the field', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    await expectStatus(as(member)(client.get('/api/v1/reports')), 403)
    await expectStatus(as(member)(client.post('/api/v1/reports').json({})), 403)
    await expectStatus(as(member)(client.get('/api/v1/reports/1/export/csv')), 403)
    await expectStatus(as(manager)(client.get('/api/v1/reports/999')), 404)
    await expectStatus(as(manager)(client.get('/api/v1/reports/999/export/xlsx')), 404)
    const invalid = await as(manager)(
      client
        .post('/api/v1/reports')
        .json({ kind: 'throughput', from: 'soon', to: '2026-01-01', timezone: 'UTC' })
    )
    invalid.assertStatus(422)
    assert.include(fields(invalid), 'from')
    const backwards = await as(manager)(
      client
        .post('/api/v1/reports')
        .json({ kind: 'throughput', from: '2026-02-01', to: '2026-01-01', timezone: 'UTC' })
    )
    backwards.assertStatus(422)
    assert.include(fields(backwards), 'to')
    const badCursor = await as(manager)(client.get('/api/v1/reports').qs({ cursor: 'bm9wZQ' }))
    badCursor.assertStatus(422)
    assert.include(fields(badCursor), 'cursor')
  })
})

test.group('API parity / the process list by cursor', (group) => {
  freshDatabase(group)

  test('cursor pages keep the filters, numbered pages still work, mixing both is 422', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const processes = await startProcesses(5, manager)
    await move(processes[1]!, 'reserve_inventory', manager)
    const api = as(manager)

    const seen: number[] = []
    let cursor: string | undefined
    do {
      const page = await api(
        client
          .get('/api/v1/processes')
          .qs({ stage: 'INITIATED', limit: 3, ...(cursor ? { cursor } : {}) })
      )
      page.assertStatus(200)
      seen.push(...page.body().data.map((p: any) => p.id))
      cursor = page.body().metadata.nextCursor ?? undefined
    } while (cursor)
    const expected = processes.filter((_, i) => i !== 1).map((p) => p.id)
    assert.deepEqual(seen, expected.reverse())

    const numbered = await api(client.get('/api/v1/processes').qs({ page: 1, perPage: 2 }))
    numbered.assertStatus(200)
    assert.include(numbered.body().metadata, { total: 5, perPage: 2, currentPage: 1 })

    const mixed = await api(client.get('/api/v1/processes').qs({ page: 2, limit: 2 }))
    mixed.assertStatus(422)
    assert.include(fields(mixed), 'cursor')
  })
})
