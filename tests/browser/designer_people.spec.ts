import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import { UserFactory } from '#database/factories/user_factory'
import Calendar from '#models/calendar'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import type User from '#models/user'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { teamWith } from '#tests/helpers/team_fixtures'
import { seriousViolations } from '#tests/helpers/axe'

async function signInAs(visit: TestContext['visit'], user: User) {
  const page = await visit('/login')
  await page.getByLabel('E-mail').fill(user.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}

type Page = Awaited<ReturnType<typeof signInAs>>

/** Saves the draft, publishes it, and returns the published definition. */
async function saveAndPublish(page: Page, key: string) {
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.assertTextContains('.toasts', 'Draft version 2 saved.')
  await page.assertTextContains('.wf-save-state', 'All changes saved')
  await page.getByRole('button', { name: 'Publish…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click()
  await page.assertTextContains('.wf-published', 'Version 2 of')
  const workflow = await Workflow.findByOrFail('key', key)
  const version = await WorkflowVersion.query()
    .where('workflow_id', workflow.id)
    .where('status', 'published')
    .firstOrFail()
  return version.definition
}

test.group('Browser / designer: teams, approvals, SLA clock and list columns', (group) => {
  freshDatabase(group)

  test('a team assignee, an approval and a paused SLA clock reach the published definition', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await teamWith('finance', [manager], 'Finance')
    await teamWith('hr', [], 'HR')
    await publishWorkflow(reviewDefinition(), manager)

    const page = await signInAs(visit, manager)
    await page.goto('/workflows/doc-review/edit')
    const draft = page.locator('[data-stage-row="0"]')
    const review = page.locator('[data-stage-row="1"]')

    // A decision stage has no SLA, SLA clock, assignee or approvals to set.
    await review.getByLabel('Type', { exact: true }).selectOption('decision')
    for (const label of ['SLA', 'SLA clock', 'Assign to team', 'Assign to role']) {
      await page.assertNotExists(review.getByLabel(label, { exact: true }))
    }
    await page.assertNotExists(review.getByRole('heading', { name: 'Approvals' }))
    await review.getByLabel('Type', { exact: true }).selectOption('task')

    // The team comes from a list of the existing teams; a strategy assigns directly.
    const team = review.getByLabel('Assign to team')
    await page.assertExists(team.locator('option', { hasText: 'Finance (finance)' }))
    await team.selectOption('finance')
    await review.getByLabel('How the team picks').selectOption('least_busy')
    await review.getByLabel('SLA', { exact: true }).fill('2 working days')

    // Approvals: the team is proposed, the transitions are those leaving the stage.
    await review.getByRole('button', { name: 'Require approvals in “Review”' }).click()
    assert.equal(await review.getByLabel('Who approves').inputValue(), 'team')
    assert.equal(await review.getByLabel('Approving team').inputValue(), 'finance')
    const approveChoices = await review
      .getByLabel('On approval, take')
      .locator('option')
      .allTextContents()
    assert.deepEqual(approveChoices, [
      'Choose…',
      'Send back (send_back)',
      'Approve (approve)',
      'Reject (reject)',
    ])
    await review.getByLabel('Approved when').selectOption('quorum')
    await review.getByLabel('Approvals needed').fill('0')
    // The verifier's word appears next to the input it is about.
    await page.assertExists(
      review.locator(
        '#' + (await review.getByLabel('Approved when').getAttribute('id')) + '-problems'
      )
    )
    await review.getByLabel('Approvals needed').fill('2')
    await review.getByLabel('On approval, take').selectOption('approve')
    await review.getByLabel('On rejection, take').selectOption('reject')
    await review.getByLabel('Rejected when').selectOption('majority')
    assert.isTrue(await review.getByLabel(/Four-eyes/).isChecked())

    // When the SLA is breached, the process goes to a member of the team.
    await review.getByRole('button', { name: 'Escalate “Review” when its SLA is breached' }).click()
    const escalation = review.locator('.wf-escalation')
    await escalation.getByLabel('Reassign to team').selectOption('finance')
    await escalation.getByLabel('How the team picks').selectOption('round_robin')

    // A stage that pauses the clock (keyboard: the select takes arrow keys too).
    await draft.getByLabel('SLA clock').selectOption('paused')

    // Transition teams are checkboxes of the existing teams.
    const approve = page.locator('.wf-transition').nth(2)
    await approve.getByRole('checkbox', { name: 'Finance (finance)' }).check()
    assert.deepEqual(await seriousViolations(page), [])

    await page.assertTextContains('.wf-problem-summary h2', 'No problems')
    const definition = await saveAndPublish(page, 'doc-review')

    assert.equal(definition.stages[0]!.slaClock, 'paused')
    assert.deepEqual(definition.stages[1]!.assignee, {
      role: 'manager',
      team: 'finance',
      strategy: 'least_busy',
    })
    assert.equal(definition.stages[1]!.sla, '2 working days')
    assert.deepEqual(definition.stages[1]!.approval, {
      from: { team: 'finance' },
      policy: { quorum: 2 },
      approve: 'approve',
      reject: 'reject',
      rejectPolicy: 'majority',
    })
    assert.deepEqual(definition.stages[1]!.escalation, {
      reassignTeam: 'finance',
      strategy: 'round_robin',
    })
    assert.deepEqual(definition.transitions[2]!.teams, ['finance'])

    // After the reload the editor shows what was published.
    await page.reload()
    assert.equal(
      await page.locator('[data-stage-row="1"]').getByLabel('Approvals needed').inputValue(),
      '2'
    )
  })

  test('a list field gets its columns, and a stage starts a child per row', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    await publishWorkflow(reviewDefinition({ key: 'shipment', name: 'Shipment' }), manager)
    const page = await signInAs(visit, manager)
    await page.goto('/workflows/doc-review/edit')
    const draft = page.locator('[data-stage-row="0"]')

    await draft.getByRole('button', { name: 'Add field to “Draft”' }).click()
    await page.locator(':focus').fill('Items')
    const items = page.getByRole('group', { name: 'Field “Items” of stage “Draft”' })
    await items.getByLabel('Field type').selectOption('list')
    // A list without columns is a problem, said next to the columns.
    await page.assertExists(items.locator('.wf-list-columns .wf-inline-problems'))

    await items.getByRole('button', { name: 'Add column to “Items”' }).click()
    const first = items.getByRole('group', { name: /^Column 1/ })
    await first.getByLabel('Column label').fill('SKU')
    await first.getByLabel('Required').check()
    await items.getByRole('button', { name: 'Add column to “Items”' }).click()
    const second = items.getByRole('group', { name: /^Column 2/ })
    await second.getByLabel('Column label').fill('Quantity')
    await second.getByLabel('Column type').selectOption('number')
    await second.getByLabel('Minimum', { exact: true }).fill('1')
    assert.equal(await second.getByLabel('Column key').inputValue(), 'quantity')
    // Lists do not nest.
    assert.notInclude(
      await second.getByLabel('Column type').locator('option').allTextContents(),
      'List (table)'
    )

    // The review stage starts one "Shipment" per item and collects them back.
    const review = page.locator('[data-stage-row="1"]')
    await review.getByRole('button', { name: 'Start child processes from “Review”' }).click()
    // Its own workflow is not offered: it would start itself without end.
    assert.notInclude(
      await review.getByLabel('Child workflow').locator('option').allTextContents(),
      'Document review (doc-review)'
    )
    await review.getByLabel('Child workflow').selectOption('shipment')
    await review.getByLabel('List to go through').fill('data.items')
    await review.getByLabel("Each child's title").fill('"Ship " + item.sku')
    await review.getByRole('button', { name: 'Add child field' }).click()
    await review.getByLabel('Child field 1', { exact: true }).fill('title')
    await review.getByLabel('Value of child field 1', { exact: true }).fill('item.sku')
    await review.getByLabel('Move on when').selectOption('quorum')
    await review.getByLabel('Children needed').fill('1')
    await review.getByLabel('Then take').selectOption('approve')
    await review.getByLabel('When children fail').selectOption('ignore')
    await review.getByLabel("Collect children's data into").selectOption('items')
    assert.deepEqual(await seriousViolations(page), [])

    await page.assertTextContains('.wf-problem-summary h2', 'No problems')
    const definition = await saveAndPublish(page, 'doc-review')
    assert.deepEqual(definition.stages[1]!.children, {
      workflow: 'shipment',
      forEach: 'data.items',
      title: '"Ship " + item.sku',
      data: { title: 'item.sku' },
      wait: { quorum: 1 },
      onComplete: 'approve',
      onChildFailure: 'ignore',
      collect: 'items',
    })
    const field = definition.stages[0]!.fields!.find((f) => f.key === 'items')!
    assert.equal(field.type, 'list')
    assert.deepEqual(field.fields, [
      { key: 'sku', label: 'SKU', type: 'text', required: true },
      { key: 'quantity', label: 'Quantity', type: 'number', rules: { min: 1 } },
    ])
  })

  test('the access panel picks teams and the calendar from lists', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await teamWith('finance', [], 'Finance')
    await Calendar.create({
      key: 'lisbon',
      name: 'Lisbon office',
      timeZone: 'Europe/Lisbon',
      hours: { mon: ['09:00-17:00'] },
      holidays: [],
      isDefault: false,
    })
    await publishWorkflow(reviewDefinition(), admin)
    const page = await signInAs(visit, admin)
    await page.goto('/workflows/doc-review/edit')

    const access = page.getByRole('region', { name: 'Access' })
    const see = access.getByRole('group', { name: 'See processes' })
    await see.getByLabel('Only these teams and roles').check()
    await see.getByRole('checkbox', { name: 'Finance (finance)' }).check()
    await access.getByLabel('Business calendar').selectOption('lisbon')
    await access.getByRole('button', { name: 'Save access' }).click()
    await page.assertTextContains(access, 'Access saved.')

    const workflow = await Workflow.findByOrFail('key', 'doc-review')
    assert.deepEqual(workflow.access?.see, [{ team: 'finance' }])
    assert.equal(workflow.calendarKey, 'lisbon')
  })
})
