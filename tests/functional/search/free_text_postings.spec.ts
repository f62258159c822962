import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import StartProcess from '#actions/processes/start_process'
import UpdateProcessData from '#actions/processes/update_process_data'
import TransitionProcess from '#actions/processes/transition_process'
import RebuildSearchIndex from '#actions/search/rebuild_search_index'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import { cappedCount } from '#actions/views/view_filters'
import Process from '#models/process'
import type User from '#models/user'
import { postingPlan } from '#models/process_search'
import { postingWordsOf } from '#engine/search_fields'
import { sqlTime } from '#support/sql_time'
import { UserFactory } from '#database/factories/user_factory'
import { countQueries } from '#tests/helpers/query_counter'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { plainDefinition, purchaseDefinition } from '#tests/functional/search/search_fixtures'

const VOCABULARY = [
  'laptop',
  'laptops',
  'lapel',
  'monitor',
  'monitors',
  'mouse',
  'desk',
  'chair',
  'café',
  'cafe',
  'the',
  'a',
  'of',
  'keyboard',
  'dock',
]
const BASE = DateTime.utc().minus({ days: 3 }).startOf('minute')

const postingsOf = (processId: number) =>
  db.from('process_words').where('process_id', processId).orderBy('word').select('*')

/**
 * 60 processes in two workflows whose titles and notes mix words with
 * shared prefixes, accents, stop and short words, and 25 "zeta<n>" words
 * (a prefix with more completions than the ordered path takes); created
 * out of id order, in pairs at the same second; some assigned, some done.
 */
async function world() {
  const admin = await UserFactory.apply('admin').create()
  const member = await UserFactory.create()
  const purchase = await publishWorkflow(purchaseDefinition, admin)
  const plain = await publishWorkflow(plainDefinition, admin)
  const processes: Process[] = []
  for (let i = 0; i < 60; i++) {
    const pick = (k: number) => VOCABULARY[(i * k + k) % VOCABULARY.length]
    const inPlain = i % 3 === 0
    const { process } = await new StartProcess().handle({
      workflowKey: inPlain ? 'plain' : 'purchase',
      title: `${pick(3)} ${pick(7)} ${i % 5 === 0 ? pick(11) : ''}`,
      data: inPlain ? {} : { customer: i % 2 ? 'ACME' : 'Globex', notes: `zeta${i % 25}` },
      assigneeId: i % 2 ? member.id : null,
      actor: admin,
      at: BASE.plus({ minutes: Math.floor(((i * 37) % 60) / 2) }),
    })
    let current = process
    if (!inPlain && i % 4 === 0) {
      for (const transition of ['approve', 'finish']) {
        ;({ process: current } = await new TransitionProcess().handle({
          process: current,
          transition,
          expectedVersion: current.version,
          actor: admin,
        }))
      }
    }
    processes.push(current)
  }
  return { admin, member, processes, plainId: plain.workflow.id, purchaseId: purchase.workflow.id }
}

/** The FULLTEXT/FTS5 answer (the model's `filtered` scope), newest first. */
async function throughFullText(params: ProcessPageParams, viewer: User) {
  const rows = await Process.query()
    .withScopes((s) => s.filtered(params, viewer.id))
    .orderBy('processes.created_at', 'desc')
    .orderBy('processes.id', 'desc')
    .select('processes.id')
  return rows.map((row) => row.id)
}

/** Every page of the list, following `next` cursors; then back again by `previous`. */
async function walk(params: ProcessPageParams, viewer: User) {
  const list = new ListProcessPage()
  const pages: number[][] = []
  let after: string | undefined
  let last: Awaited<ReturnType<ListProcessPage['keysetPage']>> | undefined
  for (let guard = 0; guard < 100; guard++) {
    last = await list.keysetPage({ ...params, after }, viewer.id)
    pages.push(last.processes.map((p) => p.id))
    if (!last.meta.next) break
    after = last.meta.next
  }
  const back: number[][] = []
  let before = last?.meta.previous ?? undefined
  while (before) {
    const page = await list.keysetPage({ ...params, before }, viewer.id)
    back.unshift(page.processes.map((p) => p.id))
    before = page.meta.previous ?? undefined
  }
  return { pages, back, total: last?.meta.total }
}

