import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

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
})
