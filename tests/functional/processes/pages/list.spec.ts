import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import ListProcessPage from '#actions/process_pages/list_process_page'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { hoursAgo, move, startProcesses } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
  return { manager, member }
}

test.group('Process pages / list', (group) => {
  freshDatabase(group)

  test('20 processes a page, with names for workflow, stage and assignee; pagination keeps the filters', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    await startProcesses(25, manager, { assigneeId: member.id })
    await startProcesses(2, manager, { workflow: 'support-ticket' })

    const first = await client
      .get('/processes')
      .qs({ workflow: 'order-fulfilment' })
      .loginAs(member)
      .withInertia()
    first.assertStatus(200)
    first.assertInertiaComponent('processes/index')
    const props = first.inertiaProps as any
    assert.equal(props.processes.metadata.total, 25)
    assert.lengthOf(props.processes.data, 20)
    const row = props.processes.data[0]
    assert.equal(row.workflow.name, 'Order fulfilment')
    assert.equal(row.stage.name, 'Initiated')
    assert.equal(row.assignee.name, 'Mia Member')
    assert.include(props.processes.metadata.nextPageUrl, 'workflow=order-fulfilment')
    assert.include(props.processes.metadata.nextPageUrl, 'after=')
    assert.isNull(props.processes.metadata.previousPageUrl)
    assert.deepEqual(props.filters, { workflow: 'order-fulfilment' })
    assert.sameMembers(
      props.workflows.map((w: any) => w.key),
      ['order-fulfilment', 'support-ticket']
    )
    assert.deepEqual(props.workflows.find((w: any) => w.key === 'order-fulfilment').stages[0], {
      key: 'INITIATED',
      name: 'Initiated',
      type: 'start',
      outcome: null,
    })

    const second = await client
      .get(props.processes.metadata.nextPageUrl)
      .loginAs(member)
      .withInertia()
    const next = (second.inertiaProps as any).processes
    assert.lengthOf(next.data, 5)
    assert.isNull(next.metadata.nextPageUrl)
    assert.include(next.metadata.previousPageUrl, 'before=')
    const back = await client.get(next.metadata.previousPageUrl).loginAs(member).withInertia()
    assert.deepEqual(
      (back.inertiaProps as any).processes.data.map((p: any) => p.id),
      props.processes.data.map((p: any) => p.id)
    )
  })

  test('filters: stage, status, assignee (me, unassigned, a person), priority, search, created range', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [a, b] = await startProcesses(2, manager, {
      assigneeId: member.id,
      title: (i) => `Crate ${i}`,
    })
    await startProcesses(3, manager, { priority: 'urgent', at: DateTime.now().minus({ days: 10 }) })
    await move(a!, 'reserve_inventory', manager)
    await move(b!, 'reserve_inventory', manager)

    const total = async (qs: Record<string, string>, as = member) => {
      const response = await client.get('/processes').qs(qs).loginAs(as).withInertia()
      response.assertStatus(200)
      return (response.inertiaProps as any).processes.metadata.total as number
    }
    assert.equal(await total({}), 5)
    assert.equal(await total({ workflow: 'order-fulfilment', stage: 'INVENTORY_RESERVING' }), 2)
    assert.equal(await total({ status: 'active' }), 5)
    assert.equal(await total({ status: 'completed' }), 0)
    assert.equal(await total({ assignee: 'me' }), 2)
    assert.equal(await total({ assignee: 'me' }, manager), 0)
    assert.equal(await total({ assignee: 'none' }), 3)
    assert.equal(await total({ assignee: String(member.id) }, manager), 2)
    assert.equal(await total({ priority: 'urgent' }), 3)
    assert.equal(await total({ q: 'crate' }), 2)
    assert.equal(await total({ q: a!.reference.toLowerCase() }), 1)
    const today = DateTime.now().toISODate()!
    assert.equal(await total({ createdFrom: today }), 2)
    assert.equal(await total({ createdTo: DateTime.now().minus({ days: 5 }).toISODate()! }), 3)
  })

  test('deadline filters: overdue, and due within the next 24 hours', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [late, soon, later] = await startProcesses(3, manager, { assigneeId: member.id })
    // "Reserving inventory" has a 2h SLA; "Inventory reserved" 4h.
    await move(late!, 'reserve_inventory', manager, { at: hoursAgo(3) })
    await move(soon!, 'reserve_inventory', manager)
    const reserved = await move(later!, 'reserve_inventory', manager, { at: hoursAgo(30) })
    await move(reserved, 'inventory_reserved', manager, { at: DateTime.now().plus({ hours: 23 }) })

    const refs = async (qs: Record<string, string>) => {
      const response = await client.get('/processes').qs(qs).loginAs(member).withInertia()
      return (response.inertiaProps as any).processes.data.map((p: any) => p.reference)
    }
    assert.deepEqual(await refs({ overdue: 'true' }), [late!.reference])
    assert.deepEqual(await refs({ dueSoon: 'true' }), [soon!.reference])
    const all = await client.get('/processes').loginAs(member).withInertia()
    const overdueRow = all.inertiaProps as any
    assert.isTrue(
      overdueRow.processes.data.find((p: any) => p.reference === late!.reference).overdue
    )
  })

  test('sortable columns order the rows and the sort stays in the URL', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    await startProcesses(3, manager, { title: (i) => ['Banana', 'Apple', 'Cherry'][i - 1]! })

    const response = await client
      .get('/processes')
      .qs({ sort: 'title', direction: 'asc' })
      .loginAs(manager)
      .withInertia()
    const props = response.inertiaProps as any
    assert.deepEqual(
      props.processes.data.map((p: any) => p.title),
      ['Apple', 'Banana', 'Cherry']
    )
    assert.deepEqual(props.filters, { sort: 'title', direction: 'asc' })
  })

  test('a filter value that is not valid is refused, not ignored', async ({ client }) => {
    const { member } = await setup()
    const response = await client
      .get('/processes')
      .qs({ status: 'lost' })
      .loginAs(member)
      .withInertia()
      .redirects(0)
    response.assertStatus(302)
  })

  test('the CSV export has exactly the rows of the current filter', async ({ client, assert }) => {
    const { manager, member } = await setup()
    await startProcesses(3, manager, { assigneeId: member.id, title: (i) => `=HYPERLINK(${i})` })
    await startProcesses(2, manager, { workflow: 'support-ticket' })

    const response = await client
      .get('/processes/export')
      .qs({ workflow: 'order-fulfilment', sort: 'reference', direction: 'asc' })
      .loginAs(member)
    response.assertStatus(200)
    assert.match(String(response.header('content-type')), /^text\/csv/)
    assert.match(
      String(response.header('content-disposition')),
      /attachment; filename="processes-.*\.csv"/
    )
    const lines = response.text().trim().split('\r\n')
    assert.equal(
      lines[0],
      'reference,title,workflow,stage,status,priority,assignee,assignee_email,due_at,overdue,created_at,updated_at,closed_at'
    )
    assert.lengthOf(lines, 4)
    assert.match(
      lines[1]!,
      /^OF-000001,'=HYPERLINK\(1\),Order fulfilment,Initiated,active,normal,Mia Member,/
    )
  })

  test('the export reads in batches: memory holds one batch whatever the total', async ({
    assert,
  }) => {
    const { manager } = await setup()
    await startProcesses(5, manager)
    const sizes: number[] = []
    for await (const batch of new ListProcessPage().batches(
      { sort: 'reference', direction: 'asc' },
      manager.id,
      2
    )) {
      sizes.push(batch.processes.length)
    }
    assert.deepEqual(sizes, [2, 2, 1])
  })

  test('the list runs the same number of queries for 1 process as for 100', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const visit = () => client.get('/processes').loginAs(member).withInertia()

    await startProcesses(1, manager, { assigneeId: member.id })
    await visit() // warms the definitions cache, as any running server has
    const one = await countQueries(visit)

    const others = await UserFactory.createMany(5)
    for (const [i, other] of others.entries()) {
      await startProcesses(i === 0 ? 19 : 20, manager, { assigneeId: other.id })
    }
    await startProcesses(30, manager, { workflow: 'support-ticket' })
    await visit()
    const hundred = await countQueries(visit)

    assert.equal((one.result.inertiaProps as any).processes.metadata.total, 1)
    assert.equal((hundred.result.inertiaProps as any).processes.metadata.total, 130)
    // One more: a full page counts its matches, a page of 1 row is its own count.
    assert.equal(hundred.count, one.count + 1, hundred.queries.join('\n'))
  })

  test('a first page that is not full is its own count; a full or later page counts', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    await startProcesses(20, manager, { assigneeId: member.id })
    await startProcesses(1, manager)
    const counts = (queries: string[]) => queries.filter((sql) => /count\(/i.test(sql)).length
    const visit = (qs: Record<string, string>) => () =>
      client.get('/processes').qs(qs).loginAs(member).withInertia()

    // 20 of mine: exactly a page, nothing more to show.
    const mine = await countQueries(visit({ assignee: 'me' }))
    const minePage = (mine.result.inertiaProps as any).processes
    assert.lengthOf(minePage.data, 20)
    assert.deepEqual(
      [minePage.metadata.total, minePage.metadata.capped, minePage.metadata.nextPageUrl],
      [20, false, null]
    )
    assert.equal(counts(mine.queries), 0, mine.queries.join('\n'))

    // 21 in all: a full page and more; its count is read.
    const all = await countQueries(visit({}))
    const allPage = (all.result.inertiaProps as any).processes
    assert.equal(allPage.metadata.total, 21)
    assert.equal(counts(all.queries), 1, all.queries.join('\n'))

    // The second page holds 1 row, and still says 21 in all.
    const next = new URL(allPage.metadata.nextPageUrl, 'http://x').searchParams.get('after')!
    const second = await countQueries(visit({ after: next }))
    const secondPage = (second.result.inertiaProps as any).processes
    assert.lengthOf(secondPage.data, 1)
    assert.equal(secondPage.metadata.total, 21)
    assert.equal(counts(second.queries), 1, second.queries.join('\n'))

    // Nothing matches: total 0 without counting.
    const none = await countQueries(visit({ assignee: 'me', status: 'cancelled' }))
    assert.equal((none.result.inertiaProps as any).processes.metadata.total, 0)
    assert.equal(counts(none.queries), 0, none.queries.join('\n'))
  })
})
