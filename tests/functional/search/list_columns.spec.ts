import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import StartProcess from '#actions/processes/start_process'
import SavedView from '#models/saved_view'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'

/** An order workflow with a searchable field of each kind the list formats. */
const orderDefinition: WorkflowDefinition = {
  key: 'order',
  name: 'Order',
  stages: [
    {
      key: 'open',
      name: 'Open',
      type: 'start',
      fields: [
        { key: 'total', label: 'Total', type: 'money', currency: 'EUR', searchable: true },
        { key: 'buyer', label: 'Buyer', type: 'user', searchable: true },
        { key: 'needed', label: 'Needed by', type: 'date', searchable: true },
        { key: 'rush', label: 'Rush', type: 'boolean', searchable: true },
        { key: 'customer', label: 'Customer', type: 'text', searchable: true },
        { key: 'secret', label: 'Secret', type: 'text' },
      ],
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

const DATA_COLUMNS = ['reference', 'data.total', 'data.buyer', 'data.needed', 'data.rush']

async function startOrders(count: number, actor: User, buyer: User) {
  for (let i = 0; i < count; i++) {
    await new StartProcess().handle({
      workflowKey: 'order',
      title: `Order ${i}`,
      data: {
        total: { amount: 100 + i, currency: 'EUR' },
        buyer: buyer.id,
        needed: '2026-03-01',
        rush: i % 2 === 0,
        customer: `ACME ${i}`,
        secret: 'not a column',
      },
      actor,
    })
  }
}

test.group('Search / the list shows the chosen columns', (group) => {
  freshDatabase(group)
  group.each.teardown(() => truncateAll())

  test('no columns asked: the default set, and no data values read', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(orderDefinition, manager)
    await startOrders(1, manager, manager)
    const page = await client.get('/processes').loginAs(manager).withInertia()
    const props = page.inertiaProps as any
    assert.deepEqual(props.columns, [
      'reference',
      'title',
      'workflow',
      'stage',
      'status',
      'assignee',
      'priority',
      'due_at',
      'updated_at',
    ])
    assert.deepEqual(props.fieldValues, {})
    // Without a workflow filter there are no data columns to choose.
    assert.isFalse(props.columnOptions.some((o: { key: string }) => o.key.startsWith('data.')))
  })

  test('a search, newest first, shows when each match was created; chosen columns stay as chosen', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(orderDefinition, manager)
    await startOrders(2, manager, manager)
    const search = await client.get('/processes?q=order').loginAs(manager).withInertia()
    const props = search.inertiaProps as any
    assert.equal(props.columns.at(-1), 'created_at')
    assert.notInclude(props.columns, 'updated_at')
    assert.lengthOf(props.processes.data, 2)
    // The default set is not written into the page links.
    assert.notInclude(props.processes.metadata.firstPageUrl, 'columns=')
    const chosen = await client
      .get('/processes?q=order&columns=reference,title')
      .loginAs(manager)
      .withInertia()
    assert.deepEqual((chosen.inertiaProps as any).columns, ['reference', 'title'])
  })

  test('data columns of the filtered workflow come with their values, typed; others are left out', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const buyer = await UserFactory.merge({ name: 'Bea Buyer' }).create()
    await publishWorkflow(orderDefinition, manager)
    await startOrders(1, manager, buyer)
    const page = await client
      .get('/processes')
      .qs({
        workflow: 'order',
        columns: [...DATA_COLUMNS, 'data.secret', 'data.nope', 'status'].join(','),
      })
      .loginAs(manager)
      .withInertia()
    page.assertStatus(200)
    const props = page.inertiaProps as any
    assert.deepEqual(props.columns, [...DATA_COLUMNS, 'status'])
    const options = new Map(props.columnOptions.map((o: { key: string }) => [o.key, o]))
    assert.deepEqual(options.get('data.total'), {
      key: 'data.total',
      label: 'Total',
      type: 'money',
      currency: 'EUR',
    })
    assert.isFalse(options.has('data.secret'))
    const id = props.processes.data[0].id
    assert.deepEqual(props.fieldValues[id], {
      total: 100,
      buyer: { id: buyer.id, name: 'Bea Buyer' },
      needed: '2026-03-01',
      rush: true,
    })

    // Without the workflow filter the data columns drop out; none left is the default set.
    const unfiltered = await client
      .get('/processes')
      .qs({ columns: 'data.total' })
      .loginAs(manager)
      .withInertia()
    assert.include((unfiltered.inertiaProps as any).columns, 'title')
    assert.deepEqual((unfiltered.inertiaProps as any).fieldValues, {})
  })

  test('the columns survive in the page links', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(orderDefinition, manager)
    await startOrders(21, manager, manager)
    const page = await client
      .get('/processes')
      .qs({ workflow: 'order', columns: 'reference,data.total', view: '7' })
      .loginAs(manager)
      .withInertia()
    const props = page.inertiaProps as any
    const next = new URL(props.processes.metadata.nextPageUrl, 'http://x').searchParams
    assert.equal(next.get('columns'), 'reference,data.total')
    assert.equal(next.get('view'), '7')
    assert.equal(props.activeView, 7)
  })

  test('the same number of queries for 1 row as for 40, with data columns shown', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const buyers = await UserFactory.createMany(3)
    await publishWorkflow(orderDefinition, manager)
    const visit = () =>
      client
        .get('/processes')
        .qs({ workflow: 'order', columns: DATA_COLUMNS.join(',') })
        .loginAs(manager)
        .withInertia()
    await startOrders(1, manager, buyers[0])
    await visit()
    const one = await countQueries(visit)
    for (const buyer of buyers) await startOrders(13, manager, buyer)
    await visit()
    const many = await countQueries(visit)
    assert.lengthOf((many.result.inertiaProps as any).processes.data, 20)
    assert.lengthOf(Object.keys((many.result.inertiaProps as any).fieldValues), 20)
    // One more: a full page counts its matches, a page of 1 row is its own count.
    assert.equal(many.count, one.count + 1, many.queries.join('\n'))
  })

  test('the owner saves the columns in a view from the list; others may not; bad columns are refused with the field named', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const other = await UserFactory.apply('manager').create()
    await publishWorkflow(orderDefinition, manager)
    const saved = await client
      .post('/views')
      .json({ name: 'Orders', filters: { workflow: 'order' }, columns: ['reference', 'title'] })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    const view = await SavedView.findByOrFail('name', 'Orders')
    assert.deepEqual(view.columns, ['reference', 'title'])

    const changed = await client
      .patch(`/views/${view.id}`)
      .json({ columns: ['reference', 'data.total', 'data.buyer'] })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    changed.assertStatus(302)
    await view.refresh()
    assert.deepEqual(view.columns, ['reference', 'data.total', 'data.buyer'])

    const bad = await client
      .patch(`/views/${view.id}`)
      .json({ columns: ['data.secret'] })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    // Back to the page with the field's message, nothing saved.
    bad.assertStatus(302)
    assert.property(bad.flashMessages().inputErrorsBag ?? {}, 'columns')

    const foreign = await client
      .patch(`/views/${view.id}`)
      .json({ columns: ['reference'] })
      .loginAs(other)
      .withCsrfToken()
      .redirects(0)
    // Not shared with them: it does not exist for them.
    foreign.assertStatus(404)
    await view.refresh()
    assert.deepEqual(view.columns, ['reference', 'data.total', 'data.buyer'])
  })
})
