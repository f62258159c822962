import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import type { HttpAction, WorkflowDefinition } from '#engine/definition'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { seriousViolations } from '#tests/helpers/axe'
import { signIn } from '#tests/helpers/process_fixtures'

const refunds = (): WorkflowDefinition => ({
  key: 'refunds',
  name: 'Refunds',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
    },
    { key: 'paid', name: 'Paid', type: 'end', outcome: 'completed' },
    { key: 'failed', name: 'Failed', type: 'end', outcome: 'failed' },
  ],
  transitions: [
    { key: 'pay', from: 'request', to: 'paid', label: 'Pay' },
    { key: 'give_up', from: 'request', to: 'failed', label: 'Give up' },
  ],
})

test.group('Browser / workflow designer: automated steps', (group) => {
  freshDatabase(group)

  test('an http step with a compensation, added in the form, is published', async ({
    visit,
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(refunds(), manager)
    const page = await signIn(visit, manager)
    await page.goto('/workflows/refunds/edit')

    const stage = page.getByRole('region', { name: /Request/ })
    await stage.getByLabel('New step type').selectOption('http')
    await stage.getByRole('button', { name: 'Add step to “Request”' }).click()
    const step = stage.getByRole('group', { name: /^Step 1:/ })
    await page.assertExists(step.getByLabel('Step key'))
    assert.equal(await step.getByLabel('Step key').inputValue(), 'http_1')
    await step.getByLabel('Step key').fill('reserve')
    await step
      .getByLabel('URL')
      .first()
      .fill('https://pay.example.com/reserve/{{process.reference}}')
    // The variables are listed next to the URL.
    await page.assertTextContains(step.locator('[id$="-url-hint"]').first(), '{{data.amount}}')

    // The body is checked as JSON while typing.
    const body = step.getByLabel('Body (JSON)').first()
    await body.fill('{"amount": ')
    await page.assertTextContains(step.locator('[id$="-body-problems"]').first(), 'Not valid JSON')
    await body.fill('{"amount": "{{data.amount}}"}')
    await page.assertNotExists(step.locator('[id$="-body-problems"]'))
    await step.getByLabel('Attempts').first().fill('3')
    await step.getByLabel('Deadline').fill('5m')
    await step.getByLabel('On failure, take').selectOption('give_up')

    await step.getByRole('button', { name: 'Add compensation' }).click()
    const compensation = step.getByRole('group', { name: 'Compensation' })
    await compensation.getByLabel('Method').selectOption('DELETE')
    await compensation
      .getByLabel('URL')
      .fill('https://pay.example.com/reserve/{{steps.reserve.id}}')

    await page.assertTextContains('.wf-problem-summary h2', 'No problems')
    assert.deepEqual(await seriousViolations(page), [])

    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.assertTextContains('.toasts', 'Draft version 2 saved.')
    await page.getByRole('button', { name: 'Publish…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click()
    await page.assertTextContains('.wf-published', 'Version 2 of “Refunds” is published.')

    const version = await client
      .get('/api/v1/workflows/refunds/versions/2')
      .withGuard('api')
      .loginAs(manager)
    version.assertStatus(200)
    const actions = version.body().data.definition.stages[0].actions as HttpAction[]
    assert.deepEqual(actions, [
      {
        key: 'reserve',
        type: 'http',
        method: 'POST',
        url: 'https://pay.example.com/reserve/{{process.reference}}',
        body: { amount: '{{data.amount}}' },
        attempts: 3,
        deadline: '5m',
        onFailure: 'give_up',
        compensation: {
          method: 'DELETE',
          url: 'https://pay.example.com/reserve/{{steps.reserve.id}}',
        },
      },
    ])
  })
})
