import { test } from '@japa/runner'
import type { Locator, Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase } from '#tests/helpers/common'
import { seriousViolations } from '#tests/helpers/axe'
import { signIn } from '#tests/helpers/process_fixtures'

const node = (canvas: Locator, key: string) =>
  canvas.locator(`.react-flow__node:has(.wf-node[data-stage="${key}"])`)

/** Drags from a stage's outgoing handle to another stage's incoming handle, with real pointer moves. */
async function dragConnect(page: Page, canvas: Locator, from: string, to: string) {
  await settled(page, canvas)
  const before = await canvas.locator('.react-flow__edge').count()
  const source = await node(canvas, from).locator('.react-flow__handle.source').boundingBox()
  const target = await node(canvas, to).locator('.react-flow__handle.target').boundingBox()
  if (!source || !target) throw new Error(`no handle on ${from} or ${to}`)
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x + target.width / 2 - 30, target.y + target.height / 2, {
    steps: 8,
  })
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 })
  await page.mouse.up()
  await page.waitForFunction(
    ([count]) => document.querySelectorAll('.wf-canvas-panel .react-flow__edge').length > count!,
    [before]
  )
}

/**
 * ELK has laid out the current stages, React Flow has drawn them (every
 * transition's edge included) and fitted them in view, and nothing moves any
 * more: the page's scroll (editing scrolls the side panel into view,
 * smoothly) and the canvas are where they were on the previous animation
 * frames. Pointer positions read after this hold until the next edit.
 */
async function settled(page: Page, canvas: Locator) {
  await canvas.locator('.wf-canvas[data-ready="true"]').waitFor()
  await page.waitForFunction(
    () => {
      const drawn = document.querySelector('.wf-canvas-panel .wf-canvas[data-ready="true"]')
      if (!drawn) return false
      const edges = drawn.querySelectorAll('.react-flow__edge').length
      if (edges !== Number(drawn.getAttribute('data-edges'))) return false
      const box = drawn.getBoundingClientRect()
      const viewport = drawn.querySelector<HTMLElement>('.react-flow__viewport')
      const now = JSON.stringify([window.scrollY, box.top, box.height, viewport?.style.transform])
      const memo = window as unknown as { canvasGeometry?: string; canvasStill?: number }
      memo.canvasStill = memo.canvasGeometry === now ? (memo.canvasStill ?? 0) + 1 : 0
      memo.canvasGeometry = now
      return memo.canvasStill >= 2
    },
    undefined,
    { polling: 'raf' }
  )
  // The canvas is on screen for the pointer (the viewport is tall enough; this only scrolls
  // when an edit left the page scrolled down to the side panel).
  await canvas.locator('.wf-canvas').scrollIntoViewIfNeeded()
}

/** Transitions of the canvas as `from>to`, read from the side panel's state via the edges' names. */
async function edgeNames(canvas: Locator) {
  return canvas
    .locator('.react-flow__edge')
    .evaluateAll((edges) => edges.map((edge) => edge.getAttribute('aria-label') ?? ''))
}

async function newCanvas(page: Page, name: string) {
  // Tall enough that the whole canvas is on screen for the pointer.
  await page.setViewportSize({ width: 1280, height: 1500 })
  await page.goto('/workflows/new')
  await page.getByRole('button', { name: 'Canvas', exact: true }).click()
  await page.getByLabel('Name', { exact: true }).fill(name)
  const canvas = page.locator('.wf-canvas-panel')
  await node(canvas, 'start').waitFor()
  return canvas
}

