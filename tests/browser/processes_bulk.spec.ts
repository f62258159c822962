import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { move, signIn, startProcesses } from '#tests/helpers/process_fixtures'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

/** Serious or critical axe-core violations on the page, as "rule: target" lines. */
async function axeProblems(page: import('playwright').Page) {
  // Evaluated through the driver: the page's CSP (rightly) refuses injected script tags.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      resultTypes: ['violations'],
    })
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`))
  })
}

test.group('Browser / bulk actions on the process list', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('tick rows, preview, confirm, follow the progress and read the result per row', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
    const orders = await startProcesses(21, manager)
    await move(orders[0]!, 'reserve_inventory', manager)
    await startProcesses(2, manager, { workflow: 'support-ticket' })
    const [first, second] = [orders[5]!, orders[6]!]

    const page = await signIn(visit, manager)
    await page.goto(new URL('/processes', page.url()).href)
    await page.assertTextContains('main', 'Tick rows to act on several processes at once.')

    // Two rows, one ticked from the keyboard.
    await page.getByRole('checkbox', { name: `Select ${first.reference}` }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('checkbox', { name: `Select ${second.reference}` }).check()
    await page.assertTextContains('main', '2 processes selected')

    await page.getByRole('button', { name: 'Run transition…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Run a transition on 2 processes' })
    await page.assertVisible(dialog)
    const select = dialog.getByLabel('Transition')
    await dialog.locator('option[value="reserve_inventory"]').waitFor({ state: 'attached' })
    await select.selectOption('reserve_inventory')
    await dialog.getByRole('button', { name: 'Preview' }).click()
    await page.assertTextContains('[data-testid="bulk-preview"]', '2 of 2 will be changed.')
    await dialog.getByRole('button', { name: 'Run it on 2 processes' }).click()

    await page.waitForURL((url) => /^\/processes\/bulk\/\d+$/.test(url.pathname))
    await page.assertTextContains('.toasts', 'started for 2 processes')
    await page.assertTextContains('main', 'Waiting to start')
    await drainOutbox()
    // The page polls: the finished state and the counts arrive without a reload.
    await page.assertTextContains('main', 'Finished')
    await page.assertTextContains(
      '[data-testid="bulk-counts"]',
      '2 of 2 done: 2 succeeded, 0 refused, 0 failed.'
    )
    await page.assertTextContains('main', first.reference)
    const moved = await Process.findOrFail(first.id)
    assert.equal(moved.stageKey, 'INVENTORY_RESERVING')
    assert.deepEqual(await axeProblems(page), [])

    // Now everything the filter matches (23, more than a page), with refusals.
    await page.getByRole('link', { name: 'Back to the list' }).click()
    await page.waitForURL((url) => url.pathname === '/processes')
    await page.getByRole('checkbox', { name: 'Select all processes on this page' }).check()
    await page.getByRole('button', { name: 'Select all 23 matching the filter' }).click()
    await page.assertTextContains('main', 'All 23 processes matching the filter are selected.')
    await page.getByRole('button', { name: 'Run transition…' }).click()
    const all = page.getByRole('dialog', { name: 'Run a transition on 23 processes' })
    await all.locator('option[value="reserve_inventory"]').waitFor({ state: 'attached' })
    await all.getByLabel('Transition').selectOption('reserve_inventory')
    await all.getByRole('button', { name: 'Preview' }).click()
    const preview = page.locator('[data-testid="bulk-preview"]')
    await page.assertTextContains(preview, '18 of 23 will be changed.')
    await page.assertTextContains(preview, '5 processes will be refused')
    await page.assertTextContains(preview, 'Not allowed from its stage: 3')
    await page.assertTextContains(preview, 'Its workflow has no such transition: 2')
    assert.deepEqual(await axeProblems(page), [])
    await all.getByRole('button', { name: 'Run it on 18 processes' }).click()

    await page.waitForURL((url) => /^\/processes\/bulk\/\d+$/.test(url.pathname))
    await drainOutbox()
    await page.assertTextContains(
      '[data-testid="bulk-counts"]',
      '23 of 23 done: 18 succeeded, 5 refused, 0 failed.'
    )
    await page.assertTextContains('main', 'Refused')
  })
})
