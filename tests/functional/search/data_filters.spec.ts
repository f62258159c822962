import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import StartProcess from '#actions/processes/start_process'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { plainDefinition, purchaseDefinition } from '#tests/functional/search/search_fixtures'
import db from '@adonisjs/lucid/services/db'
import Process from '#models/process'
import { BROAD_MATCHES, markBroadFilters, type DataFilter } from '#models/process_search'
import ListProcessPage from '#actions/process_pages/list_process_page'
import Workflow from '#models/workflow'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { countQueries } from '#tests/helpers/query_counter'

async function seed() {
  const admin = await UserFactory.apply('admin').create()
  await publishWorkflow(purchaseDefinition, admin)
  await publishWorkflow(plainDefinition, admin)
  const start = (title: string, data: Record<string, unknown>, workflowKey = 'purchase') =>
    new StartProcess().handle({ workflowKey, title, data, actor: admin })
  await start('Printer paper for the office', {
    amount: 1500,
    customer: 'ACME',
    needed: '2026-12-01',
    urgent: true,
    notes: 'Recycled, please',
  })
  await start('Chairs', { amount: 900, customer: 'Globex', needed: '2027-01-15', urgent: false })
  await start('Ergonomic desks', { amount: 4000, customer: 'ACME Holdings', needed: '2027-02-01' })
  await start('Plain paper', { amount: 5000 }, 'plain')
  return admin
}

/** `count` more purchases, all over 1,000 (2,000, 2,001, …). */
async function startOrders(actor: User, count: number) {
  for (let i = 0; i < count; i++) {
    await new StartProcess().handle({
      workflowKey: 'purchase',
      title: `Order ${i}`,
      data: { amount: 2000 + i },
      actor,
    })
  }
}

/** The titles the API lists for a query string (sorted), or the failed response. */
async function titles(client: ApiClient, user: User, query: string) {
  const response = await client.get(`/api/v1/processes?${query}`).withGuard('api').loginAs(user)
  if (response.status() !== 200) return { status: response.status(), body: response.body() }
  return (response.body().data as { title: string }[]).map((p) => p.title).sort()
}

