import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import CancelProcess from '#actions/processes/cancel_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { hoursAgo, move, startProcesses } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  return { manager, member }
}

test.group('Process pages / board', (group) => {
  freshDatabase(group)

  test('one column per stage in definition order, with counts and cards by due date', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [a, b, c] = await startProcesses(3, manager, { assigneeId: member.id })
    await move(a!, 'reserve_inventory', manager)
    await move(b!, 'reserve_inventory', manager, { at: hoursAgo(3) }) // overdue, so first
    void c

    const response = await client
      .get('/workflows/order-fulfilment/board')
      .loginAs(member)
      .withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('board/show')
    const props = response.inertiaProps as any
    assert.deepEqual(
      props.columns.map((column: any) => column.key),
      DEMO_DEFINITIONS.orderFulfilment.stages.map((stage) => stage.key)
    )
    const count = (key: string) => props.columns.find((col: any) => col.key === key).count
    assert.equal(count('INITIATED'), 1)
    assert.equal(count('INVENTORY_RESERVING'), 2)
    assert.equal(count('DELIVERED'), 0)

    const reserving = props.cards.filter((card: any) => card.stage.key === 'INVENTORY_RESERVING')
    assert.deepEqual(
      reserving.map((card: any) => card.reference),
      [b!.reference, a!.reference]
    )
    assert.isTrue(reserving[0].overdue)
    assert.equal(reserving[0].assignee.name, 'Mia Member')
    assert.deepEqual(
      reserving[0].moves.map((m: any) => [m.key, m.to]),
      [
        ['inventory_reserved', 'INVENTORY_RESERVED'],
        ['inventory_unavailable', 'CANCELED'],
      ]
    )
    assert.isTrue(props.allowed.move)
  })

  test('cards only offer the moves the viewer’s role may make, with the fields a move needs', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [started] = await startProcesses(1, manager)
    let process = await move(started!, 'reserve_inventory', manager)
    process = await move(process, 'inventory_reserved', manager)
    await move(process, 'process_payment', manager)

    const asMember = await client
      .get('/workflows/order-fulfilment/board')
      .loginAs(member)
      .withInertia()
    assert.deepEqual((asMember.inertiaProps as any).cards[0].moves, [])

    const asManager = await client
      .get('/workflows/order-fulfilment/board')
      .loginAs(manager)
      .withInertia()
    const moves = (asManager.inertiaProps as any).cards[0].moves
    assert.deepEqual(moves[0], {
      key: 'approve_payment',
      label: 'Approve payment',
      to: 'PAYMENT_APPROVED',
      missingFields: ['payment_reference'],
    })
    assert.deepInclude(
      (asManager.inertiaProps as any).fields.map((f: any) => f.key),
      'payment_reference'
    )
  })

  test('closed processes appear only in end columns, latest 20, with the full count', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const processes = await startProcesses(23, manager)
    for (const process of processes.slice(0, 22)) {
      const reserving = await move(process, 'reserve_inventory', manager)
      await move(reserving, 'inventory_unavailable', manager)
    }
    // Cancelled midway: counted apart, not shown in its task column.
    await new CancelProcess().handle({
      process: processes[22]!,
      expectedVersion: 1,
      actorId: manager.id,
    })

    const response = await client
      .get('/workflows/order-fulfilment/board')
      .loginAs(manager)
      .withInertia()
    const props = response.inertiaProps as any
    const canceled = props.columns.find((column: any) => column.key === 'CANCELED')
    assert.equal(canceled.count, 22)
    const cards = props.cards.filter((card: any) => card.stage.key === 'CANCELED')
    assert.lengthOf(cards, 20)
    assert.equal(cards[0].reference, processes[21]!.reference) // latest first
    assert.deepEqual(cards[0].moves, [])
    assert.equal(props.columns.find((column: any) => column.key === 'INITIATED').count, 0)
    assert.isFalse(props.cards.some((card: any) => card.stage.key === 'INITIATED'))
    assert.equal(props.closedElsewhere, 1)
  })

  test('unknown workflows are a 404; a workflow without a published version has an empty board', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const unknown = await client.get('/workflows/nope/board').loginAs(manager).withInertia()
    unknown.assertStatus(404)

    const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
    await new SaveWorkflowDraft().handle({
      document: DEMO_DEFINITIONS.supportTicket,
      actor: manager,
    })
    const draft = await client.get('/workflows/support-ticket/board').loginAs(manager).withInertia()
    draft.assertStatus(200)
    const props = draft.inertiaProps as any
    assert.isFalse(props.workflow.published)
    assert.deepEqual(props.columns, [])
  })

  test('a move from the board is a transition with the card’s version; a stale card is a conflict', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [process] = await startProcesses(1, manager)
    const board = '/workflows/order-fulfilment/board'
    const moveCard = (expectedVersion: number) =>
      client
        .post(`/processes/${process!.id}/transitions`)
        .json({ transition: 'reserve_inventory', expectedVersion })
        .header('referer', board)
        .loginAs(member)
        .withCsrfToken()
        .redirects(0)

    const moved = await moveCard(1)
    moved.assertHeader('location', board)
    moved.assertFlashMessage('success', 'OF-000001 moved to "Reserving inventory".')

    const stale = await moveCard(1)
    stale.assertHeader('location', board)
    assert.match(String(stale.flashMessage('error')), /changed since you loaded it/)

    const after = await client.get(board).loginAs(member).withInertia()
    const card = (after.inertiaProps as any).cards[0]
    assert.equal(card.stage.key, 'INVENTORY_RESERVING')
    assert.equal(card.version, 2)
  })

  test('the board runs the same number of queries for 1 card as for 100', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const visit = () =>
      client.get('/workflows/order-fulfilment/board').loginAs(member).withInertia()

    await startProcesses(1, manager, { assigneeId: member.id })
    await visit()
    const one = await countQueries(visit)

    const people = await UserFactory.createMany(4)
    const more = []
    for (const person of people) {
      more.push(
        ...(await startProcesses(person === people[0] ? 24 : 25, manager, {
          assigneeId: person.id,
        }))
      )
    }
    // 50 initiated (the column's cap), 40 reserving, 10 cancelled: 100 cards.
    for (const process of more.slice(0, 40)) await move(process, 'reserve_inventory', manager)
    for (const process of more.slice(40, 50)) {
      const reserving = await move(process, 'reserve_inventory', manager)
      await move(reserving, 'inventory_unavailable', manager)
    }
    await visit()
    const hundred = await countQueries(visit)

    assert.lengthOf((one.result.inertiaProps as any).cards, 1)
    assert.lengthOf((hundred.result.inertiaProps as any).cards, 100)
    assert.equal(hundred.count, one.count, hundred.queries.join('\n'))
  })
})
