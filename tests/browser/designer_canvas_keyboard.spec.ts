import { test } from '@japa/runner'
import type { Locator, Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { seriousViolations } from '#tests/helpers/axe'
import { signIn, startProcesses } from '#tests/helpers/process_fixtures'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

const node = (canvas: Locator, key: string) =>
  canvas.locator(`.react-flow__node:has(.wf-node[data-stage="${key}"])`)

/** The React Flow id of the focused stage or transition (`s0`, `t1`), if any. */
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-id]')?.getAttribute('data-id'))

async function press(page: Page, target: Locator, ...keys: string[]) {
  await target.focus()
  for (const key of keys) await page.keyboard.press(key)
}

test.group('Browser / the canvas from the keyboard', (group) => {
  freshDatabase(group)

  test('a workflow built, connected, undone and published with the keyboard only', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const page = await signIn(visit, manager)
    await page.goto('/workflows/new')
    await press(page, page.getByRole('button', { name: 'Canvas', exact: true }), 'Enter')
    await page.getByLabel('Name', { exact: true }).focus()
    await page.keyboard.type('Leave request')
    const canvas = page.locator('.wf-canvas-panel')
    await canvas.locator('.wf-canvas[data-ready="true"]').waitFor()

    // A stage from the palette: its name field gets the focus.
    await press(page, canvas.getByRole('button', { name: 'Add a task stage' }), 'Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Approve')
    await node(canvas, 'approve').waitFor()

    // The stages have names for assistive technology.
    assert.equal(
      await node(canvas, 'approve').getAttribute('aria-label'),
      'Task stage Approve, 2 problems'
    )

    // The starter's transition goes: focus it, Delete.
    const finish = canvas.locator('.react-flow__edge[data-id="t0"]')
    assert.equal(await finish.getAttribute('aria-label'), 'Transition Finish, from Start to Done')
    await press(page, finish, 'Delete')
    await finish.waitFor({ state: 'detached' })

    // C on a stage: "Connect to…" lists the other stages; Enter on the first (Approve).
    await press(page, node(canvas, 'start'), 'c')
    const connect = page.getByRole('dialog', { name: 'Connect “Start” to…' })
    await connect.waitFor()
    await page.keyboard.press('Enter')
    await connect.waitFor({ state: 'hidden' })
    await canvas
      .locator('.react-flow__edge[aria-label$="from Start to Approve"]')
      .waitFor({ state: 'attached' })

    // Arrow keys move the focus between stages; Enter opens the stage in the side panel.
    await canvas.locator('.wf-canvas[data-ready="true"]').waitFor()
    await press(page, node(canvas, 'start'), 'ArrowRight')
    assert.equal(await focusedId(page), 's1')
    await page.keyboard.press('ArrowLeft')
    assert.equal(await focusedId(page), 's0')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-name'))
    assert.equal(
      await page.evaluate(() => (document.activeElement as HTMLInputElement).value),
      'Approve'
    )

    // Connect Approve to Done from the toolbar: Tab to it from the stage's name field? No —
    // the C key on the focused stage again; Done is the second choice.
    await press(page, node(canvas, 'approve'), 'c')
    await page.getByRole('dialog', { name: 'Connect “Approve” to…' }).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await canvas
      .locator('.react-flow__edge[aria-label$="from Approve to Done"]')
      .waitFor({ state: 'attached' })
    await page.assertNotExists(canvas.locator('.wf-node.has-problem'))

    // Delete on a stage asks first; Ctrl+Z brings the stage back with its transitions.
    await press(page, node(canvas, 'approve'), 'Delete')
    const confirm = page.getByRole('dialog', { name: 'Delete the stage “Approve”?' })
    await page.assertTextContains(confirm, 'These 2 transitions go with it')
    // Enter once the open dialog has moved focus to its first button (its text is in the page a
    // moment before: CI once pressed Enter on the stage itself).
    await page.waitForFunction(
      () =>
        document.activeElement?.closest('dialog[open]') &&
        document.activeElement.tagName === 'BUTTON'
    )
    await page.keyboard.press('Enter')
    await node(canvas, 'approve').waitFor({ state: 'detached' })
    assert.equal(await canvas.locator('.react-flow__edge').count(), 0)
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await node(canvas, 'approve').waitFor()
    // Its two transitions are back too (drawn once the stages are measured).
    await page.waitForFunction(
      () => document.querySelectorAll('.wf-canvas-panel .react-flow__edge').length === 2
    )
    await page.keyboard.press('Control+Shift+z')
    await node(canvas, 'approve').waitFor({ state: 'detached' })
    await press(page, canvas.getByRole('button', { name: 'Undo' }), 'Enter')
    await node(canvas, 'approve').waitFor()

    assert.deepEqual(await seriousViolations(page), [])

    await press(page, page.getByRole('button', { name: 'Save draft' }), 'Enter')
    await page.waitForURL('**/workflows/leave-request/edit')
    await press(page, page.getByRole('button', { name: 'Publish…' }), 'Enter')
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('Version 1 published').first().waitFor()

    const workflow = await Workflow.findByOrFail('key', 'leave-request')
    const version = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('status', 'published')
      .firstOrFail()
    assert.deepEqual(
      version.definition.transitions.map((t) => `${t.from}>${t.to}`),
      ['start>approve', 'approve>done']
    )
  }).timeout(240_000)

  test('deleting a stage names the processes in it on the published version; cancel keeps it', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    await startProcesses(2, manager, { workflow: 'doc-review' })
    const page = await signIn(visit, manager)
    await page.goto('/workflows/doc-review/edit')
    await page.getByRole('button', { name: 'Canvas', exact: true }).click()
    const canvas = page.locator('.wf-canvas-panel')
    await node(canvas, 'draft').click()
    await canvas.getByRole('button', { name: 'Delete selected' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete the stage “Draft”?' })
    await page.assertTextContains(
      dialog.getByTestId('delete-active'),
      '2 processes are in this stage on the published version 1'
    )
    await page.assertTextContains(dialog, 'Submit (draft → review)')
    await page.assertTextContains(dialog, 'Send back (review → draft)')
    assert.deepEqual(await seriousViolations(page), [])
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.assertExists(node(canvas, 'draft'))
  }).timeout(180_000)
})
