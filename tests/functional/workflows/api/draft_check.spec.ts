import { test } from '@japa/runner'
import StartProcess from '#actions/processes/start_process'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import DraftCheck from '#models/draft_check'
import WorkflowVersion from '#models/workflow_version'
import { runDraftCheck } from '#actions/workflows/draft_check/run_draft_check'
import { freshDatabase } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import {
  GUARDED_PURCHASE,
  PURCHASE,
  purchasesWith,
  saveDraft,
} from '#tests/helpers/draft_check_fixtures'

const CHECK = '/api/v1/workflows/purchase/draft/check'

test.group('API / test a draft against history', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('a new guard: the processes it would have blocked are listed, newest first, with links', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const [small, large, , larger] = await purchasesWith(manager, [200, 5000, 300, 8000], {
      approveFirst: 2,
    })
    await saveDraft(GUARDED_PURCHASE, manager)

    const response = await client.post(CHECK).json({ limit: 10 }).withGuard('api').loginAs(manager)
    response.assertStatus(200)
    const result = response.body().data
    assert.equal(result.draftVersion, 2)
    assert.equal(result.limit, 10)
    assert.deepEqual(result.summary, {
      checked: 4,
      unchanged: 2,
      affected: 2,
      verdicts: {
        unchanged: 2,
        routes_differently: 0,
        blocked_by_guard: 2,
        blocked_by_field_rule: 0,
        blocked_by_role: 0,
        stuck: 0,
        unknown_stage: 0,
        unknown_transition: 0,
        unreadable: 0,
      },
    })
    assert.deepEqual(
      result.processes.map((p: any) => [p.processId, p.verdict, p.url, p.stage, p.status]),
      [
        [larger!.id, 'blocked_by_guard', `/processes/${larger!.id}`, 'REVIEW', 'active'],
        [large!.id, 'blocked_by_guard', `/processes/${large!.id}`, 'APPROVED', 'completed'],
      ]
    )
    assert.deepEqual(result.processes[0].difference, {
      sequence: 2,
      stage: 'REQUEST',
      transition: 'submit',
      historyTo: 'REVIEW',
      draftTo: null,
      fields: [],
      message: 'Large amounts need a purchase order.',
    })
    assert.notInclude(
      result.processes.map((p: any) => p.processId),
      small!.id
    )

    // The limit takes the newest: the two latest processes (one of them blocked).
    const latest = await client.post(CHECK).json({ limit: 2 }).withGuard('api').loginAs(manager)
    assert.equal(latest.body().data.summary.checked, 2)
    assert.equal(latest.body().data.summary.affected, 1)
    // Nothing was stored for a check answered at once.
    assert.lengthOf(await DraftCheck.all(), 0)
  })

  test('the designer asks through its session and gets the same answer', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await purchasesWith(manager, [200, 5000])
    await saveDraft(GUARDED_PURCHASE, manager)
    const response = await client
      .post('/workflows/purchase/draft/check')
      .json({})
      .loginAs(manager)
      .withCsrfToken()
    response.assertStatus(200)
    assert.equal(response.body().data.summary.checked, 2)
    assert.equal(response.body().data.summary.verdicts.blocked_by_guard, 1)
    assert.equal(response.body().data.limit, 500)
  })

  test('a draft without a stage: the processes that went through it are reported', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const [approved, rejected, waiting] = await purchasesWith(manager, [10, 20, 30], {
      approveFirst: 2,
    })
    await saveDraft(
      {
        ...PURCHASE,
        stages: PURCHASE.stages.filter((s) => s.key !== 'REVIEW'),
        transitions: [
          { key: 'submit', from: 'REQUEST', to: 'APPROVED' },
          { key: 'reject', from: 'REQUEST', to: 'REJECTED' },
        ],
      },
      manager
    )
    const response = await client.post(CHECK).withGuard('api').loginAs(manager)
    response.assertStatus(200)
    const byId = new Map(response.body().data.processes.map((p: any) => [p.processId, p]))
    assert.equal(response.body().data.summary.checked, 3)
    for (const process of [approved!, rejected!, waiting!]) {
      const verdict = byId.get(process.id) as any
      assert.equal(verdict.verdict, 'routes_differently')
      assert.deepInclude(verdict.difference, {
        stage: 'REQUEST',
        transition: 'submit',
        historyTo: 'REVIEW',
        draftTo: 'APPROVED',
      })
    }
  })

  test('the number of queries does not grow with the number of processes', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await purchasesWith(manager, [1, 2, 3])
    await saveDraft(GUARDED_PURCHASE, manager)
    const ask = () => client.post(CHECK).withGuard('api').loginAs(manager)
    await ask()
    const few = await countQueries(ask)
    assert.equal(few.result.body().data.summary.checked, 3)

    for (let i = 0; i < 27; i++) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title: `More ${i}`,
        data: { amount: 5000 + i },
        actor: manager,
      })
    }
    const many = await countQueries(ask)
    assert.equal(many.result.body().data.summary.checked, 30)
    assert.equal(many.count, few.count)
  })
  test('bad input gets a 4xx with a clear message, and nothing is stored or queued', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await purchasesWith(manager, [200])
    const ask = (body: unknown, url = CHECK) =>
      client.post(url).json(body).withGuard('api').loginAs(manager)

    // Published, but no draft yet.
    const noDraft = await ask({})
    noDraft.assertStatus(409)
    noDraft.assertBodyContains({ errors: [{ code: 'no_draft' }] })
    assert.match(noDraft.body().errors[0].message, /no draft/i)

    await saveDraft(GUARDED_PURCHASE, manager)
    for (const limit of [0, -1, 5001, 2.5, 'many', '20', { n: 3 }, [3], true]) {
      const response = await ask({ limit })
      assert.equal(response.status(), 422, JSON.stringify(limit))
      assert.equal(response.body().errors[0].field, 'limit', JSON.stringify(limit))
    }
    const background = await ask({ background: 'perhaps' })
    background.assertStatus(422)
    assert.equal(background.body().errors[0].field, 'background')

    const unknown = await ask({}, '/api/v1/workflows/nope/draft/check')
    unknown.assertStatus(404)
    unknown.assertBodyContains({ errors: [{ code: 'not_found' }] })
    const forbidden = await client.post(CHECK).json({}).withGuard('api').loginAs(member)
    forbidden.assertStatus(403)
    const anonymous = await client.post(CHECK).json({})
    anonymous.assertStatus(401)
    const noRun = await client
      .get('/api/v1/workflows/purchase/draft/checks/12345')
      .withGuard('api')
      .loginAs(manager)
    noRun.assertStatus(404)

    // A draft saved under older rules that the verifier now refuses: 422 with its problems.
    const draft = await WorkflowVersion.query().where('status', 'draft').firstOrFail()
    await db
      .from('workflow_versions')
      .where('id', draft.id)
      .update({
        definition: JSON.stringify({ ...PURCHASE, stages: PURCHASE.stages.slice(0, 2) }),
      })
    const broken = await ask({})
    broken.assertStatus(422)
    assert.equal(broken.body().errors[0].code, 'invalid_definition')
    assert.isAbove(broken.body().errors.length, 1)
    assert.isString(broken.body().errors[1].field)

    assert.lengthOf(await DraftCheck.all(), 0)
    assert.lengthOf(await db.from('outbox_messages').where('topic', 'draft_check.requested'), 0)
  })

  test('a large check runs in a worker with progress; the poll answers the same result', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await purchasesWith(manager, [200, 5000, 7000], { approveFirst: 1 })
    await saveDraft(GUARDED_PURCHASE, manager)
    const now = await client.post(CHECK).json({ limit: 100 }).withGuard('api').loginAs(manager)
    now.assertStatus(200)

    const queued = await client
      .post(CHECK)
      .json({ limit: 100, background: true })
      .withGuard('api')
      .loginAs(manager)
    queued.assertStatus(202)
    const run = queued.body().data
    const check = await DraftCheck.firstOrFail()
    assert.deepInclude(run, {
      id: check.id,
      status: 'pending',
      progress: 0,
      limit: 100,
      draftVersion: 2,
      result: null,
      statusUrl: `/api/v1/workflows/purchase/draft/checks/${check.id}`,
    })
    assert.equal(queued.header('location'), run.statusUrl)
    const outbox = await db.from('outbox_messages').where('topic', 'draft_check.requested').first()
    assert.deepEqual(JSON.parse(outbox.payload), { checkId: check.id })

    const pending = await client.get(run.statusUrl).withGuard('api').loginAs(manager)
    pending.assertStatus(200)
    assert.equal(pending.body().data.status, 'pending')

    await drainOutbox()
    const done = await client.get(run.statusUrl).withGuard('api').loginAs(manager)
    done.assertStatus(200)
    const polled = done.body().data
    assert.equal(polled.status, 'completed')
    assert.equal(polled.progress, 100)
    assert.isString(polled.finishedAt)
    const withoutTime = (result: Record<string, unknown>) => ({ ...result, checkedAt: null })
    assert.deepEqual(withoutTime(polled.result), withoutTime(now.body().data))

    // The designer polls the same run through its session route.
    const page = await client.get(`/workflows/purchase/draft/checks/${check.id}`).loginAs(manager)
    page.assertStatus(200)
    assert.equal(page.body().data.statusUrl, `/workflows/purchase/draft/checks/${check.id}`)
    assert.equal(page.body().data.result.summary.affected, 2)
  })

  test('more processes than a request checks go to the worker by themselves', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await purchasesWith(manager, [5000])
    for (let i = 0; i < 200; i++) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title: `Request ${i}`,
        data: { amount: i },
        actor: manager,
      })
    }
    await saveDraft(GUARDED_PURCHASE, manager)
    // 200 of them fit in the request...
    const small = await client.post(CHECK).json({ limit: 200 }).withGuard('api').loginAs(manager)
    small.assertStatus(200)
    // ...201 do not.
    const large = await client.post(CHECK).withGuard('api').loginAs(manager)
    large.assertStatus(202)
    await drainOutbox()
    const check = await DraftCheck.findOrFail(large.body().data.id)
    assert.equal(check.status, 'completed')
    assert.equal(check.result!.summary.checked, 201)
    assert.equal(check.result!.summary.verdicts.blocked_by_guard, 1)

    // Progress is reported after each slice of 100 processes, up to 100.
    const reported: number[] = []
    const draft = await WorkflowVersion.query().where('status', 'draft').firstOrFail()
    await runDraftCheck({
      workflowId: draft.workflowId,
      draft: { number: draft.number, definition: draft.definition },
      limit: 500,
      progress: async (percent) => {
        reported.push(percent)
      },
    })
    assert.deepEqual(reported, [50, 100, 100])
  })
})