test.group('Free text / ordered postings answer what FULLTEXT answers', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())
  let perPage = ListProcessPage.PER_PAGE
  group.each.setup(() => {
    perPage = ListProcessPage.PER_PAGE
    ListProcessPage.PER_PAGE = 4
    return () => {
      ListProcessPage.PER_PAGE = perPage
    }
  })

  test('single words, prefixes, several words, several completions, stop and short words, with filters and hidden workflows', async ({
    assert,
  }) => {
    const { admin, member, plainId } = await world()
    const queries = [
      'laptop',
      'lap',
      'laptops',
      'laptop monitor',
      'mon lap',
      'a laptop',
      'the desk',
      'of',
      'café',
      'CAFE desk',
      'zeta1',
      'zeta1 lap',
      'zeta',
      'acme laptop',
      'k',
      'nothing',
      'pur',
    ]
    const filters: ProcessPageParams[] = [
      {},
      { status: 'active' },
      { workflow: 'purchase' },
      { assignee: member.id },
      { hiddenWorkflows: [plainId] },
      { status: 'completed', assignee: 'none' },
    ]
    let compared = 0
    let nonEmpty = 0
    for (const q of queries) {
      const { postings } = await ListProcessPage.pageQuery({ q }, admin.id)
      // "zeta" has 25 completions: the only query here FULLTEXT/FTS5 answers.
      assert.equal(postings, q !== 'zeta', `ordered path for "${q}"`)
      for (const filter of filters) {
        const params = { ...filter, q }
        const expected = await throughFullText(params, admin)
        const { pages, back, total } = await walk(params, admin)
        const label = `${q} ${JSON.stringify(filter)}`
        assert.deepEqual(pages.flat(), expected, label)
        assert.deepEqual(back, pages.slice(0, back.length), `${label} (back)`)
        assert.equal(total, expected.length, `${label} (count)`)
        assert.deepEqual(
          await cappedCount(params, admin.id),
          { count: expected.length, capped: false },
          `${label} (view count)`
        )
        compared++
        if (expected.length > 4) nonEmpty++
      }
    }
    assert.equal(compared, queries.length * filters.length)
    // The comparison means something: several answers span pages.
    assert.isAbove(nonEmpty, 20)
    // Newest first is not id order here.
    const all = await throughFullText({ q: 'lap' }, admin)
    assert.notDeepEqual(
      all,
      [...all].sort((a, b) => b - a)
    )
  }).timeout(120_000)

  test('cursor pages stay stable when matching processes are started meanwhile', async ({
    assert,
  }) => {
    const { admin } = await world()
    const list = new ListProcessPage()
    const first = await list.keysetPage({ q: 'laptop' }, admin.id)
    const before = await throughFullText({ q: 'laptop' }, admin)
    for (let i = 0; i < 3; i++) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title: `laptop new ${i}`,
        data: {},
        actor: admin,
        at: BASE.plus({ days: 1, minutes: i }),
      })
    }
    const second = await list.keysetPage({ q: 'laptop', after: first.meta.next! }, admin.id)
    assert.deepEqual(
      [...first.processes, ...second.processes].map((p) => p.id),
      before.slice(0, 8)
    )
    // Back from the second page: the first page as it was, not the new rows.
    const back = await list.keysetPage({ q: 'laptop', before: second.meta.previous! }, admin.id)
    assert.deepEqual(
      back.processes.map((p) => p.id),
      first.processes.map((p) => p.id)
    )
    assert.isNotNull(back.meta.previous)
  }).timeout(60_000)

  test('a page reads the postings in index order and never FULLTEXT; the count is capped', async ({
    assert,
  }) => {
    const { admin } = await world()
    const { queries: statements } = await countQueries(() =>
      new ListProcessPage().keysetPage({ q: 'laptop monitor' }, admin.id)
    )
    // "monitor" drives (fewer postings than "laptop"): one ordered read per completion.
    const rows = statements.filter((sql) =>
      /from .process_words. as .w. .*order by .w.\..created_at. desc, .w.\..process_id. desc limit/i.test(
        sql
      )
    )
    assert.lengthOf(rows, 1, statements.join('\n'))
    assert.lengthOf(rows[0]!.match(/from .process_words. as .w./gi)!, 2)
    // One plan for the page and its count: a seek per completion and one
    // more per word ("laptop": laptop, laptops; "monitor": monitor, monitors),
    // the first two of each word in one statement.
    assert.lengthOf(
      statements.filter((sql) => sql.startsWith('SELECT first.word')),
      2
    )
    assert.lengthOf(
      statements.filter((sql) => sql.startsWith('SELECT MIN(word)')),
      2
    )
    assert.isFalse(
      statements.some((sql) => /process_search_text/.test(sql)),
      statements.join('\n')
    )

    // SQLite reads the word's primary-key range backwards: no sort of the matches.
    if (!db.connection().dialect.name.startsWith('mysql')) {
      const { query } = await ListProcessPage.pageQuery({ q: 'keyboard lap' }, admin.id)
      const { sql, bindings } = query.toSQL()
      const plan: { detail: string }[] = await db.rawQuery(`EXPLAIN QUERY PLAN ${sql}`, [
        ...bindings,
      ])
      const details = plan.map((row) => row.detail)
      assert.match(details[0]!, /^SEARCH w USING PRIMARY KEY \(word=\?\)/, details.join('\n'))
      assert.isFalse(
        details.some((detail) => /TEMP B-TREE/.test(detail)),
        details.join('\n')
      )
    }

    // An explicitly chosen sort keeps the FULLTEXT/FTS5 path for its rows.
    const sorted = await ListProcessPage.pageQuery({ q: 'laptop', sort: 'updated_at' }, admin.id)
    assert.isFalse(sorted.postings)
    assert.include(sorted.query.toQuery(), 'process_search_text')

    const cap = ListProcessPage.COUNT_CAP
    ListProcessPage.COUNT_CAP = 3
    try {
      assert.deepEqual(await new ListProcessPage().cappedCount({ q: 'lap' }, admin.id), {
        total: 3,
        capped: true,
      })
      const { query } = await ListProcessPage.countQuery({ q: 'lap' }, admin.id)
      // Nothing to check on the process rows: the postings alone are counted.
      // The 4th posting, if any, read by a probe past the cap (counted only when there is none).
      assert.match(query.toQuery(), /process_words.* limit 1 offset 3/i)
      assert.notInclude(query.toQuery(), 'processes ON')
      const narrowed = await ListProcessPage.countQuery({ q: 'lap', status: 'active' }, admin.id)
      assert.include(narrowed.query.toQuery(), 'processes ON processes.id = w.process_id')
    } finally {
      ListProcessPage.COUNT_CAP = cap
    }
    assert.deepEqual(await cappedCount({ q: 'lap' }, admin.id, 2), { count: 2, capped: true })
  }).timeout(60_000)

  test('the plan: the rarest word drives, a word without completions matches nothing, a very short prefix falls back', async ({
    assert,
  }) => {
    await world()
    const plan = await postingPlan('lap keyboard')
    assert.deepEqual(plan, { completions: ['keyboard'], others: ['lap'] })
    assert.sameMembers((await postingPlan('lap'))!.completions, ['lapel', 'laptop', 'laptops'])
    assert.deepEqual(await postingPlan('laptop xyzzy'), { completions: [], others: [] })
    assert.isNull(await postingPlan('zeta'))
    assert.isNull(await postingPlan('!!!'))
    assert.isNull(await postingPlan(`${'x'.repeat(41)}`))
  }).timeout(60_000)

  test('the list page: a search lists newest first, shows that order, and its cursor round-trips', async ({
    client,
    assert,
  }) => {
    const { admin } = await world()
    const expected = await throughFullText({ q: 'lap' }, admin)
    const first = await client.get('/processes').qs({ q: 'lap' }).loginAs(admin).withInertia()
    first.assertStatus(200)
    const props = first.inertiaProps as any
    assert.deepEqual(
      props.processes.data.map((p: any) => p.id),
      expected.slice(0, 4)
    )
    assert.equal(props.processes.metadata.total, expected.length)
    const second = await client
      .get(props.processes.metadata.nextPageUrl)
      .loginAs(admin)
      .withInertia()
    assert.deepEqual(
      (second.inertiaProps as any).processes.data.map((p: any) => p.id),
      expected.slice(4, 8)
    )
  }).timeout(60_000)

  test('the JSON API: a search pages newest first by a time cursor, the same rows as FULLTEXT', async ({
    client,
    assert,
  }) => {
    const { admin, member } = await world()
    for (const q of ['lap', 'laptop monitor', 'zeta', 'acme']) {
      for (const filter of [{}, { assignee: String(member.id) }]) {
        const expected = await throughFullText(
          { q, ...(filter.assignee ? { assignee: member.id } : {}) },
          admin
        )
        const ids: number[] = []
        let cursor: string | undefined
        for (let guard = 0; guard < 50; guard++) {
          const response = await client
            .get('/api/v1/processes')
            .qs({ q, limit: 3, ...filter, ...(cursor ? { cursor } : {}) })
            .withGuard('api')
            .loginAs(admin)
          response.assertStatus(200)
          ids.push(...response.body().data.map((p: any) => p.id))
          cursor = response.body().metadata.nextCursor ?? undefined
          if (!cursor) break
        }
        assert.deepEqual(ids, expected, `${q} ${JSON.stringify(filter)}`)
      }
    }
    // An id cursor is not a search's cursor.
    const wrong = await client
      .get('/api/v1/processes')
      .qs({ q: 'lap', cursor: Buffer.from('id:5').toString('base64url') })
      .withGuard('api')
      .loginAs(admin)
    wrong.assertStatus(422)
  }).timeout(60_000)
})

