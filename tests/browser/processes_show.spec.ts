import { env } from 'node:process'
import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn, startProcesses, toPreparingShipment } from '#tests/helpers/process_fixtures'

test.group('Browser / process page', (group) => {
  freshDatabase(group)

  test('fill the fields a transition requires and run it', async ({ visit, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [started] = await startProcesses(1, manager, { assigneeId: manager.id })
    const process = await toPreparingShipment(started!, manager)

    const page = await signIn(visit, manager)
    await page.goto(`/processes/${process.id}`)
    await page.assertTextContains('h1', 'Order #1')
    await page.assertTextContains('.waiting-on', 'to take the next step')
    // The diagram (the lazy-loaded canvas) highlights where the process is.
    await page.assertExists(
      page.locator('.wf-canvas .wf-node.is-current[data-stage="PREPARING_SHIPMENT"]')
    )
    assert.equal(await page.locator('.wf-canvas .wf-node.is-current').count(), 1)
    await page.assertExists(page.locator('.wf-canvas .wf-edge[data-transition]').first())

    await page.getByRole('button', { name: 'Ship', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await page.assertVisible(dialog)

    // Sent empty: the server says what is missing, next to each field.
    await dialog.getByRole('button', { name: 'Ship' }).click()
    await page.assertTextContains(
      dialog.locator('.field').first(),
      'Tracking number is required for this transition'
    )

    await dialog.getByLabel('Tracking number').fill('TRK-42')
    await dialog.getByLabel('Carrier').selectOption('dhl')
    await dialog.getByRole('button', { name: 'Ship' }).click()

    await page.assertTextContains('.toasts', 'OF-000001 moved to "Shipped".')
    await page.assertTextContains('.process-heading .badge-stage', 'Shipped')
    await page.assertTextContains('.timeline', 'to "Shipped" (Ship)')
    await page.assertNotVisible(dialog)
    await page.assertExists(page.locator('.wf-canvas .wf-node.is-current[data-stage="SHIPPED"]'))
    await page.screenshot({ path: 'tmp/screenshots/process-canvas.png', fullPage: true })

    const fresh = await Process.findOrFail(process.id)
    assert.equal(fresh.stageKey, 'SHIPPED')
    assert.deepInclude(fresh.data, { tracking_number: 'TRK-42', carrier: 'dhl' })
  })

  test('two people act on the same version: the second gets a clear conflict and nothing is overwritten', async ({
    visit,
    browser,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [process] = await startProcesses(1, member, { assigneeId: member.id })

    const first = await signIn(visit, member)
    await first.goto(`/processes/${process!.id}`)

    const otherContext = await browser.newContext({
      baseURL: `http://${env.HOST}:${env.PORT}`,
    })
    try {
      const second = await signIn(otherContext.visit.bind(otherContext), manager)
      await second.goto(`/processes/${process!.id}`)
      await second.assertTextContains('.process-heading .badge-stage', 'Initiated')

      // The member moves it first…
      await first.getByRole('button', { name: 'Reserve inventory' }).click()
      await first.assertTextContains('.process-heading .badge-stage', 'Reserving inventory')

      // …then the manager, still looking at version 1, tries the same.
      await second.getByRole('button', { name: 'Reserve inventory' }).click()
      await second.assertVisible(second.getByTestId('conflict-notice'))
      await second.assertTextContains(
        '[data-testid="conflict-notice"]',
        'was changed by someone else'
      )
      await second.assertTextContains('[data-testid="conflict-notice"]', 'Reserving inventory')
      // The page now shows the fresh state and its next steps.
      await second.assertTextContains('.process-heading .badge-stage', 'Reserving inventory')
      await second.assertVisible(second.getByRole('button', { name: 'Inventory reserved' }))
    } finally {
      await otherContext.close()
    }

    const transitions = await ProcessEvent.query()
      .where('process_id', process!.id)
      .where('type', 'transitioned')
    assert.lengthOf(transitions, 1)
    assert.equal(transitions[0]!.actorId, member.id)
  })
})
