import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import type User from '#models/user'
import ListProcessPage from '#actions/process_pages/list_process_page'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

/** Follows the list's "next" links from `first`, inserting before each step; the ids seen. */
async function walk(
  client: ApiClient,
  user: User,
  qs: Record<string, string>,
  between: (step: number) => Promise<unknown>
) {
  const seen: number[] = []
  let url: string | null = null
  for (let step = 0; step < 20; step++) {
    const response: any = url
      ? await client.get(url).loginAs(user).withInertia()
      : await client.get('/processes').qs(qs).loginAs(user).withInertia()
    response.assertStatus(200)
    const { data, metadata }: { data: { id: number }[]; metadata: any } = (
      response.inertiaProps as any
    ).processes
    seen.push(...data.map((p: { id: number }) => p.id))
    url = metadata.nextPageUrl
    if (!url) return seen
    await between(step)
  }
  throw new Error('more pages than expected')
}

test.group('Process pages / list by cursor', (group) => {
  freshDatabase(group)

  test('pages are stable under concurrent inserts, for every sort (nullable due dates included)', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const base = DateTime.now().minus({ days: 3 })
    const original = await startProcesses(45, manager, {
      title: (i) => `Order M${String(i % 7)}`,
      priority: 'normal',
      at: base,
    })
    const originalIds = new Set(original.map((p) => p.id))

    let batch = 0
    const insertSome = () =>
      Promise.all(
        ['A', 'Z', 'M3'].map((prefix) =>
          startProcesses(1, manager, { title: () => `Order ${prefix} new ${++batch}` })
        )
      )

    for (const [sort, direction] of [
      ['updated_at', 'desc'],
      ['title', 'asc'],
      ['title', 'desc'],
      ['due_at', 'asc'],
      ['due_at', 'desc'],
      ['reference', 'asc'],
    ]) {
      const seen = await walk(client, manager, { sort, direction }, insertSome)
      const old = seen.filter((id) => originalIds.has(id))
      // Every row that existed when the walk began, exactly once: no repeat, no gap.
      assert.equal(new Set(seen).size, seen.length, `${sort} ${direction}: a row repeated`)
      assert.sameMembers(old, [...originalIds], `${sort} ${direction}: a row was skipped`)
    }
  })

  test('the order of a walk matches the sorted list; "previous" comes back to the same rows', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(50, manager, { title: (i) => `Order ${String(i % 5)}` })
    const seen = await walk(client, manager, { sort: 'title', direction: 'asc' }, async () => {})
    const batches = new ListProcessPage().batches(
      { sort: 'title', direction: 'asc' },
      manager.id,
      100
    )
    const expected = await batches.next()
    assert.deepEqual(
      seen,
      (expected.value as { processes: { id: number }[] }).processes.map((p) => p.id)
    )

    const first = await client
      .get('/processes')
      .qs({ sort: 'title' })
      .loginAs(manager)
      .withInertia()
    const second = await client
      .get((first.inertiaProps as any).processes.metadata.nextPageUrl)
      .loginAs(manager)
      .withInertia()
    const third = await client
      .get((second.inertiaProps as any).processes.metadata.nextPageUrl)
      .loginAs(manager)
      .withInertia()
    const back = await client
      .get((third.inertiaProps as any).processes.metadata.previousPageUrl)
      .loginAs(manager)
      .withInertia()
    assert.deepEqual(
      (back.inertiaProps as any).processes.data.map((p: any) => p.id),
      (second.inertiaProps as any).processes.data.map((p: any) => p.id)
    )
    assert.include((third.inertiaProps as any).processes.metadata.firstPageUrl, 'sort=title')
  })

  test('the count is exact up to the cap, then shown as capped; a forged cursor is refused', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(12, manager, { priority: 'urgent' })
    await startProcesses(25, manager)
    const cap = ListProcessPage.COUNT_CAP
    ListProcessPage.COUNT_CAP = 30
    try {
      const all = await client.get('/processes').loginAs(manager).withInertia()
      assert.deepInclude((all.inertiaProps as any).processes.metadata, {
        total: 30,
        capped: true,
      })
      const urgent = await client
        .get('/processes')
        .qs({ priority: 'urgent' })
        .loginAs(manager)
        .withInertia()
      assert.deepInclude((urgent.inertiaProps as any).processes.metadata, {
        total: 12,
        capped: false,
      })
    } finally {
      ListProcessPage.COUNT_CAP = cap
    }
    const exact = await client.get('/processes').loginAs(manager).withInertia()
    assert.deepInclude((exact.inertiaProps as any).processes.metadata, {
      total: 37,
      capped: false,
    })

    const forged = await client
      .get('/processes')
      .qs({ after: Buffer.from('["updated_at","desc",{"x":1},1]').toString('base64url') })
      .loginAs(manager)
      .redirects(0)
    assert.notEqual(forged.status(), 500)
    assert.notEqual(forged.status(), 200)
  })
})
