import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import type User from '#models/user'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

async function signInAs(visit: TestContext['visit'], user: User) {
  const page = await visit('/login')
  await page.getByLabel('E-mail').fill(user.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}

test.group('Browser / workflow designer', (group) => {
  freshDatabase(group)

  test('design a workflow, fix what the verifier finds, publish it and start a process', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const page = await signInAs(visit, manager)

    await page.goto('/workflows')
    await page.getByRole('link', { name: 'New workflow' }).click()
    await page.waitForURL((url) => url.pathname === '/workflows/new')

    // The key follows the name while it is a new workflow.
    await page.getByLabel('Name', { exact: true }).fill('Expense claim')
    assert.equal(await page.getByLabel('Key', { exact: true }).inputValue(), 'expense-claim')

    // A new stage goes before the end stage and gets focus.
    await page.getByRole('button', { name: 'Add stage' }).click()
    const stageName = page.locator(':focus')
    await stageName.fill('Review')
    const review = page.getByRole('region', { name: /Review/ })
    assert.equal(await review.getByLabel('Stage key').inputValue(), 'review')

    // A transition from the start into the review stage; nothing leaves it yet.
    await page.getByRole('button', { name: 'Add transition' }).click()
    await page.locator(':focus').fill('Submit')
    const submit = page.getByRole('region', { name: /Submit/ })
    await submit.getByLabel('From stage').selectOption('start')
    await submit.getByLabel('To stage').selectOption('review')

    const stuck = 'No transition leaves this stage and it is not an end stage'
    await page.assertTextContains(review, stuck)
    const summary = page.getByRole('region', { name: '1 problem', exact: true })
    await page.assertTextContains(summary, stuck)
    // The diagram marks the stage too.
    await page.assertExists(page.locator('.wf-node.has-problem[data-stage="review"]'))

    // The summary's link takes the keyboard to the stage.
    await summary.getByRole('link', { name: /Review/ }).click()
    assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /-heading$/)
    await page.assertTextContains(':focus', 'Review')

    // Fix it: a transition from the review to the end stage.
    await page.getByRole('button', { name: 'Add transition' }).click()
    await page.locator(':focus').fill('Approve')
    const approve = page.getByRole('region', { name: /Approve/ })
    await approve.getByLabel('From stage').selectOption('review')
    await approve.getByLabel('To stage').selectOption('done')
    await page.assertTextContains('.wf-problem-summary h2', 'No problems')
    await page.assertNotExists(page.locator('.wf-node.has-problem'))

    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL((url) => url.pathname === '/workflows/expense-claim/edit')
    await page.assertTextContains('.toasts', 'Draft version 1 saved.')
    await page.assertTextContains('.wf-save-state', 'All changes saved')

    const workflow = await Workflow.findByOrFail('key', 'expense-claim')
    const draft = await WorkflowVersion.findByOrFail('workflow_id', workflow.id)
    assert.deepEqual(
      draft.definition.stages.map((s) => s.key),
      ['start', 'review', 'done']
    )
    assert.deepEqual(
      draft.definition.transitions.map((t) => `${t.from}>${t.to}`),
      ['start>done', 'start>review', 'review>done']
    )

    // Publishing asks first.
    await page.getByRole('button', { name: 'Publish…' }).click()
    const confirm = page.getByRole('dialog')
    await page.assertTextContains(confirm, 'Publish version 1 of “Expense claim”?')
    await confirm.getByRole('button', { name: 'Publish' }).click()
    await page.assertTextContains('.wf-published', 'Version 1 of “Expense claim” is published.')

    // …and offers to start a process right away.
    await page
      .locator('.wf-published')
      .getByRole('button', { name: /Start a process/ })
      .click()
    const start = page.getByRole('dialog', { name: /Start a process/ })
    await start.getByLabel('Title').fill('Taxi to the airport')
    await start.getByRole('button', { name: 'Start process' }).click()
    // (Polls the location: the process page may load modules Vite has not optimised yet.)
    await page.waitForFunction(() => /^\/processes\/\d+$/.test(window.location.pathname))

    const process = await Process.firstOrFail()
    assert.equal(process.title, 'Taxi to the airport')
    assert.equal(process.stageKey, 'start')
    assert.equal(process.workflowId, workflow.id)
  })

  test('the designer keeps what was typed when the server refuses it', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const page = await signInAs(visit, manager)
    await page.goto('/workflows/new')

    await page.getByLabel('Name', { exact: true }).fill('Taken key')
    await page.getByLabel('Key', { exact: true }).fill('taken')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL((url) => url.pathname === '/workflows/taken/edit')

    // A second workflow with the same key: the server says no, on the key.
    await page.goto('/workflows/new')
    await page.getByLabel('Name', { exact: true }).fill('Another one')
    await page.getByLabel('Key', { exact: true }).fill('taken')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.assertTextContains('.toasts', 'already exists')
    await page.assertTextContains('#wf-key-problems', 'already used by another workflow')
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Another one')
    await page.assertPath('/workflows/new')

    // Editing the key again clears the server's complaint.
    await page.getByLabel('Key', { exact: true }).fill('not-taken')
    await page.assertNotExists(page.locator('#wf-key-problems'))
  })

  test('stages move with the keyboard, and leaving with unsaved changes asks first', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    const page = await signInAs(visit, manager)
    await page.goto('/workflows/doc-review/edit')

    const moveUp = page.getByRole('button', { name: 'Move stage “Review” up' })
    await moveUp.focus()
    await page.keyboard.press('Enter')
    const headings = page.locator('[data-stage-row] h3')
    assert.match((await headings.first().textContent()) ?? '', /Review/)
    // It is first now, so "up" is disabled: focus moved to its "down" button.
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Move stage “Review” down'
    )
    await page.assertTextContains('#designer-announcer', 'moved to position 1 of 4')
    await page.assertTextContains('.wf-save-state', 'Unsaved changes')

    // Leaving through the navigation asks; saying no keeps the page and the change.
    let asked = 0
    page.once('dialog', (dialog) => {
      asked++
      void dialog.dismiss()
    })
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Workflows' })
      .click()
    await page.waitForTimeout(300)
    assert.equal(asked, 1)
    await page.assertPath('/workflows/doc-review/edit')
    assert.match((await headings.first().textContent()) ?? '', /Review/)
  })
})
