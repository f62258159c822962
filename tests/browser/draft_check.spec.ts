import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase } from '#tests/helpers/common'
import { signIn } from '#tests/helpers/process_fixtures'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { GUARDED_PURCHASE, purchasesWith, saveDraft } from '#tests/helpers/draft_check_fixtures'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

/** Serious and critical axe violations inside the panel. */
async function panelViolations(page: Page) {
  await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run('[data-testid="draft-check"]', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
  })) as { id: string; impact: string | null }[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id)
}

test.group('Browser / designer: test a draft against history', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('a manager runs the test and follows a link to a process the draft would block', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const [, large] = await purchasesWith(manager, [200, 5000, 8000], { approveFirst: 1 })
    await saveDraft(GUARDED_PURCHASE, manager)

    const page = await signIn(visit, manager)
    await page.goto('/workflows/purchase/edit')
    const panel = page.getByRole('region', { name: 'Test against history' })
    await panel.getByLabel('Processes to replay (newest first)').fill('0')
    await page.assertTextContains(panel, 'Enter a whole number from 1 to 5000.')
    assert.isTrue(await panel.getByRole('button', { name: 'Run the test' }).isDisabled())
    await panel.getByLabel('Processes to replay (newest first)').fill('10')
    await panel.getByRole('button', { name: 'Run the test' }).click()

    const result = panel.getByTestId('draft-check-result')
    await page.assertTextContains(
      result,
      '3 processes tested against draft version 2: 1 the same, 2 different.'
    )
    await page.assertTextContains(result, 'Blocked by a condition: 2')
    await page.assertTextContains(
      result,
      '“submit” from REQUEST would be refused: Large amounts need a purchase order. (event #2)'
    )
    assert.deepEqual(await panelViolations(page), [])

    // The designer's canvas draws the result: the refused transition, with how many.
    await page.getByRole('button', { name: 'Canvas', exact: true }).click()
    await page.assertTextContains(
      page.locator('.wf-canvas-panel .wf-edge-label.is-different'),
      '✕ 2'
    )
    await page.getByRole('button', { name: 'Form', exact: true }).click()

    await result.getByRole('link', { name: new RegExp(large!.reference) }).click()
    await page.waitForURL((url) => url.pathname === `/processes/${large!.id}`)
  })

  test('many processes: the test runs in a worker, the panel shows progress, then the result', async ({
    visit,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await purchasesWith(manager, [10])
    for (let i = 0; i < 200; i++) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title: `Request ${i}`,
        data: { amount: 20 + i },
        actor: manager,
      })
    }
    await saveDraft(GUARDED_PURCHASE, manager)

    const page = await signIn(visit, manager)
    await page.goto('/workflows/purchase/edit')
    const panel = page.getByRole('region', { name: 'Test against history' })
    await panel.getByRole('button', { name: 'Run the test' }).click()
    await page.assertTextContains(panel, 'Waiting for a worker')
    await page.assertExists(panel.getByRole('progressbar', { name: 'Progress of the test' }))

    await drainOutbox()
    await page.assertTextContains(
      panel.getByTestId('draft-check-result'),
      'All 201 processes would behave the same.'
    )
  })
})