test.group('Free text / postings are written with the change', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('start writes the distinct words of title, reference and searchable text, at the created_at', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const at = DateTime.utc().minus({ days: 2 }).startOf('second')
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Laptop LAPTOP Café',
      data: { customer: 'ACME GmbH', notes: 'Grey, 14"', internal: 'secret' },
      actor: admin,
      at,
    })
    const rows = await postingsOf(process.id)
    assert.sameMembers(
      rows.map((row) => row.word),
      [
        'laptop',
        'cafe',
        process.reference.split('-')[0]!.toLowerCase(),
        '000001',
        'acme',
        'gmbh',
        'grey',
        '14',
      ]
    )
    for (const row of rows) {
      assert.equal(
        row.created_at instanceof Date ? sqlTime(row.created_at) : row.created_at,
        sqlTime(at)
      )
    }
  })

  test('a text field change writes only the changed words; a transition writes no postings', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Chairs',
      data: { customer: 'ACME', notes: 'grey office' },
      actor: admin,
    })
    await new UpdateProcessData().handle({
      process,
      data: { notes: 'grey kitchen' },
      expectedVersion: 1,
      actorId: admin.id,
    })
    const written = await postingsOf(process.id)
    const words = written.map((row) => row.word)
    assert.includeMembers(words, ['grey', 'kitchen', 'chairs', 'acme'])
    assert.notInclude(words, 'office')
    const fresh = await Process.findOrFail(process.id)
    const body = ` ${fresh.title} ${fresh.reference} ${fresh.data.customer} ${fresh.data.notes}`
    assert.sameMembers(words, postingWordsOf(body))

    const before = await postingsOf(process.id)
    const moved = await new TransitionProcess().handle({
      process: fresh,
      transition: 'approve',
      expectedVersion: fresh.version,
      actor: admin,
    })
    assert.equal(moved.process.stageKey, 'approved')
    assert.deepEqual(await postingsOf(process.id), before)
  })

  test('search:rebuild replaces postings that drifted', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Printer paper',
      data: {},
      actor: admin,
    })
    const right = await postingsOf(process.id)
    await db.from('process_words').where('process_id', process.id).where('word', 'paper').delete()
    await db.table('process_words').insert({
      word: 'stale',
      created_at: right[0].created_at,
      process_id: process.id,
    })
    await new RebuildSearchIndex().handle({ processId: process.id })
    assert.deepEqual(await postingsOf(process.id), right)
  })

  test('deleting a process deletes its postings', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(plainDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'plain',
      title: 'Gone soon',
      data: {},
      actor: admin,
    })
    const written = await postingsOf(process.id)
    assert.isAbove(written.length, 0)
    await db.from('process_events').where('process_id', process.id).delete()
    await db.from('outbox_messages').where('process_id', process.id).delete()
    await db.from('processes').where('id', process.id).delete()
    assert.lengthOf(await postingsOf(process.id), 0)
  })
})
