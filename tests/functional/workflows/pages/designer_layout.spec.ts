import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses, move } from '#tests/helpers/process_fixtures'
import { countQueries, reviewDefinition } from '#tests/helpers/workflow_fixtures'

test.group('Workflow pages / designer canvas layout and stage counts', (group) => {
  freshDatabase(group)

  test('positions are saved beside the draft, never in the definition or its export', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    const before = await client
      .get('/workflows/doc-review/versions/1/export')
      .qs({ format: 'json' })
      .loginAs(manager)

    const layout = {
      draft: { x: 10.4, y: 20 },
      review: { x: 300, y: -40.6 },
      // A stage the definition does not have is dropped.
      ghost: { x: 1, y: 1 },
    }
    const saved = await client
      .put('/workflows/doc-review/draft')
      .json({ definition: reviewDefinition(), layout })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)

    const draft = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('status', 'draft')
      .firstOrFail()
    assert.deepEqual(draft.layout, { draft: { x: 10, y: 20 }, review: { x: 300, y: -41 } })
    assert.deepEqual(draft.definition, reviewDefinition())

    const edit = await client.get('/workflows/doc-review/edit').loginAs(manager).withInertia()
    assert.deepEqual((edit.inertiaProps as any).version.layout, draft.layout)

    // The draft's export is byte-identical to the published one with the same content.
    await client.post('/workflows/doc-review/publish').loginAs(manager).withCsrfToken()
    const after = await client
      .get('/workflows/doc-review/versions/2/export')
      .qs({ format: 'json' })
      .loginAs(manager)
    assert.equal(after.text(), before.text())
    assert.notInclude(after.text(), 'layout')

    // The next draft starts from the published positions; moving a stage there
    // leaves the published version as it was.
    await client
      .put('/workflows/doc-review/draft')
      .json({ definition: reviewDefinition(), layout: { draft: { x: 0, y: 0 } } })
      .loginAs(manager)
      .withCsrfToken()
    const published = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('number', 2)
      .firstOrFail()
    assert.equal(published.status, 'published')
    assert.deepEqual(published.layout, draft.layout)
    const next = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('number', 3)
      .firstOrFail()
    assert.deepEqual(next.layout, { draft: { x: 0, y: 0 } })
  })

  test('a draft saved without positions keeps the ones it had; null clears them', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    const put = (body: object) =>
      client.put('/workflows/doc-review/draft').json(body).loginAs(manager).withCsrfToken()
    await put({ definition: reviewDefinition(), layout: { review: { x: 5, y: 6 } } })
    await put({ definition: reviewDefinition({ name: 'Renamed' }) })
    const draft = () =>
      WorkflowVersion.query()
        .where('workflow_id', workflow.id)
        .where('status', 'draft')
        .firstOrFail()
    const kept = await draft()
    assert.deepEqual(kept.layout, { review: { x: 5, y: 6 } })
    await put({ definition: reviewDefinition(), layout: null })
    const cleared = await draft()
    assert.isNull(cleared.layout)
  })

  test('positions that are not numbers are a validation error', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .put('/workflows/doc-review/draft')
      .json({ definition: reviewDefinition(), layout: { review: { x: 'left', y: 1 } } })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.lengthOf(await WorkflowVersion.query().where('status', 'draft'), 0)
  })

  test('the designer knows how many active processes sit in each published stage, in one query', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const processes = await startProcesses(3, manager, { workflow: 'doc-review' })
    await move(processes[0]!, 'submit', manager, { data: { title: 'A' } })

    const open = () => client.get('/workflows/doc-review/edit').loginAs(manager).withInertia()
    const edit = await open()
    assert.deepEqual((edit.inertiaProps as any).publishedVersion, {
      number: 1,
      activeByStage: { draft: 2, review: 1 },
    })

    // The counts cost one query, however many stages and processes.
    const baseline = await countQueries(open)
    await startProcesses(4, manager, { workflow: 'doc-review' })
    assert.equal(await countQueries(open), baseline)

    const created = await client.get('/workflows/new').loginAs(manager).withInertia()
    assert.isNull((created.inertiaProps as any).publishedVersion)
  })
})
