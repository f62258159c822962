import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import LoadFlowOverlay from '#actions/workflows/load_flow_overlay'
import type WorkflowVersion from '#models/workflow_version'
import type User from '#models/user'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

type Step = [
  type: string,
  hoursAgo: number,
  from: string | null,
  to: string | null,
  transition?: string,
]

/**
 * Processes of the review workflow with known histories (hours before now):
 *   P1 draft 50→48 (7200 s), review 48→46 (7200 s), approved
 *   P2 draft 30→29 (3600 s), review 29→20 (32400 s), rejected
 *   P3 draft 10→4 (21600 s), in review now, due an hour ago (overdue)
 *   P4 in draft now (no due date)
 *   P5 draft 504→480 (20 days ago), in review now, due tomorrow
 */
let n = 0
async function seed(version: WorkflowVersion, creator: User, copies = 1) {
  const now = DateTime.utc()
  const at = (hoursAgo: number) => sqlTime(now.minus({ hours: hoursAgo }))!
  const histories: { status: string; stage: string; due: number | null; steps: Step[] }[] = [
    {
      status: 'completed',
      stage: 'approved',
      due: null,
      steps: [
        ['started', 50, null, 'draft'],
        ['transitioned', 48, 'draft', 'review', 'submit'],
        ['transitioned', 46, 'review', 'approved', 'approve'],
      ],
    },
    {
      status: 'completed',
      stage: 'rejected',
      due: null,
      steps: [
        ['started', 30, null, 'draft'],
        ['transitioned', 29, 'draft', 'review', 'submit'],
        ['transitioned', 20, 'review', 'rejected', 'reject'],
      ],
    },
    {
      status: 'active',
      stage: 'review',
      due: 1,
      steps: [
        ['started', 10, null, 'draft'],
        ['transitioned', 4, 'draft', 'review', 'submit'],
      ],
    },
    { status: 'active', stage: 'draft', due: null, steps: [['started', 2, null, 'draft']] },
    {
      status: 'active',
      stage: 'review',
      due: -24,
      steps: [
        ['started', 504, null, 'draft'],
        ['transitioned', 480, 'draft', 'review', 'submit'],
      ],
    },
  ]
  for (let copy = 0; copy < copies; copy++) {
    for (const history of histories) {
      n++
      const last = history.steps[history.steps.length - 1]!
      const [id] = await db.table('processes').insert({
        workflow_id: version.workflowId,
        workflow_version_id: version.id,
        reference: `DR-${n}`,
        title: `Document ${n}`,
        data: '{}',
        stage_key: history.stage,
        status: history.status,
        priority: 'normal',
        creator_id: creator.id,
        assignee_id: null,
        due_at: history.due === null ? null : at(history.due),
        sla_breached: false,
        version: history.steps.length,
        stage_entered_at: at(last[1]),
        created_at: at(history.steps[0]![1]),
        updated_at: at(last[1]),
        closed_at: history.status === 'active' ? null : at(last[1]),
      })
      await db.table('process_events').multiInsert(
        history.steps.map(([type, hoursAgo, from, to, transition], i) => ({
          process_id: id,
          sequence: i + 1,
          type,
          from_stage: from,
          to_stage: to,
          actor_id: creator.id,
          payload: JSON.stringify(transition ? { transition } : {}),
          occurred_at: at(hoursAgo),
        }))
      )
    }
  }
}

test.group('Workflow page / where processes went (flow overlay)', (group) => {
  freshDatabase(group)

  test('transition counts, median time, now and overdue per stage, by period', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    const { version } = await publishWorkflow(reviewDefinition(), manager)
    await seed(version, manager)

    const response = await client.get('/workflows/doc-review').loginAs(member).withInertia()
    response.assertStatus(200)
    const props = response.inertiaProps as any
    assert.equal(props.flowDays, 30)
    const flow = props.flow
    assert.equal(flow.period.to, DateTime.utc().toISODate())
    assert.equal(flow.period.from, DateTime.utc().minus({ days: 29 }).toISODate())
    assert.deepEqual(flow.transitions, {
      submit: { count: 4 },
      approve: { count: 1 },
      reject: { count: 1 },
      send_back: { count: 0 },
    })
    assert.deepEqual(flow.stages.draft, {
      // 3600, 7200, 21600, 86400 s: the nearest-rank median is 7200 s.
      medianSeconds: 7200,
      current: 1,
      overdue: 0,
      listUrl: '/processes?workflow=doc-review&stage=draft&status=active',
    })
    assert.include(flow.stages.review, { medianSeconds: 7200, current: 2, overdue: 1 })
    assert.include(flow.stages.approved, { medianSeconds: null, current: 0, overdue: 0 })

    // Seven days leave out P5's submit of 20 days ago.
    const week = await client
      .get('/workflows/doc-review')
      .qs({ days: 7 })
      .loginAs(member)
      .withInertia()
    const weekly = (week.inertiaProps as any).flow
    assert.equal((week.inertiaProps as any).flowDays, 7)
    assert.equal(weekly.transitions.submit.count, 3)
    assert.equal(weekly.stages.draft.medianSeconds, 7200)
    assert.equal(weekly.stages.review.current, 2)

    // The list link lands on the filtered list.
    const list = await client.get(flow.stages.review.listUrl).loginAs(member).withInertia()
    list.assertStatus(200)

    // Another period is refused (back to the page with the validation error), never a 500.
    const bad = await client
      .get('/workflows/doc-review')
      .qs({ days: 12 })
      .loginAs(member)
      .redirects(0)
    assert.equal(bad.status(), 302)
  })

  test('a constant number of queries, then cached', async ({ assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow, version } = await publishWorkflow(reviewDefinition(), manager)
    await seed(version, manager)
    const load = (days: 7 | 30 | 90) =>
      countQueries(() => new LoadFlowOverlay().handle({ workflowKey: workflow.key, version, days }))
    const small = await load(7)
    // Three statements, and the stage_visits checkpoint (the medians read the projection when there is one).
    assert.equal(small.count, 4, small.queries.join('\n'))
    await seed(version, manager, 3)
    const large = await load(90)
    assert.equal(large.count, small.count, large.queries.join('\n'))
    assert.equal(large.result.transitions.submit!.count, 4 * 4)
    const again = await load(90)
    assert.equal(again.count, 0)
    assert.deepEqual(again.result, large.result)
  })

  test('signed-in users see it; guests are sent to sign in; unpublished: none', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const guest = await client.get('/workflows/doc-review').redirects(0)
    assert.equal(guest.status(), 302)
    assert.match(guest.header('location') ?? '', /login/)

    await client
      .post('/api/v1/workflows')
      .json(reviewDefinition({ key: 'drafty', name: 'Drafty' }))
      .withGuard('api')
      .loginAs(manager)
    const draft = await client.get('/workflows/drafty').loginAs(manager).withInertia()
    draft.assertStatus(200)
    assert.isNull((draft.inertiaProps as any).flow)
  })
})
