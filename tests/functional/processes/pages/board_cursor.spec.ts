import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move, startProcesses } from '#tests/helpers/process_fixtures'
import LoadBoard from '#actions/board/load_board'

const BOARD = '/workflows/order-fulfilment/board'

test.group('Process pages / board columns by cursor', (group) => {
  freshDatabase(group)

  test("a column's next cards follow its order (dated first, undated last), stable while processes arrive", async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const started = await startProcesses(120, manager)
    // Due dates with ties, and a third undated.
    for (const [i, process] of started.entries()) {
      await db
        .from('processes')
        .where('id', process.id)
        .update({
          due_at: i % 3 === 0 ? null : `2027-01-${String(10 + (i % 7)).padStart(2, '0')} 12:00:00`,
        })
    }
    const rows = await db
      .from('processes')
      .where('stage_key', 'INITIATED')
      .orderByRaw('CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id')
      .select('id')
    const expected = rows.map((r) => Number(r.id))

    const seen: number[] = []
    let url: string | null = BOARD
    let pages = 0
    while (url && pages < 10) {
      const response = await client.get(url).loginAs(manager).withInertia()
      response.assertStatus(200)
      const props = response.inertiaProps as any
      const column = props.columns.find((c: { key: string }) => c.key === 'INITIATED')
      assert.equal(column.count, 120 + pages * 2)
      assert.equal(column.paged, pages > 0)
      if (pages > 0) assert.equal(column.firstUrl, BOARD)
      seen.push(
        ...props.cards
          .filter((c: { stage: { key: string } }) => c.stage.key === 'INITIATED')
          .map((c: { id: number }) => c.id)
      )
      url = column.nextUrl
      pages++
      // Two more arrive (undated and dated): the pages after the cursor may show them, never repeat.
      const fresh = await startProcesses(2, manager)
      await db.from('processes').where('id', fresh[0]!.id).update({ due_at: null })
      await db.from('processes').where('id', fresh[1]!.id).update({ due_at: '2027-01-01 00:00:00' })
    }
    const old = seen.filter((id) => expected.includes(id))
    assert.deepEqual(old, expected)
    assert.equal(new Set(seen).size, seen.length)
    assert.equal(pages, 3)
  })

  test('a forged column cursor is refused, not a 500', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const forged = await client
      .get(BOARD)
      .qs({
        column: 'INITIATED',
        after: Buffer.from('["board_due","asc",[1],1]').toString('base64url'),
      })
      .loginAs(manager)
      .redirects(0)
    assert.notEqual(forged.status(), 500)
    assert.notEqual(forged.status(), 200)
  })

  test('closed counts of end columns are capped, active ones exact', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const started = await startProcesses(9, manager)
    // Six go out of stock: the CANCELED end column.
    for (const process of started.slice(0, 6)) {
      const reserving = await move(process, 'reserve_inventory', manager)
      await move(reserving, 'inventory_unavailable', manager)
    }
    const cap = LoadBoard.COUNT_CAP
    LoadBoard.COUNT_CAP = 4
    try {
      const board = await client.get(BOARD).loginAs(manager).withInertia()
      const columns = (board.inertiaProps as any).columns as {
        key: string
        type: string
        count: number
        capped: boolean
      }[]
      const ends = columns.filter((c) => c.type === 'end' && c.count > 0)
      assert.deepEqual(
        ends.map((c) => [c.count, c.capped]),
        [[4, true]]
      )
      assert.deepInclude(
        columns.find((c) => c.key === 'INITIATED')!,
        { count: 3, capped: false }
      )
    } finally {
      LoadBoard.COUNT_CAP = cap
    }
    const exact = await client.get(BOARD).loginAs(manager).withInertia()
    const end = (exact.inertiaProps as any).columns.find(
      (c: { type: string; count: number }) => c.type === 'end' && c.count > 0
    )
    assert.deepInclude(end, { count: 6, capped: false })
  })
})
