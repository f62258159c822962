import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries, reviewDefinition } from '#tests/helpers/workflow_fixtures'

test.group('Workflow pages / list', (group) => {
  freshDatabase(group)

  test('lists workflows with versions and process counts', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    for (const title of ['One', 'Two', 'Three']) {
      await new StartProcess().handle({ workflowKey: 'doc-review', title, actor: manager })
    }
    // A second workflow that only has a draft.
    await new SaveWorkflowDraft().handle({
      document: reviewDefinition({ key: 'drafty', name: 'A drafty one' }),
      actor: manager,
    })

    const response = await client.get('/workflows').loginAs(manager).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('workflows/index')
    const { workflows, canDesign } = response.inertiaProps as any
    assert.isTrue(canDesign)
    assert.deepEqual(
      workflows.map((w: any) => [w.key, w.publishedVersion, w.draftVersion]),
      [
        ['drafty', null, 1],
        ['doc-review', 1, null],
      ]
    )
    assert.deepEqual(workflows[1].counts, { active: 3, total: 3 })
    assert.notProperty(workflows[0], 'definition')
  })

  test('the number of queries does not grow with the number of workflows', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const visit = () => client.get('/workflows').loginAs(manager).withInertia()
    // Each count after a warm-up visit, as on a running server: the user, teams and access
    // rules are then read from memory (#support/access/access_epoch).
    await visit()
    const one = await countQueries(visit)
    assert.equal(one, 2) // the workflows with their counts, their versions (was 4 before the access epoch)

    for (const key of ['second', 'third', 'fourth']) {
      await publishWorkflow(reviewDefinition({ key, name: key }), manager)
      await new StartProcess().handle({ workflowKey: key, title: 'p', actor: manager })
    }
    await visit()
    const four = await countQueries(visit)
    assert.equal(four, one)
  })

  test('members see the list but not the design actions', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(reviewDefinition(), manager)

    const response = await client.get('/workflows').loginAs(member).withInertia()
    response.assertStatus(200)
    const props = response.inertiaProps as any
    assert.isFalse(props.canDesign)
    assert.lengthOf(props.workflows, 1)
  })

  test('an empty list renders the page with no workflows', async ({ client, assert }) => {
    const member = await UserFactory.create()
    const response = await client.get('/workflows').loginAs(member).withInertia()
    response.assertInertiaComponent('workflows/index')
    assert.deepEqual((response.inertiaProps as any).workflows, [])
  })

  test('guests are sent to the login page', async ({ client }) => {
    const response = await client.get('/workflows').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
