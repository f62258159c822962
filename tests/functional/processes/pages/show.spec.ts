import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { comment, move, startProcesses, toPreparingShipment } from '#tests/helpers/process_fixtures'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import {
  childrenOf,
  orderDefinition,
  shipOrder,
  shipmentDefinition,
} from '#tests/helpers/children_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  return { manager, member }
}

test.group('Process pages / process page', (group) => {
  freshDatabase(group)

  test('the page has the header facts, what it waits on, the transitions, fields and timeline', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [started] = await startProcesses(1, member, { assigneeId: member.id })
    const process = await toPreparingShipment(started!, manager)

    const response = await client.get(`/processes/${process.id}`).loginAs(member).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('processes/show')
    const props = response.inertiaProps as any
    const page = props.process

    assert.equal(page.reference, 'OF-000001')
    assert.equal(page.stage.name, 'Preparing shipment')
    assert.equal(page.status, 'active')
    assert.equal(page.assignee.name, 'Mia Member')
    assert.equal(page.creator.name, 'Mia Member')
    assert.equal(page.workflowVersion.number, 1)
    assert.isString(page.dueAt)
    assert.equal(page.version, 6)
    assert.deepEqual(
      page.waits.map((w: any) => w.kind),
      ['person', 'timer']
    )
    assert.equal(page.waits[0].user.name, 'Mia Member')

    const ship = page.availableTransitions.find((t: any) => t.key === 'ship')
    assert.deepEqual(ship.requires, ['tracking_number', 'carrier'])
    assert.equal(ship.toName, 'Shipped')
    assert.deepEqual(
      page.fieldGroups.map((g: any) => g.stage.key),
      ['PAYMENT_PROCESSING', 'PREPARING_SHIPMENT']
    )
    assert.equal(page.definition.key, 'order-fulfilment')

    assert.lengthOf(props.timeline, 6)
    const latest = props.timeline[0]
    assert.equal(latest.type, 'transitioned')
    assert.equal(latest.fromStageName, 'Payment approved')
    assert.equal(latest.toStageName, 'Preparing shipment')
    assert.equal(latest.transitionLabel, 'Prepare shipment')
    assert.equal(latest.actor.name, 'Max Manager')
    assert.equal(props.timelineTotal, 6)

    // The assignee (a member) may edit data and release it, not assign others or cancel.
    assert.deepInclude(props.allowed, {
      transition: true,
      updateData: true,
      claim: false,
      release: true,
      assign: false,
      cancel: true, // she created it
      comment: true,
    })
  })

  test('an unassigned process waits on the stage role, or on nobody (claim it)', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [a, b] = await startProcesses(2, manager)
    let atPayment = await move(a!, 'reserve_inventory', manager)
    atPayment = await move(atPayment, 'inventory_reserved', manager)
    atPayment = await move(atPayment, 'process_payment', manager)

    const role = await client.get(`/processes/${atPayment.id}`).loginAs(member).withInertia()
    assert.deepEqual((role.inertiaProps as any).process.waits[0], { kind: 'role', role: 'manager' })
    const approve = (role.inertiaProps as any).process.availableTransitions.find(
      (t: any) => t.key === 'approve_payment'
    )
    assert.isFalse(approve.allowed)
    assert.deepEqual(approve.reasons, ['role', 'missing_fields'])
    assert.deepEqual(approve.roles, ['manager'])

    const nobody = await client.get(`/processes/${b!.id}`).loginAs(member).withInertia()
    const props = nobody.inertiaProps as any
    assert.deepEqual(props.process.waits, [{ kind: 'nobody' }])
    assert.isTrue(props.allowed.claim)
    assert.isFalse(props.allowed.cancel)
    assert.isFalse(props.allowed.updateData)
  })

  test('a closed process says its outcome and offers no commands but comments', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const [started] = await startProcesses(1, manager)
    const reserving = await move(started!, 'reserve_inventory', manager)
    const closed = await move(reserving, 'inventory_unavailable', manager)

    const response = await client.get(`/processes/${closed.id}`).loginAs(manager).withInertia()
    const props = response.inertiaProps as any
    assert.equal(props.process.status, 'cancelled')
    assert.equal(props.process.waits[0].kind, 'closed')
    assert.equal(props.process.waits[0].stageName, 'Canceled')
    assert.deepEqual(props.process.availableTransitions, [])
    assert.deepEqual(props.allowed, {
      transition: false,
      updateData: false,
      claim: false,
      release: false,
      assign: false,
      cancel: false,
      comment: true,
      vote: false,
      claimFromQueue: false,
    })
  })

  test('unknown processes are a 404 page', async ({ client }) => {
    const { member } = await setup()
    const response = await client.get('/processes/999999').loginAs(member).withInertia()
    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
  })

  test('signed-out visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/processes').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('the page runs the same number of queries with 1 timeline entry as with 100', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [lonely, busy] = await startProcesses(2, manager, { assigneeId: member.id })
    const visit = (id: number) => () => client.get(`/processes/${id}`).loginAs(member).withInertia()

    await visit(lonely!.id)()
    const one = await countQueries(visit(lonely!.id))

    const others = await UserFactory.createMany(3)
    let current = busy!
    for (const other of others) current = await comment(current, other, 33)
    await visit(busy!.id)()
    const hundred = await countQueries(visit(busy!.id))

    assert.lengthOf((one.result.inertiaProps as any).timeline, 1)
    assert.lengthOf((hundred.result.inertiaProps as any).timeline, 100)
    assert.equal(hundred.count, one.count, hundred.queries.join('\n'))
    // The process (which also says it has no automation or family rows to read) and its latest
    // events: the viewer, rules, workflow, version and people (active ones, and those the
    // events name) come from memory per access epoch.
    assert.equal(hundred.count, 2, hundred.queries.join('\n'))
  })
})

test.group('Process pages / process page of a parent and its children', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    // SQLite: rolling back 0043 rebuilds `workflows`, which rows of `processes` would block.
    await truncateAll()
  })

  test('a parent shows its children and the wait; a child shows its parent; each reads only the rows it has', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(shipmentDefinition(), admin)
    await publishWorkflow(orderDefinition(), admin)
    const parent = await shipOrder(admin, 2)
    await drainOutbox()
    const [first, second] = await childrenOf(parent.id)
    const visit = (id: number) => () => client.get(`/processes/${id}`).loginAs(admin).withInertia()

    await visit(parent.id)()
    const ofParent = await countQueries(visit(parent.id))
    const family = (ofParent.result.inertiaProps as any).family
    assert.deepEqual(
      family.children.map((c: any) => [c.id, c.index, c.status]),
      [
        [first!.id, 0, 'active'],
        [second!.id, 1, 'active'],
      ]
    )
    assert.deepEqual(family.waits, [
      { kind: 'children', finished: 0, total: 2, running: [first!.title, second!.title] },
    ])
    assert.isNull(family.parent)
    // The children and the stage's spawn are read; no automation row exists, none is read.
    const read = (table: string) =>
      ofParent.queries.some((sql) => sql.includes(`from \`${table}\``))
    assert.isTrue(read('child_spawns'), ofParent.queries.join('\n'))
    assert.isFalse(read('action_executions'), ofParent.queries.join('\n'))
    assert.isFalse(read('action_sagas'), ofParent.queries.join('\n'))

    const ofChild = await countQueries(visit(first!.id))
    const childFamily = (ofChild.result.inertiaProps as any).family
    assert.equal(childFamily.parent.id, parent.id)
    assert.deepEqual(childFamily.children, [])
    assert.deepEqual(childFamily.waits, [])
  })
})
