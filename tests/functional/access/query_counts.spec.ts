import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#models/user'
import { freshDatabase } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { comment, startProcesses } from '#tests/helpers/process_fixtures'
import { restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'

/**
 * With teams and workflow access rules in place, the list, board, process
 * page and dashboard run as many queries for 100 rows as for 1: the
 * audience check is one lookup per request, never one per row.
 */
async function setUp() {
  const owner = await UserFactory.apply('admin').create()
  const member = await UserFactory.apply('manager').merge({ name: 'Fay Finance' }).create()
  const outsider = await UserFactory.apply('manager').create()
  await teamWith('finance', [member])
  await teamWith('hr', [outsider])
  await teamWith('support', [member, outsider])
  // Finance may see and work on "fin"; HR alone sees "hr" (hidden from the member).
  await restrictedWorkflow('fin', owner, {
    start: [{ team: 'finance' }],
    see: [{ team: 'finance' }, { role: 'admin' }],
    work: [{ team: 'finance' }],
  })
  await restrictedWorkflow('hr', owner, {
    start: [{ team: 'hr' }],
    see: [{ team: 'hr' }],
    work: [{ team: 'hr' }],
  })
  return { owner, member, outsider }
}

async function measure(visit: () => Promise<any>) {
  await visit() // warms the definitions cache, as any running server has
  return countQueries(visit)
}

test.group('Access rules / query counts are constant', (group) => {
  freshDatabase(group)

  test('list, board and dashboard: 1 row vs 100 rows with teams and access rules', async ({
    client,
    assert,
  }) => {
    const { owner, member, outsider } = await setUp()
    const as = (user: User, url: string) => () => client.get(url).loginAs(user).withInertia()
    const pages = ['/processes', '/workflows/fin/board', '/']

    await startProcesses(1, owner, { workflow: 'fin', assigneeId: member.id })
    await startProcesses(1, owner, { workflow: 'hr', assigneeId: outsider.id })
    const one: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    for (const url of pages) one[url] = await measure(as(member, url))

    const others = await UserFactory.createMany(3)
    await startProcesses(49, owner, { workflow: 'fin', assigneeId: member.id })
    for (const other of others) {
      await startProcesses(other === others[0] ? 16 : 17, owner, {
        workflow: 'fin',
        assigneeId: other.id,
      })
    }
    await startProcesses(30, owner, { workflow: 'hr', assigneeId: member.id })
    const hundred: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    for (const url of pages) hundred[url] = await measure(as(member, url))

    const list = (r: any) => r.result.inertiaProps.processes
    assert.equal(list(one['/processes']).metadata.total, 1)
    // The 30 HR processes assigned to the member stay hidden.
    assert.equal(list(hundred['/processes']).metadata.total, 100)
    // One column, capped at 50 cards; its count is all 100.
    const board = hundred['/workflows/fin/board'].result.inertiaProps
    assert.lengthOf(board.cards, 50)
    assert.equal(
      board.columns.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      100
    )
    assert.equal(hundred['/'].result.inertiaProps.counts.myOpen, 50)
    for (const url of pages) {
      // The list's page of 1 row is its own count; with 100 matches it counts them: one more.
      assert.equal(
        hundred[url].count,
        one[url].count + (url === '/processes' ? 1 : 0),
        `${url}:\n${hundred[url].queries.join('\n')}`
      )
    }
  })

  test('process page: a timeline of 1 vs 100 events with teams and access rules', async ({
    client,
    assert,
  }) => {
    const { owner, member } = await setUp()
    const [lonely, busy] = await startProcesses(2, owner, {
      workflow: 'fin',
      assigneeId: member.id,
    })
    const visit = (id: number) => () => client.get(`/processes/${id}`).loginAs(member).withInertia()
    const one = await measure(visit(lonely!.id))

    const others = await UserFactory.createMany(3)
    let current = busy!
    for (const other of others) current = await comment(current, other, 33)
    const hundred = await measure(visit(busy!.id))

    assert.lengthOf((one.result.inertiaProps as any).timeline, 1)
    assert.lengthOf((hundred.result.inertiaProps as any).timeline, 100)
    assert.equal(hundred.count, one.count, hundred.queries.join('\n'))
  })
})
