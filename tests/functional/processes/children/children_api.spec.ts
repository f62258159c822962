import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import PlanProcessMigration from '#actions/migrations/plan_process_migration'
import { definitionOf } from '#support/definitions'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { items, orderDefinition, shipmentDefinition } from '#tests/helpers/children_fixtures'

test.group('API / sub-processes and list fields', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    // SQLite: rolling back 0043 rebuilds `workflows`, which rows of `processes` would block.
    await truncateAll()
  })

  async function setUp(client: any) {
    const manager = await UserFactory.apply('manager').create()
    const api = (request: any) => request.withGuard('api').loginAs(manager)
    for (const definition of [shipmentDefinition(), orderDefinition()]) {
      const created = await api(client.post('/api/v1/workflows').json(definition))
      created.assertStatus(201)
      const published = await api(client.post(`/api/v1/workflows/${definition.key}/publish`))
      published.assertStatus(200)
    }
    const start = (data: Record<string, unknown>) =>
      api(client.post('/api/v1/processes').json({ workflow: 'order-items', title: 'Order', data }))
    return { api, start }
  }

  test('a bad cell of a list field is a 422 naming its row and column', async ({
    client,
    assert,
  }) => {
    const { start } = await setUp(client)
    const refused = await start({
      items: [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: 2 },
        { sku: 'C', qty: 0 },
      ],
    })
    refused.assertStatus(422)
    const fields = (refused.body().errors as { field?: string; code: string }[])
      .filter((e) => e.field)
      .map((e) => [e.field, e.code])
    assert.deepEqual(fields, [['data.items.2.qty', 'below_min']])
    assert.lengthOf(await Process.all(), 0)

    const accepted = await start({ items: [{ sku: 'A', qty: '3' }] })
    accepted.assertStatus(201)
    assert.deepEqual(accepted.body().data.data.items, [{ sku: 'A', qty: 3 }])
  })

  test('GET /processes/:id/children lists the children; each names its parent; the list filters by parent', async ({
    client,
    assert,
  }) => {
    const { api, start } = await setUp(client)
    const started = await start({ items: items(3) })
    started.assertStatus(201)
    const parent = started.body().data
    assert.isNull(parent.parentId)
    const moved = await api(
      client
        .post(`/api/v1/processes/${parent.id}/transitions`)
        .json({ transition: 'ship', expectedVersion: parent.version })
    )
    moved.assertStatus(200)
    await drainOutbox()

    const children = await api(client.get(`/api/v1/processes/${parent.id}/children`))
    children.assertStatus(200)
    const rows = children.body().data as {
      id: number
      title: string
      parentId: number
      index: number
      workflow: { key: string }
      stage: { key: string }
    }[]
    assert.deepEqual(
      rows.map((r) => [r.title, r.parentId, r.index, r.workflow.key, r.stage.key]),
      [0, 1, 2].map((i) => [`Ship SKU-${i + 1}`, parent.id, i, 'shipment', 'preparing'])
    )
    const child = await api(client.get(`/api/v1/processes/${rows[0]!.id}`))
    assert.equal(child.body().data.parentId, parent.id)

    const top = await api(client.get('/api/v1/processes').qs({ parent: 'top_level' }))
    assert.deepEqual(
      top.body().data.map((p: { id: number }) => p.id),
      [parent.id]
    )
    const sub = await api(client.get('/api/v1/processes').qs({ parent: 'has_parent' }))
    assert.lengthOf(sub.body().data, 3)
    const badFilter = await api(client.get('/api/v1/processes').qs({ parent: 'nope' }))
    badFilter.assertStatus(422)
    const missing = await api(client.get('/api/v1/processes/999999/children'))
    missing.assertStatus(404)
  })

  test('the migration dry run refuses a parent waiting on children, with a clear reason', async ({
    client,
    assert,
  }) => {
    const { api, start } = await setUp(client)
    const started = await start({ items: items(2) })
    const parent = started.body().data
    await api(
      client
        .post(`/api/v1/processes/${parent.id}/transitions`)
        .json({ transition: 'ship', expectedVersion: parent.version })
    )
    await drainOutbox()
    const row = await Process.findOrFail(parent.id)
    const target = await definitionOf(row.workflowVersionId)
    const plan = await new PlanProcessMigration().handle({
      fromVersionId: row.workflowVersionId,
      target,
      mapping: { draft: 'draft', shipping: 'shipping' },
    })
    assert.lengthOf(plan.moves, 0)
    assert.equal(plan.refused[0]!.processId, parent.id)
    assert.include(plan.refused[0]!.reason, 'waiting on child processes')
  })
})
