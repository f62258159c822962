import { test } from '@japa/runner'
import { parse as parseYaml } from 'yaml'
import { UserFactory } from '#database/factories/user_factory'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import type { WorkflowDefinition } from '#engine/definition'
import { diffDefinitions } from '#transformers/workflow_diff_transformer'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

/** Version 2 of the review workflow, changed by hand in known ways. */
function reviewV2(): WorkflowDefinition {
  const v1 = reviewDefinition()
  return {
    ...v1,
    name: 'Document review (v2)',
    stages: [
      {
        ...v1.stages[0]!,
        fields: [{ key: 'title', label: 'Title', type: 'text' }],
      },
      {
        ...v1.stages[1]!,
        name: 'Peer review',
        sla: '3d',
        fields: [
          { key: 'verdict', label: 'Verdict', type: 'select', options: ['ok', 'not ok', 'unsure'] },
          { key: 'notes', label: 'Notes', type: 'text' },
        ],
      },
      { key: 'archived', name: 'Archived', type: 'end', outcome: 'cancelled' },
      v1.stages[2]!,
    ],
    transitions: [
      { key: 'submit', from: 'draft', to: 'review', label: 'Submit', requires: ['title'] },
      { key: 'approve', from: 'review', to: 'approved', label: 'Approve' },
      { key: 'reject', from: 'review', to: 'archived', label: 'Reject' },
      { key: 'withdraw', from: 'draft', to: 'archived', label: 'Withdraw' },
    ],
  }
}

const EXPECTED_V1_TO_V2 = {
  workflow: [{ property: 'name', before: 'Document review', after: 'Document review (v2)' }],
  stages: {
    added: [{ key: 'archived', name: 'Archived', type: 'end' }],
    removed: [{ key: 'rejected', name: 'Rejected', type: 'end' }],
    changed: [
      {
        key: 'review',
        name: 'Peer review',
        type: 'task',
        changes: [
          { property: 'name', before: 'Review', after: 'Peer review' },
          { property: 'sla', before: '2d', after: '3d' },
        ],
      },
    ],
  },
  transitions: {
    added: [{ key: 'withdraw', label: 'Withdraw', from: 'draft', to: 'archived' }],
    removed: [{ key: 'send_back', label: 'Send back', from: 'review', to: 'draft' }],
    changed: [
      {
        key: 'approve',
        label: 'Approve',
        from: 'review',
        to: 'approved',
        changes: [{ property: 'roles', before: ['manager'], after: null }],
      },
      {
        key: 'reject',
        label: 'Reject',
        from: 'review',
        to: 'archived',
        changes: [{ property: 'to', before: 'rejected', after: 'archived' }],
      },
    ],
  },
  fields: {
    added: [{ stage: 'review', key: 'notes', label: 'Notes', type: 'text' }],
    removed: [],
    changed: [
      {
        stage: 'draft',
        key: 'title',
        label: 'Title',
        type: 'text',
        changes: [{ property: 'required', before: true, after: false }],
      },
      {
        stage: 'review',
        key: 'verdict',
        label: 'Verdict',
        type: 'select',
        changes: [
          { property: 'options', before: ['ok', 'not ok'], after: ['ok', 'not ok', 'unsure'] },
        ],
      },
    ],
  },
  identical: false,
}

