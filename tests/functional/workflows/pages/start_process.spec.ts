import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

test.group('Workflow pages / start a process', (group) => {
  freshDatabase(group)

  test('a member starts a process and lands on its page', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(reviewDefinition(), manager)

    const response = await client
      .post('/workflows/doc-review/processes')
      .form({ title: 'Contract for ACME', priority: 'high' })
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const process = await Process.firstOrFail()
    assert.equal(process.title, 'Contract for ACME')
    assert.equal(process.priority, 'high')
    assert.equal(process.stageKey, 'draft')
    assert.equal(process.creatorId, member.id)
    response.assertHeader('location', `/processes/${process.id}`)
    response.assertFlashMessage('success', `Process ${process.reference} started.`)
  })

  test('a title is required', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const response = await client
      .post('/workflows/doc-review/processes')
      .form({ title: '  ' })
      .header('referer', '/workflows/doc-review')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/doc-review')
    assert.property(response.flashMessages().inputErrorsBag, 'title')
    assert.lengthOf(await Process.all(), 0)
  })

  test('a workflow that is not published yet cannot start processes', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await new SaveWorkflowDraft().handle({ document: reviewDefinition(), actor: manager })
    const response = await client
      .post('/workflows/doc-review/processes')
      .form({ title: 'Too early' })
      .header('referer', '/workflows/doc-review')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/doc-review')
    assert.include(response.flashMessages().error, 'has no published version yet')
    assert.lengthOf(await Process.all(), 0)
  })
})