test.group('Search / data filters and free text', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('the API filters on searchable fields with each operator', async ({ client, assert }) => {
    const admin = await seed()
    const q = (s: string) => titles(client, admin, `workflow=purchase&${s}`)
    assert.deepEqual(await q('data.amount[gt]=1000'), [
      'Ergonomic desks',
      'Printer paper for the office',
    ])
    assert.deepEqual(await q('data.amount[gte]=1500&data.amount[lt]=4000'), [
      'Printer paper for the office',
    ])
    assert.deepEqual(await q('data.amount[lte]=900'), ['Chairs'])
    assert.deepEqual(await q('data.amount[eq]=4000'), ['Ergonomic desks'])
    assert.deepEqual(await q('data.customer=ACME'), ['Printer paper for the office'])
    assert.deepEqual(await q('data.customer[ne]=ACME'), ['Chairs', 'Ergonomic desks'])
    assert.deepEqual(await q('data.customer[contains]=acme'), [
      'Ergonomic desks',
      'Printer paper for the office',
    ])
    assert.deepEqual(await q('data.needed[gte]=2027-01-01'), ['Chairs', 'Ergonomic desks'])
    assert.deepEqual(await q('data.urgent=true'), ['Printer paper for the office'])
    assert.deepEqual(await q('data.urgent=false'), ['Chairs'])
    // Filters combine (AND), and with the other list filters.
    assert.deepEqual(await q('data.customer[contains]=acme&data.amount[lt]=2000'), [
      'Printer paper for the office',
    ])
  })

  test('a new published version changes the searchable fields at once (the lookup is kept per access epoch)', async ({
    client,
    assert,
  }) => {
    const admin = await seed()
    const q = (s: string) => titles(client, admin, `workflow=purchase&${s}`)
    assert.deepEqual(await q('data.amount[gt]=1000'), [
      'Ergonomic desks',
      'Printer paper for the office',
    ])
    const without = await q('data.internal=x')
    assert.equal((without as { status: number }).status, 422)
    // Version 2: "internal" becomes searchable, "amount" no longer is.
    const stage = purchaseDefinition.stages[0]!
    const { workflow: draft } = await new SaveWorkflowDraft().handle({
      workflow: await Workflow.findByOrFail('key', 'purchase'),
      actor: admin,
      document: {
        ...purchaseDefinition,
        stages: [
          {
            ...stage,
            fields: stage.fields!.map((field) =>
              field.key === 'internal'
                ? { ...field, searchable: true }
                : field.key === 'amount'
                  ? { ...field, searchable: false }
                  : field
            ),
          },
          ...purchaseDefinition.stages.slice(1),
        ],
      },
    })
    await new PublishWorkflow().handle({ workflow: draft, actor: admin })
    assert.deepEqual(await q('data.internal=x'), [])
    const gone = await q('data.amount[gt]=1000')
    assert.equal((gone as { status: number }).status, 422)
  })

  test('unknown fields, operators and bad values are 422 naming the parameter', async ({
    client,
    assert,
  }) => {
    const admin = await seed()
    const error = async (query: string) => {
      const result = (await titles(client, admin, query)) as { status: number; body: any }
      assert.equal(result.status, 422, query)
      const errors = result.body.errors as { field?: string; message: string }[]
      return errors.find((e) => e.field)!
    }
    const fieldOf = async (query: string) => {
      const found = await error(query)
      return found.field
    }
    const messageOf = async (query: string) => {
      const found = await error(query)
      return found.message
    }
    assert.equal(await fieldOf('data.amount[gt]=1'), 'workflow')
    assert.include(await messageOf('workflow=purchase&data.internal=x'), 'not a searchable field')
    assert.equal(await fieldOf('workflow=purchase&data.internal=x'), 'data.internal')
    assert.include(await messageOf('workflow=purchase&data.amount[like]=1'), 'Unknown operator')
    assert.include(await messageOf('workflow=purchase&data.urgent[gt]=true'), 'takes eq, ne')
    assert.include(await messageOf('workflow=purchase&data.amount[gt]=lots'), 'give a number')
    assert.include(await messageOf('workflow=purchase&data.needed=tomorrow'), 'YYYY-MM-DD')
    assert.include(await messageOf('workflow=purchase&data.urgent=maybe'), 'true or false')
    assert.equal(await fieldOf('workflow=nope&data.amount=1'), 'workflow')
    assert.equal(await fieldOf('workflow=plain&data.amount=1'), 'data.amount')
  })

  test('free text finds words of the title, the reference and searchable text fields', async ({
    client,
    assert,
  }) => {
    const admin = await seed()
    const q = (s: string) => titles(client, admin, `q=${encodeURIComponent(s)}`)
    assert.deepEqual(await q('paper'), ['Plain paper', 'Printer paper for the office'])
    assert.deepEqual(await q('pap'), ['Plain paper', 'Printer paper for the office'])
    assert.deepEqual(await q('printer office'), ['Printer paper for the office'])
    assert.deepEqual(await q('recycled'), ['Printer paper for the office'], 'a text field')
    assert.deepEqual(await q('globex'), ['Chairs'])
    assert.deepEqual(await q('PUR-000002'), ['Chairs'], 'the reference')
    assert.deepEqual(await q('for the'), ['Printer paper for the office'], 'short and stop words')
    assert.deepEqual(await q('internal'), [])
    assert.deepEqual(await q('!!!'), [], 'no word: nothing matches')
    // Free text and data filters together.
    assert.deepEqual(await titles(client, admin, 'workflow=purchase&q=paper&data.amount[gt]=100'), [
      'Printer paper for the office',
    ])
  })

  test('the list page takes the same filters, echoes them and offers the fields as inputs', async ({
    client,
    assert,
  }) => {
    const admin = await seed()
    const page = await client
      .get('/processes?workflow=purchase&data.amount%5Bgt%5D=1000')
      .loginAs(admin)
      .withInertia()
    page.assertStatus(200)
    const props = page.inertiaProps as any
    assert.equal(props.processes.metadata.total, 2)
    assert.equal(props.filters['data.amount[gt]'], '1000')
    assert.deepEqual(
      props.searchFields.purchase.map((f: { key: string }) => f.key),
      ['amount', 'customer', 'needed', 'urgent', 'notes']
    )
    assert.deepEqual(props.searchFields.purchase[0].operators, [
      'eq',
      'ne',
      'gt',
      'gte',
      'lt',
      'lte',
    ])
    assert.notProperty(props.searchFields, 'plain')

    const bad = await client
      .get('/processes?workflow=purchase&data.amount%5Bgt%5D=lots')
      .loginAs(admin)
      .withInertia()
    assert.notEqual(bad.status(), 500)
  })

  test('a broad filter is checked row by row and finds exactly what the index form finds', async ({
    assert,
  }) => {
    await seed()
    const { id: workflowId } = await db.from('workflows').where('key', 'purchase').firstOrFail()
    const template = await db.from('processes').where('workflow_id', workflowId).firstOrFail()
    // More processes with an amount than BROAD_MATCHES, as rows (the plan is under test).
    const extra = BROAD_MATCHES + 100
    for (let from = 0; from < extra; from += 500) {
      const rows = []
      for (let i = from; i < Math.min(extra, from + 500); i++) {
        const copy = { ...template }
        delete copy.id
        rows.push({ ...copy, reference: `BULK-${i}`, title: `Bulk ${i}`, idempotency_key: null })
      }
      await db.table('processes').multiInsert(rows)
    }
    const bulk = await db.from('processes').where('reference', 'like', 'BULK-%').select('id')
    for (let i = 0; i < bulk.length; i += 500) {
      await db.table('process_field_values').multiInsert(
        bulk.slice(i, i + 500).map((row, j) => ({
          process_id: row.id,
          workflow_id: workflowId,
          field_key: 'amount',
          num_value: i + j,
        }))
      )
    }

    const filter = (op: DataFilter['op'], value: number): DataFilter => ({
      workflowId,
      key: 'amount',
      kind: 'number',
      op,
      value,
    })
    const [broad, narrow] = await markBroadFilters([filter('gt', 50), filter('gt', extra - 10)])
    assert.isTrue(broad!.broad)
    assert.isFalse(narrow!.broad)

    const ids = async (filters: DataFilter[]) => {
      const found = await Process.query()
        .withScopes((scopes) => scopes.filtered({ data: filters }))
        .select('id')
      return found.map((p) => p.id).sort((a, b) => a - b)
    }
    for (const [op, value] of [
      ['gt', 50],
      ['lte', 1000],
      ['ne', 7],
      ['eq', 1500],
    ] as const) {
      const byRow = await ids([{ ...filter(op, value), broad: true }])
      const byIndex = await ids([{ ...filter(op, value), broad: false }])
      assert.isAbove(byIndex.length, 0, `${op} ${value}`)
      assert.deepEqual(byRow, byIndex, `${op} ${value}`)
    }
  }).timeout(120_000)

  test('a list filtered by one data filter alone is counted from the index, the same total', async ({
    assert,
  }) => {
    const admin = await seed()
    const { id: workflowId } = await db.from('workflows').where('key', 'purchase').firstOrFail()
    const list = new ListProcessPage()
    const amount = (op: DataFilter['op'], value: number): DataFilter => ({
      workflowId,
      key: 'amount',
      kind: 'number',
      op,
      value,
      broad: true,
    })
    const longWay = async (params: Parameters<ListProcessPage['cappedCount']>[0]) => {
      const { query } = await ListProcessPage.countQuery(params, admin.id)
      const [row]: { total: number }[] = await query.exec()
      return Number(row!.total)
    }
    for (const [op, value, expected] of [
      ['gt', 1000, 2],
      ['lte', 900, 1],
      ['ne', 4000, 2],
      ['eq', 7, 0],
    ] as const) {
      const params = { workflow: 'purchase', data: [amount(op, value)] }
      const counted = await list.cappedCount(params, admin.id)
      assert.deepEqual(counted, { total: expected, capped: false }, `${op} ${value}`)
      assert.equal(await longWay(params), expected, `${op} ${value}`)
    }
    // The index's count is one statement over process_field_values, with no process row.
    const statements: string[] = []
    const clients = new Set([db.connection().getWriteClient(), db.connection().getReadClient()])
    const listen = (query: { sql: string }) => statements.push(query.sql)
    for (const client of clients) client.on('query', listen)
    try {
      await list.cappedCount({ workflow: 'purchase', data: [amount('gt', 1000)] }, admin.id)
    } finally {
      for (const client of clients) client.off('query', listen)
    }
    assert.lengthOf(statements, 1)
    assert.notInclude(statements[0]!, '`processes`')
    assert.notInclude(statements[0]!, '"processes"')
    // Another filter on the rows counts the long way (none of them is completed).
    const withStatus = {
      workflow: 'purchase',
      status: 'completed' as const,
      data: [amount('gt', 1000)],
    }
    assert.deepEqual(await list.cappedCount(withStatus, admin.id), { total: 0, capped: false })
    // A workflow the viewer may not see has nothing to count.
    assert.deepEqual(
      await list.cappedCount(
        { workflow: 'purchase', hiddenWorkflows: [workflowId], data: [amount('gt', 1000)] },
        admin.id
      ),
      { total: 0, capped: false }
    )
  })

  test('the list page counts a lone data filter once: the statement that checks the filter gives the total', async ({
    client,
    assert,
  }) => {
    const admin = await seed()
    await startOrders(admin, 24)
    const counts = (queries: string[]) => queries.filter((sql) => /count\(/i.test(sql)).length
    const visit = (query: string) =>
      countQueries(() => client.get(`/processes?${query}`).loginAs(admin).withInertia())

    // 26 over 1,000: a full page and more, counted once.
    const alone = await visit('workflow=purchase&data.amount%5Bgt%5D=1000')
    const page = (alone.result.inertiaProps as any).processes
    assert.lengthOf(page.data, 20)
    assert.deepEqual([page.metadata.total, page.metadata.capped], [26, false])
    assert.equal(counts(alone.queries), 1, alone.queries.join('\n'))

    // With a filter on the rows too, the list counts its own way after the check.
    const narrowed = await visit('workflow=purchase&status=active&data.amount%5Bgt%5D=1000')
    const narrowedPage = (narrowed.result.inertiaProps as any).processes
    assert.deepEqual([narrowedPage.metadata.total, narrowedPage.metadata.capped], [26, false])
    assert.equal(counts(narrowed.queries), 2, narrowed.queries.join('\n'))
  })

  test('a filter most of its workflow matches is broad below BROAD_MATCHES too; the same matches among many started processes are not', async ({
    assert,
  }) => {
    const admin = await seed()
    await startOrders(admin, 50)
    const { id: workflowId } = await db.from('workflows').where('key', 'purchase').firstOrFail()
    const over1000 = (): DataFilter => ({
      workflowId,
      key: 'amount',
      kind: 'number',
      op: 'gt',
      value: 1000,
    })
    // 52 of the 53 processes started: 21 rows read in list order find a page, the index reads 52.
    const [most] = await markBroadFilters([over1000()], ListProcessPage.COUNT_CAP)
    assert.isTrue(most!.broad)
    assert.deepEqual(most!.counted, { total: 52, cap: ListProcessPage.COUNT_CAP })
    // 52 among 10,000 started: the index's 52 rows beat ~4,000 read in list order.
    await db.from('workflows').where('id', workflowId).update({ process_counter: 10_000 })
    const [few] = await markBroadFilters([over1000()])
    assert.isFalse(few!.broad)
    assert.deepEqual(few!.counted, { total: 52, cap: BROAD_MATCHES })
    // Either way the list finds the same 20 newest.
    const page = async (filter: DataFilter) => {
      const found = await Process.query()
        .withScopes((scopes) => scopes.filtered({ data: [filter] }))
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(20)
        .select('id')
      return found.map((p) => p.id)
    }
    assert.deepEqual(await page(most!), await page(few!))
  })
})