test.group('Workflow pages / workflow page', (group) => {
  freshDatabase(group)

  test('shows the published definition, the history and who published', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').merge({ name: 'Pat Publisher' }).create()
    const member = await UserFactory.create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    await new SaveWorkflowDraft().handle({ document: reviewV2(), actor: manager, workflow })

    const response = await client.get('/workflows/doc-review').loginAs(member).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('workflows/show')
    const props = response.inertiaProps as any
    assert.isFalse(props.canDesign)
    assert.equal(props.workflow.key, 'doc-review')
    // The diagram shows what processes run on: the published version, not the draft.
    assert.equal(props.preview.number, 1)
    assert.equal(props.preview.definition.name, 'Document review')
    assert.deepEqual(
      props.versions.map((v: any) => [v.number, v.status, v.publishedBy?.name ?? null]),
      [
        [2, 'draft', null],
        [1, 'published', 'Pat Publisher'],
      ]
    )
    // By default the newest version is compared with the one before.
    assert.deepEqual(props.comparison.from, { number: 1, status: 'published' })
    assert.deepEqual(props.comparison.to, { number: 2, status: 'draft' })
  })

  test('the comparison of two hand-made versions lists exactly what changed', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    await new SaveWorkflowDraft().handle({ document: reviewV2(), actor: manager, workflow })

    const response = await client
      .get('/workflows/doc-review')
      .qs({ from: 1, to: 2 })
      .loginAs(manager)
      .withInertia()
    const { comparison } = response.inertiaProps as any
    const { from, to, ...diff } = comparison
    assert.deepEqual(diff, EXPECTED_V1_TO_V2)

    // The other way round, additions and removals swap.
    const reverse = await client
      .get('/workflows/doc-review')
      .qs({ from: 2, to: 1 })
      .loginAs(manager)
      .withInertia()
    const back = (reverse.inertiaProps as any).comparison
    assert.deepEqual(back.stages.added, EXPECTED_V1_TO_V2.stages.removed)
    assert.deepEqual(back.transitions.removed, EXPECTED_V1_TO_V2.transitions.added)

    const same = await client
      .get('/workflows/doc-review')
      .qs({ from: 1, to: 1 })
      .loginAs(manager)
      .withInertia()
    assert.isTrue((same.inertiaProps as any).comparison.identical)
  })

  test('moving one stage is reported as one move, not as every stage moving', ({ assert }) => {
    const before = reviewDefinition()
    const [draft, review, approved, rejected] = before.stages
    const after = { ...before, stages: [draft!, review!, rejected!, approved!] }
    const diff = diffDefinitions(before, after)
    const moves = diff.stages.changed.filter((s) =>
      s.changes.some((c) => c.property === 'position')
    )
    assert.lengthOf(moves, 1)

    // Inserting a stage at the top moves nothing.
    const inserted = {
      ...before,
      stages: [{ key: 'intake', name: 'Intake', type: 'task' as const }, ...before.stages],
    }
    assert.deepEqual(diffDefinitions(before, inserted).stages.changed, [])
  })

  test('a workflow with only a draft shows the draft and nothing to compare', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await new SaveWorkflowDraft().handle({ document: reviewDefinition(), actor: manager })
    const response = await client.get('/workflows/doc-review').loginAs(manager).withInertia()
    const props = response.inertiaProps as any
    assert.equal(props.preview.status, 'draft')
    assert.isNull(props.comparison)
    assert.isTrue(props.canDesign)
  })

  test('an unknown workflow is a 404 page', async ({ client }) => {
    const member = await UserFactory.create()
    const response = await client.get('/workflows/nope').loginAs(member).withInertia()
    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
  })

  test('a version downloads as JSON and as YAML', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    await new SaveWorkflowDraft().handle({ document: reviewV2(), actor: manager, workflow })
    await new PublishWorkflow().handle({ workflow, actor: manager })

    const json = await client
      .get('/workflows/doc-review/versions/1/export')
      .qs({ format: 'json' })
      .loginAs(member)
    json.assertStatus(200)
    assert.include(json.header('content-type'), 'application/json')
    assert.include(json.header('content-disposition'), 'doc-review-v1.json')
    assert.deepEqual(JSON.parse(json.text()), reviewDefinition())

    const yaml = await client
      .get('/workflows/doc-review/versions/2/export')
      .qs({ format: 'yaml' })
      .loginAs(member)
    yaml.assertStatus(200)
    assert.include(yaml.header('content-type'), 'application/yaml')
    assert.include(yaml.header('content-disposition'), 'doc-review-v2.yaml')
    assert.deepEqual(parseYaml(yaml.text()), reviewV2())
  })

  test('exports need a known format and an existing version', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)

    const missing = await client
      .get('/workflows/doc-review/versions/9/export')
      .qs({ format: 'json' })
      .loginAs(manager)
    missing.assertStatus(404)

    const badFormat = await client
      .get('/workflows/doc-review/versions/1/export')
      .qs({ format: 'xml' })
      .header('referer', '/workflows/doc-review')
      .loginAs(manager)
      .redirects(0)
    badFormat.assertStatus(302)
  })

  test('exports need a session', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .get('/workflows/doc-review/versions/1/export')
      .qs({ format: 'json' })
      .redirects(0)
    response.assertStatus(302)
    assert.match(response.header('location')!, /^\/login\b/)
  })
})
