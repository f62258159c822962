import { test } from '@japa/runner'
import StartProcess from '#actions/processes/start_process'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import { cappedCount, viewParams } from '#actions/views/view_filters'
import SavedView from '#models/saved_view'
import SaveView from '#actions/views/save_view'
import { viewCounts } from '#actions/views/visible_views'
import { countQueries } from '#tests/helpers/query_counter'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { teamWith } from '#tests/helpers/access_fixtures'
import SetTeamMembers from '#actions/teams/set_team_members'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'

async function seed() {
  const admin = await UserFactory.apply('admin').create()
  const manager = await UserFactory.apply('manager').create()
  const member = await UserFactory.create()
  const outsider = await UserFactory.create()
  const { workflow } = await publishWorkflow(purchaseDefinition, admin)
  for (const [title, amount] of [
    ['Small', 10],
    ['Medium', 1500],
    ['Large', 9000],
  ] as const) {
    await new StartProcess().handle({
      workflowKey: 'purchase',
      title,
      data: { amount, customer: 'ACME' },
      actor: admin,
    })
  }
  return { admin, manager, member, outsider, workflow }
}

const BIG = { 'workflow': 'purchase', 'data.amount[gt]': '1000' }

test.group('Search / saved views', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('a private view: saved with its filter, listed with its live count, invisible to others', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await seed()
    const created = await client
      .post('/api/v1/views')
      .json({
        name: 'Big purchases',
        filters: BIG,
        columns: ['reference', 'data.amount'],
        sort: 'title',
      })
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    const view = created.body().data
    assert.equal(view.count, 2)
    assert.isFalse(view.countCapped)
    assert.deepEqual(view.columns, ['reference', 'data.amount'])
    assert.equal(view.visibility, 'private')
    assert.isTrue(view.mine)

    const mine = await client.get('/api/v1/views').withGuard('api').loginAs(manager)
    assert.deepEqual(
      mine.body().data.map((v: { name: string; count: number }) => [v.name, v.count]),
      [['Big purchases', 2]]
    )
    // A new match shows in the count at once.
    await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Huge',
      data: { amount: 50_000 },
      actor: manager,
    })
    const shown = await client.get(`/api/v1/views/${view.id}`).withGuard('api').loginAs(manager)
    assert.equal(shown.body().data.count, 3)

    const theirs = await client.get('/api/v1/views').withGuard('api').loginAs(member)
    assert.lengthOf(theirs.body().data, 0)
    const peek = await client.get(`/api/v1/views/${view.id}`).withGuard('api').loginAs(member)
    peek.assertStatus(404)
  })

  test('shared with a team: its members use it, only the owner changes or deletes it', async ({
    client,
    assert,
  }) => {
    const { manager, member, outsider } = await seed()
    await teamWith('buyers', [manager, member])
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Buyers', filters: BIG, visibility: 'team', team: 'buyers' })
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(created.body().data.team, 'buyers')

    const seen = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(member)
    seen.assertStatus(200)
    assert.isFalse(seen.body().data.mine)
    assert.equal(seen.body().data.count, 2)
    const rename = await client
      .patch(`/api/v1/views/${id}`)
      .json({ name: 'Mine now' })
      .withGuard('api')
      .loginAs(member)
    rename.assertStatus(403)
    const remove = await client.delete(`/api/v1/views/${id}`).withGuard('api').loginAs(member)
    remove.assertStatus(403)
    const notInTeam = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(outsider)
    notInTeam.assertStatus(404)

    // Sharing with a team one is not in is refused.
    await teamWith('others', [outsider])
    const foreign = await client
      .post('/api/v1/views')
      .json({ name: 'Sneaky', filters: {}, visibility: 'team', team: 'others' })
      .withGuard('api')
      .loginAs(member)
    foreign.assertStatus(422)

    const byOwner = await client
      .patch(`/api/v1/views/${id}`)
      .json({ name: 'Buyers (big)', visibility: 'private' })
      .withGuard('api')
      .loginAs(manager)
    byOwner.assertStatus(200)
    assert.equal(byOwner.body().data.name, 'Buyers (big)')
    const gone = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(member)
    gone.assertStatus(404)
    const deleted = await client.delete(`/api/v1/views/${id}`).withGuard('api').loginAs(manager)
    deleted.assertStatus(204)
    assert.isNull(await SavedView.find(id))
  })

  test('shared with a role by a manager; a member may not share with a role', async ({
    client,
    assert,
  }) => {
    const { manager, member, outsider } = await seed()
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'For members', filters: BIG, visibility: 'role', role: 'member' })
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    for (const user of [member, outsider]) {
      const list = await client.get('/api/v1/views').withGuard('api').loginAs(user)
      assert.deepEqual(
        list.body().data.map((v: { name: string }) => v.name),
        ['For members']
      )
    }
    const refused = await client
      .post('/api/v1/views')
      .json({ name: 'Everyone', filters: {}, visibility: 'role', role: 'manager' })
      .withGuard('api')
      .loginAs(member)
    refused.assertStatus(403)
  })

  test("the list page's views, kept per access epoch, follow others' changes at once", async ({
    client,
    assert,
  }) => {
    const { manager, member } = await seed()
    const team = await teamWith('listers', [manager, member])
    const namesSeenBy = async (user: typeof member) => {
      const page = await client.get('/processes').loginAs(user).withInertia()
      page.assertStatus(200)
      return ((page.inertiaProps as any).views as { name: string }[]).map((v) => v.name)
    }
    // Read once (and kept) before each change.
    assert.deepEqual(await namesSeenBy(member), [])
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Team big', filters: BIG, visibility: 'team', team: 'listers' })
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    assert.deepEqual(await namesSeenBy(member), ['Team big'])
    const id = created.body().data.id
    const renamed = await client
      .patch(`/api/v1/views/${id}`)
      .json({ name: 'Team big (renamed)' })
      .withGuard('api')
      .loginAs(manager)
    renamed.assertStatus(200)
    assert.deepEqual(await namesSeenBy(member), ['Team big (renamed)'])
    // Leaving the team hides the view (team memberships move the epoch too).
    await new SetTeamMembers().handle(team, [{ email: manager.email }])
    assert.deepEqual(await namesSeenBy(member), [])
    assert.deepEqual(await namesSeenBy(manager), ['Team big (renamed)'])
    const deleted = await client.delete(`/api/v1/views/${id}`).withGuard('api').loginAs(manager)
    deleted.assertStatus(204)
    assert.deepEqual(await namesSeenBy(manager), [])
  })

  test('a shared view of a workflow the reader may not see is hidden from them', async ({
    client,
    assert,
  }) => {
    const { manager, member, workflow } = await seed()
    await teamWith('buyers', [manager, member])
    const created = await client
      .post('/api/v1/views')
      .json({ name: 'Buyers', filters: BIG, visibility: 'team', team: 'buyers' })
      .withGuard('api')
      .loginAs(manager)
    const id = created.body().data.id
    await teamWith('finance', [manager])
    await new SaveWorkflowAccess().handle(workflow, { see: [{ team: 'finance' }] })

    const list = await client.get('/api/v1/views').withGuard('api').loginAs(member)
    assert.lengthOf(list.body().data, 0)
    const one = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(member)
    one.assertStatus(404)
    const owner = await client.get(`/api/v1/views/${id}`).withGuard('api').loginAs(manager)
    assert.equal(owner.body().data.count, 2)
  })

  test('bad filters, columns, sorts and duplicate names are 422 with the field named', async ({
    client,
    assert,
  }) => {
    const { manager } = await seed()
    const post = (body: object) =>
      client.post('/api/v1/views').json(body).withGuard('api').loginAs(manager)
    const fieldOf = async (body: object) => {
      const response = await post(body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      return response.body().errors.find((e: { field?: string }) => e.field)?.field
    }
    assert.equal(
      await fieldOf({ name: 'x', filters: { 'workflow': 'purchase', 'data.internal': 'a' } }),
      'filters.data.internal'
    )
    assert.equal(await fieldOf({ name: 'x', filters: { status: 'sleeping' } }), 'filters.status')
    assert.equal(await fieldOf({ name: 'x', filters: { page: '2' } }), 'filters.page')
    assert.equal(await fieldOf({ name: 'x', columns: ['data.amount'] }), 'columns')
    assert.equal(await fieldOf({ name: 'x', sort: 'amount' }), 'sort')
    assert.equal(await fieldOf({ name: 'x', visibility: 'team', team: 'nope' }), 'team')
    const first = await post({ name: 'Twice' })
    first.assertStatus(201)
    assert.equal(await fieldOf({ name: 'Twice' }), 'name')
  })

  test('counts are capped: no more than cap + 1 rows are ever counted', async ({ assert }) => {
    const { admin } = await seed()
    const params = await viewParams({ workflow: 'purchase' }, [])
    assert.deepEqual(await cappedCount(params, admin.id, 2), { count: 2, capped: true })
    assert.deepEqual(await cappedCount(params, admin.id, 3), { count: 3, capped: false })
  })

  test('the list page shows the views, their counts after it, saves the current filter and deletes', async ({
    client,
    assert,
  }) => {
    const { manager } = await seed()
    const saved = await client
      .post('/views')
      .json({ name: 'Page view', filters: BIG, sort: 'title', direction: 'asc' })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    // The page lists the views at once; their counts come in a second request (a deferred
    // prop), so the list's rows never wait on one count per view.
    const first = await countQueries(() => client.get('/processes').loginAs(manager).withInertia())
    const page = first.result
    const views = (page.inertiaProps as any).views as { id: number; name: string; count: number }[]
    assert.deepEqual(
      views.map((v) => [v.name, v.count]),
      [['Page view', null]]
    )
    assert.notProperty(page.inertiaProps, 'viewCounts')
    assert.deepEqual(page.body().deferredProps, { viewCounts: ['viewCounts'] })
    assert.isFalse(
      first.queries.some((sql) => /count\(/i.test(sql)),
      first.queries.join('\n')
    )
    const countsRequest = () =>
      countQueries(() =>
        client
          .get('/processes')
          .loginAs(manager)
          .withInertia()
          .withInertiaPartialReload('processes/index', ['viewCounts'])
      )
    const deferred = await countsRequest()
    assert.deepEqual((deferred.result.inertiaProps as any).viewCounts, {
      [views[0].id]: { count: 2, capped: false },
    })
    // The second request counts; it does not read the list's page again.
    assert.isFalse(
      deferred.queries.some((sql) => /from .processes. .*order by/i.test(sql)),
      deferred.queries.join('\n')
    )
    assert.lengthOf(
      deferred.queries.filter((sql) => /count\(/i.test(sql)),
      1,
      deferred.queries.join('\n')
    )
    // Nothing else of the page's. The views themselves are kept per access epoch (saving a
    // view moved it, so this request read the workflows' fields again): a later one counts alone.
    assert.isFalse(
      deferred.queries.some((sql) => /from .saved_views./i.test(sql)),
      deferred.queries.join('\n')
    )
    const again = await countsRequest()
    assert.deepEqual((again.result.inertiaProps as any).viewCounts, {
      [views[0].id]: { count: 2, capped: false },
    })
    assert.lengthOf(again.queries, 1, again.queries.join('\n'))
    assert.match(again.queries[0]!, /count\(/i)
    const view = await SavedView.findOrFail(views[0].id)
    assert.deepEqual(view.filters, BIG)
    assert.equal(view.sort, 'title')
    const removed = await client
      .delete(`/views/${view.id}`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    removed.assertStatus(302)
    assert.isNull(await SavedView.find(view.id))
  })

  test("the views' counts request leaves a form's flash message for the page it redirects to", async ({
    client,
    assert,
  }) => {
    const { manager } = await seed()
    await new SaveView().create(manager, { name: 'Mine', filters: BIG })
    // The counts' request reaches the server between a form's redirect and its page.
    const counts = await client
      .get('/processes')
      .loginAs(manager)
      .withInertia()
      .withInertiaPartialReload('processes/index', ['viewCounts'])
      .withFlashMessages({ success: 'View "Mine" updated.' })
    counts.assertStatus(200)
    assert.deepEqual(counts.body().flash ?? {}, {})
    assert.deepEqual(counts.flashMessages(), { success: 'View "Mine" updated.' })
    // A full visit takes them as before.
    const page = await client
      .get('/processes')
      .loginAs(manager)
      .withInertia()
      .withFlashMessages({ success: 'View "Mine" updated.' })
    assert.equal(page.body().flash.success, 'View "Mine" updated.')
    assert.deepEqual(page.flashMessages(), {})
  })

  test("the sidebar counts: every view's capped count in one statement, the fields read once per workflow", async ({
    assert,
  }) => {
    const { manager } = await seed()
    const save = new SaveView()
    const views: SavedView[] = []
    for (let i = 0; i < 6; i++) {
      views.push(
        await save.create(manager, {
          name: `View ${i}`,
          filters: { 'workflow': 'purchase', 'data.amount[gt]': String(i * 1000) },
        })
      )
    }
    // Other kinds of filter in the same statement: on the process rows, and free text.
    views.push(await save.create(manager, { name: 'Open', filters: { status: 'active' } }))
    views.push(await save.create(manager, { name: 'Words', filters: { q: 'Medium' } }))
    const two = await countQueries(() => viewCounts(views.slice(0, 2), manager))
    const all = await countQueries(() => viewCounts(views, manager))
    // More views add no statement (a free-text view adds its word's completion seek).
    assert.isAtMost(all.count - two.count, 1, all.queries.join('\n'))
    const counts = all.queries.filter((sql) => /count\(/i.test(sql))
    assert.lengthOf(counts, 1, all.queries.join('\n'))
    assert.lengthOf(counts[0]!.match(/limit\s+(\?|1001)(?!\d)/gi) ?? [], 8, counts[0])
    assert.isFalse(
      all.queries.some((sql) => /from .teams./i.test(sql)),
      'no view is shared with a team: no teams are read'
    )
    assert.deepEqual(all.result.get(views[0].id), { count: 3, capped: false })
    assert.deepEqual(all.result.get(views[1].id), { count: 2, capped: false })
    assert.deepEqual(all.result.get(views[2].id), { count: 1, capped: false })
    assert.deepEqual(all.result.get(views[5].id), { count: 1, capped: false })
    assert.deepEqual(all.result.get(views[6].id), { count: 3, capped: false })
    assert.deepEqual(all.result.get(views[7].id), { count: 1, capped: false })
    // Each equals the view's count on its own.
    for (const view of views) {
      const alone = await viewCounts([view], manager)
      assert.deepEqual(alone.get(view.id), all.result.get(view.id), view.name)
    }
  })

  test("the views' statements are kept per access epoch; their counts stay live", async ({
    assert,
  }) => {
    const { admin, manager } = await seed()
    const save = new SaveView()
    const open = await save.create(manager, { name: 'Open', filters: { status: 'active' } })
    const words = await save.create(manager, { name: 'Zebras', filters: { q: 'Zebra' } })
    const first = await countQueries(() => viewCounts([open, words], manager))
    assert.deepEqual(first.result.get(open.id), { count: 3, capped: false })
    assert.deepEqual(first.result.get(words.id), { count: 0, capped: false })

    // Kept: the next count of the status view sends its count and nothing else.
    const again = await countQueries(() => viewCounts([open], manager))
    assert.deepEqual(again.queries.length, 1, again.queries.join('\n'))
    assert.match(again.queries[0]!, /count\(/i)

    // The counts are read each time: a new process counts at once, and a free-text view
    // (compiled anew: which words "Zebra" completes to changes with the data) finds its word.
    await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Zebra crossing',
      data: { amount: 5, customer: 'ACME' },
      actor: admin,
    })
    const live = await viewCounts([open, words], manager)
    assert.deepEqual(live.get(open.id), { count: 4, capped: false })
    assert.deepEqual(live.get(words.id), { count: 1, capped: false })

    // Editing the view bumps the epoch: its new filter counts at once.
    await save.update(open, manager, { filters: { status: 'completed' } })
    const edited = await viewCounts([open], manager)
    assert.deepEqual(edited.get(open.id), { count: 0, capped: false })
  })
})
