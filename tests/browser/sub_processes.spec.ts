import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { signIn } from '#tests/helpers/process_fixtures'
import { seriousViolations } from '#tests/helpers/axe'

/** A demo definition as the quick start seeds it. */
const demo = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../database/definitions/${name}.json`, import.meta.url), 'utf8')
  ) as WorkflowDefinition

test.group('Browser / sub-processes', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    await truncateAll()
  })

  test('an order with three items: each shipment finished from its own page moves the order', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(demo('shipment'), manager)
    await publishWorkflow(demo('order_with_items'), manager)
    const { process: order } = await new StartProcess().handle({
      workflowKey: 'order-with-items',
      title: 'Order for ACME',
      data: {
        customer: 'ACME',
        items: [
          { sku: 'DESK-1', qty: 1 },
          { sku: 'CHAIR-2', qty: 4 },
          { sku: 'LAMP-3', qty: 2 },
        ],
      },
      actor: manager,
    })

    const page = await signIn(visit, manager)
    // A list field with rows once broke the process page (a message without its count).
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const run = async (label: string) => {
      await page.getByRole('button', { name: label, exact: true }).click()
      const dialog = page.getByRole('dialog')
      if (await dialog.isVisible()) await dialog.getByRole('button', { name: label }).click()
    }

    // Shipping starts one child per item (the worker's job, run here by draining the outbox).
    await page.goto(`/processes/${order.id}`)
    await run('Ship the items')
    await page.assertTextContains('.process-heading .badge-stage', 'Shipping')
    await drainOutbox()
    await page.reload()
    const family = page.locator('.area-family')
    await family.getByText('Ship DESK-1').waitFor()
    assert.equal(await family.locator('ul[aria-label] > li').count(), 3)
    await page.assertTextContains('main', '0 of 3 child processes finished')
    assert.deepEqual(await seriousViolations(page), [])

    const children = await Process.query().where('parent_id', order.id).orderBy('parent_index')
    assert.lengthOf(children, 3)
    for (const [index, child] of children.entries()) {
      // From the parent's tree to the child's page, which links back to its parent.
      await page.goto(`/processes/${order.id}`)
      await page.locator('.area-family').getByRole('link', { name: child.title }).click()
      await page.waitForURL(`**/processes/${child.id}`)
      await page.assertTextContains('main', `Parent ${order.reference}`)
      await run('Dispatch')
      await page.assertTextContains('.process-heading .badge-stage', 'In transit')
      await run('Delivered')
      await page.assertTextContains('.process-heading .badge-stage', 'Delivered')
      await drainOutbox()
      const parent = await Process.findOrFail(order.id)
      // The order waits for all three, then moves once.
      assert.equal(parent.stageKey, index < 2 ? 'shipping' : 'completed')
    }

    await page.goto(`/processes/${order.id}`)
    await page.assertTextContains('.process-heading .badge-stage', 'Completed')
    await page.assertTextContains('.timeline', 'All delivered')
    await page.screenshot({ path: 'tmp/screenshots/sub-processes.png', fullPage: true })
    assert.deepEqual(pageErrors, [])
  })
})
