import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

/** The review workflow with one stage nobody can leave toward an end. */
function withStuckStage() {
  const definition = reviewDefinition()
  return {
    ...definition,
    stages: [...definition.stages, { key: 'limbo', name: 'Limbo', type: 'task' as const }],
    transitions: [...definition.transitions, { key: 'park', from: 'review', to: 'limbo' }],
  }
}

test.group('Workflow pages / designer', (group) => {
  freshDatabase(group)

  test('members get 403 on every design route', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(reviewDefinition(), manager)

    const pages = [client.get('/workflows/new'), client.get('/workflows/doc-review/edit')]
    for (const request of pages) {
      const response = await request.loginAs(member).withInertia()
      response.assertStatus(403)
      response.assertInertiaComponent('errors/forbidden')
    }

    const writes = [
      client.post('/workflows').json({ definition: reviewDefinition({ key: 'other' }) }),
      client.put('/workflows/doc-review/draft').json({ definition: reviewDefinition() }),
      client.post('/workflows/doc-review/publish'),
      client
        .post('/workflows/import')
        .file('file', Buffer.from(JSON.stringify(reviewDefinition({ key: 'x' }))), {
          filename: 'x.json',
        }),
    ]
    for (const request of writes) {
      const response = await request.loginAs(member).withCsrfToken()
      response.assertStatus(403)
    }
    assert.lengthOf(await Workflow.all(), 1)
    assert.lengthOf(await WorkflowVersion.all(), 1)
  })

  test('the designer opens empty for a new workflow and on the draft for an existing one', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const created = await client.get('/workflows/new').loginAs(manager).withInertia()
    created.assertInertiaComponent('workflows/designer')
    created.assertInertiaPropsContains({ workflow: null, version: null, justPublished: null })

    await publishWorkflow(reviewDefinition(), manager)
    const edit = await client.get('/workflows/doc-review/edit').loginAs(manager).withInertia()
    const props = edit.inertiaProps as any
    assert.equal(props.workflow.key, 'doc-review')
    assert.equal(props.version.number, 1)
    assert.equal(props.version.status, 'published')
    assert.deepEqual(props.version.definition, reviewDefinition())
  })

  test('a manager creates a workflow: the draft is saved and the designer reopens on it', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/workflows')
      .json({ definition: reviewDefinition() })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/workflows/doc-review/edit')
    response.assertFlashMessage('success', 'Draft version 1 saved.')

    const workflow = await Workflow.findByOrFail('key', 'doc-review')
    const version = await WorkflowVersion.findByOrFail('workflow_id', workflow.id)
    assert.equal(version.status, 'draft')
    assert.deepEqual(version.definition, reviewDefinition())
  })

  test('a refused definition goes back with every problem under its JSON path and saves nothing', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/workflows')
      .json({ definition: withStuckStage() })
      .header('referer', '/workflows/new')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/workflows/new')
    response.assertFlashMessage('error', 'The workflow definition has 1 problem.')
    const problems = response.flashMessages().errorsBag as Record<string, string[]>
    assert.deepEqual(Object.keys(problems), ['$.stages[4]'])
    assert.include(problems['$.stages[4]']![0], 'Stage "limbo"')
    assert.lengthOf(await Workflow.all(), 0)

    // The page the user lands on gets them as a prop, path by path.
    const page = await client
      .get('/workflows/new')
      .withFlashMessages({ errorsBag: problems })
      .loginAs(manager)
      .withInertia()
    assert.deepEqual(Object.keys((page.inertiaProps as any).serverProblems), ['$.stages[4]'])
  })

  test('saving the draft of an existing workflow, then publishing it', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)

    const renamed = reviewDefinition({ name: 'Document review, second edition' })
    const saved = await client
      .put('/workflows/doc-review/draft')
      .json({ definition: renamed })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    saved.assertHeader('location', '/workflows/doc-review/edit')
    saved.assertFlashMessage('success', 'Draft version 2 saved.')

    const edit = await client.get('/workflows/doc-review/edit').loginAs(manager).withInertia()
    assert.equal((edit.inertiaProps as any).version.number, 2)
    assert.equal((edit.inertiaProps as any).version.status, 'draft')

    const published = await client
      .post('/workflows/doc-review/publish')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    published.assertHeader('location', '/workflows/doc-review/edit')
    published.assertFlashMessage('success', 'Version 2 published.')
    published.assertFlashMessage('published', 2)

    const versions = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .orderBy('number')
    assert.deepEqual(
      versions.map((v) => v.status),
      ['archived', 'published']
    )

    // Right after publishing the designer offers to start a process.
    const after = await client
      .get('/workflows/doc-review/edit')
      .withFlashMessages({ published: 2 })
      .loginAs(manager)
      .withInertia()
    after.assertInertiaPropsContains({ justPublished: 2 })
  })

  test('the key of an existing workflow cannot change through its draft', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .put('/workflows/doc-review/draft')
      .json({ definition: reviewDefinition({ key: 'renamed' }) })
      .header('referer', '/workflows/doc-review/edit')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/doc-review/edit')
    assert.include(Object.keys(response.flashMessages().errorsBag), '$.key')
    assert.lengthOf(await WorkflowVersion.all(), 1)
  })

  test('a key already used by another workflow comes back on $.key', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .post('/workflows')
      .json({ definition: reviewDefinition() })
      .header('referer', '/workflows/new')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/new')
    assert.deepEqual(Object.keys(response.flashMessages().errorsBag), ['$.key'])
  })

  test('publishing without a draft says so and changes nothing', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .post('/workflows/doc-review/publish')
      .header('referer', '/workflows/doc-review/edit')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/doc-review/edit')
    response.assertFlashMessage('error', 'There is no draft to publish; edit the workflow first.')
    const versions = await WorkflowVersion.all()
    assert.deepEqual(
      versions.map((v) => v.status),
      ['published']
    )
  })

  test('a post without the definition envelope is a validation error', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/workflows')
      .json({ key: 'nope' })
      .header('referer', '/workflows/new')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.property(response.flashMessages().inputErrorsBag, 'definition')
    assert.lengthOf(await Workflow.all(), 0)
  })
})