test.group('Browser / building a workflow on the canvas', (group) => {
  freshDatabase(group)

  test('with the mouse: five stages and a decision, connected by dragging, moved, undone, published', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const page = await signIn(visit, manager)
    const canvas = await newCanvas(page, 'Expense claim')
    const panel = canvas.locator('.wf-canvas-selection')

    // The starter's transition start → done goes; stages come from the palette.
    await settled(page, canvas)
    const finish = await canvas.locator('.react-flow__edge-path').first().boundingBox()
    // Off the label, which sits in the middle.
    await page.mouse.click(finish!.x + finish!.width * 0.2, finish!.y + finish!.height / 2)
    await canvas.getByRole('button', { name: 'Delete selected' }).click()
    await canvas.locator('.react-flow__edge').first().waitFor({ state: 'detached' })
    for (const [kind, name] of [
      ['task', 'Review'],
      ['decision', 'Amount check'],
      ['end', 'Rejected'],
    ] as const) {
      await canvas.getByRole('button', { name: `Add a ${kind} stage` }).click()
      await panel.getByLabel('Stage name').fill(name)
    }
    await node(canvas, 'rejected').waitFor()

    // Connecting: drag from a stage's dot to another stage.
    await dragConnect(page, canvas, 'start', 'review')
    assert.equal(await panel.getByLabel('From stage').inputValue(), 'start')
    assert.equal(await panel.getByLabel('To stage').inputValue(), 'review')
    await panel.getByLabel('Button label').fill('Submit')
    await dragConnect(page, canvas, 'review', 'amount_check')
    await panel.getByLabel('Button label').fill('Checked')
    await dragConnect(page, canvas, 'amount_check', 'done')
    await panel.getByLabel('Button label').fill('Pay')
    await dragConnect(page, canvas, 'amount_check', 'rejected')
    await panel.getByLabel('Button label').fill('Refuse')
    // A renamed transition's edge is drawn again once the canvas is laid out anew.
    await settled(page, canvas)
    assert.deepEqual(await edgeNames(canvas), [
      'Transition Submit, from Start to Review',
      'Transition Checked, from Review to Amount check',
      'Transition Pay, from Amount check to Done',
      'Transition Refuse, from Amount check to Rejected',
    ])

    // The decision: one route and "otherwise", in the side panel.
    await node(canvas, 'amount_check').click()
    await panel.getByRole('button', { name: /Add route/ }).click()
    await panel.getByRole('combobox', { name: 'Condition of route 1' }).fill('1 > 2')
    await panel.getByLabel('Transition of route 1', { exact: true }).selectOption('refuse')
    await panel.getByLabel('Otherwise', { exact: true }).selectOption('pay')

    // Moving a stage by dragging it; the position is saved with the draft.
    await settled(page, canvas)
    const review = await node(canvas, 'review').boundingBox()
    await page.mouse.move(review!.x + 40, review!.y + 20)
    await page.mouse.down()
    await page.mouse.move(review!.x + 40, review!.y + 140, { steps: 6 })
    await page.mouse.up()

    // Deleting a stage asks first, and undo brings it back with its transitions.
    await node(canvas, 'rejected').click()
    await canvas.getByRole('button', { name: 'Delete selected' }).click()
    const dialog = page.getByRole('dialog', { name: /Delete the stage “Rejected”/ })
    await page.assertTextContains(dialog, 'Refuse (amount_check → rejected)')
    await dialog.getByRole('button', { name: 'Delete the stage' }).click()
    await node(canvas, 'rejected').waitFor({ state: 'detached' })
    // The stage's transitions go with it once the canvas is drawn again (laid out anew).
    await settled(page, canvas)
    assert.lengthOf(await edgeNames(canvas), 3)
    await canvas.getByRole('button', { name: 'Undo' }).click()
    await node(canvas, 'rejected').waitFor()
    await settled(page, canvas)
    assert.lengthOf(await edgeNames(canvas), 4)

    await page.assertNotExists(canvas.locator('.wf-node.has-problem'))
    assert.deepEqual(await seriousViolations(page), [])
    await page.screenshot({ path: 'tmp/screenshots/designer-canvas-built.png', fullPage: true })

    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL('**/workflows/expense-claim/edit')
    await page.getByRole('button', { name: 'Publish…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click()
    await page.getByText('Version 1 published').first().waitFor()

    const workflow = await Workflow.findByOrFail('key', 'expense-claim')
    const version = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('status', 'published')
      .firstOrFail()
    assert.deepEqual(
      version.definition.stages.map((stage) => stage.key),
      ['start', 'review', 'amount_check', 'rejected', 'done']
    )
    assert.deepEqual(
      version.definition.transitions.map((t) => `${t.from}>${t.to}`),
      ['start>review', 'review>amount_check', 'amount_check>done', 'amount_check>rejected']
    )
    assert.deepEqual(version.definition.stages[2]!.otherwise, 'pay')
    assert.properties(version.layout ?? {}, ['review'])
    assert.notProperty(version.definition, 'layout')
  }).timeout(240_000)
})
