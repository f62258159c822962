import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import ListProcessPage from '#actions/process_pages/list_process_page'
import { comment, hoursAgo, move, startProcesses } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
  await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
  return { manager, member }
}

test.group('Process pages / dashboard', (group) => {
  freshDatabase(group)

  test('my open tasks by due date (overdue first, undated last) with the counts', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [undated, late, soon, later] = await startProcesses(4, manager, {
      assigneeId: member.id,
    })
    await move(late!, 'reserve_inventory', manager, { at: hoursAgo(3) })
    await move(soon!, 'reserve_inventory', manager)
    const reserved = await move(later!, 'reserve_inventory', manager)
    await move(reserved, 'inventory_reserved', manager, { at: DateTime.now().plus({ days: 1 }) })
    await startProcesses(1, manager, { assigneeId: manager.id })

    const response = await client.get('/').loginAs(member).withInertia()
    response.assertInertiaComponent('dashboard')
    const props = response.inertiaProps as any
    assert.deepEqual(
      props.myTasks.map((task: any) => task.reference),
      [late!.reference, soon!.reference, later!.reference, undated!.reference]
    )
    assert.isTrue(props.myTasks[0].overdue)
    assert.deepEqual(props.counts, { myOpen: 4, myOverdue: 1, myDueSoon: 1 })

    // Each number links to the list filtered the same way, and the list agrees.
    for (const name of ['myOpen', 'myOverdue', 'myDueSoon'] as const) {
      const list = await client
        .get('/processes')
        .qs(props.countFilters[name])
        .loginAs(member)
        .withInertia()
      assert.equal((list.inertiaProps as any).processes.metadata.total, props.counts[name], name)
    }
  })

  test('workflows I take part in, by status and by stage; the rest stay out', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [mine, other] = await startProcesses(2, member)
    await move(mine!, 'reserve_inventory', member)
    await move(other!, 'reserve_inventory', member).then((p) =>
      move(p, 'inventory_unavailable', member)
    )
    await startProcesses(3, manager, { workflow: 'support-ticket' })

    const response = await client.get('/').loginAs(member).withInertia()
    const workflows = (response.inertiaProps as any).workflows
    assert.deepEqual(
      workflows.map((w: any) => w.key),
      ['order-fulfilment']
    )
    assert.deepEqual(workflows[0].byStatus, { active: 1, completed: 0, cancelled: 1, failed: 0 })
    const byStage = Object.fromEntries(workflows[0].byStage.map((s: any) => [s.key, s.count]))
    assert.equal(byStage.INVENTORY_RESERVING, 1)
    assert.equal(byStage.INITIATED, 0)
    assert.notProperty(byStage, 'CANCELED') // end stages are counted by status

    // A manager takes part where a stage is assigned to managers, even with no process yet.
    const asManager = await client.get('/').loginAs(manager).withInertia()
    assert.includeMembers(
      (asManager.inertiaProps as any).workflows.map((w: any) => w.key),
      ['order-fulfilment', 'purchase-approval', 'support-ticket']
    )
  })

  test('recent activity names the process, the person and the stages', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [process] = await startProcesses(1, member)
    await move(process!, 'reserve_inventory', manager)

    const response = await client.get('/').loginAs(member).withInertia()
    const activity = (response.inertiaProps as any).activity
    assert.equal(activity[0].type, 'transitioned')
    assert.equal(activity[0].actor.name, 'Max Manager')
    assert.equal(activity[0].fromStageName, 'Initiated')
    assert.equal(activity[0].toStageName, 'Reserving inventory')
    assert.deepInclude(activity[0].process, { reference: 'OF-000001', title: 'Order #1' })
    assert.equal(activity[1].type, 'started')
  })

  test('a new person gets empty states, not errors', async ({ client, assert }) => {
    await setup()
    const newcomer = await UserFactory.create()
    const response = await client.get('/').loginAs(newcomer).withInertia()
    response.assertStatus(200)
    const props = response.inertiaProps as any
    assert.deepEqual(props.myTasks, [])
    assert.deepEqual(props.counts, { myOpen: 0, myOverdue: 0, myDueSoon: 0 })
    assert.deepEqual(props.workflows, [])
  })

  test('the dashboard runs the same number of queries with 1 process as with 100', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const visit = () => client.get('/').loginAs(member).withInertia()
    await startProcesses(1, manager, { assigneeId: member.id })
    await visit()
    const one = await countQueries(visit)

    const more = await startProcesses(99, manager, { assigneeId: member.id })
    await comment(more[0]!, manager, 20)
    await visit()
    const hundred = await countQueries(visit)

    assert.equal((hundred.result.inertiaProps as any).counts.myOpen, 100)
    assert.equal(hundred.count, one.count, hundred.queries.join('\n'))
  })

  test('every count is capped: "10,000+" past the cap, and no COUNT reads more than cap + 1 rows', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { manager, member } = await setup()
    await startProcesses(3, manager, { assigneeId: member.id })
    const cap = ListProcessPage.COUNT_CAP
    ListProcessPage.COUNT_CAP = 2
    cleanup(() => {
      ListProcessPage.COUNT_CAP = cap
    })

    const { result, queries } = await countQueries(() =>
      client.get('/').loginAs(member).withInertia()
    )
    const props = result.inertiaProps as any
    assert.deepEqual(props.counts, { myOpen: 2, myOverdue: 0, myDueSoon: 0 })
    assert.deepEqual(props.countsCapped, { myOpen: true, myOverdue: false, myDueSoon: false })
    const [order] = props.workflows
    assert.equal(order.byStatus.active, 2)
    assert.isTrue(order.statusCapped.active)
    assert.isFalse(order.statusCapped.completed)
    const started = order.byStage.find((stage: any) => stage.count > 0)
    assert.deepInclude(started, { count: 2, capped: true })

    const counts = queries.filter((sql) => /count\(/i.test(sql) && /processes/i.test(sql))
    assert.isAbove(counts.length, 0)
    for (const sql of counts) assert.match(sql, /limit\s+(\?|3)(?!\d)/i, sql)

    ListProcessPage.COUNT_CAP = cap
    const exact = await client.get('/').loginAs(member).withInertia()
    assert.deepEqual((exact.inertiaProps as any).counts, { myOpen: 3, myOverdue: 0, myDueSoon: 0 })
    assert.isFalse((exact.inertiaProps as any).workflows[0].statusCapped.active)
  })
})
