import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn, startProcesses } from '#tests/helpers/process_fixtures'

test.group('Browser / board', (group) => {
  freshDatabase(group)

  test('drag a card onto the next column to run the transition', async ({ visit, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [process] = await startProcesses(1, manager)

    const page = await signIn(visit, manager)
    await page.goto('/workflows/order-fulfilment/board')
    const card = page.getByTestId('card-OF-000001')
    await page.assertVisible(card)
    await card.dragTo(page.locator('section[data-stage="INVENTORY_RESERVING"]'))

    await page.assertTextContains('.toasts', 'OF-000001 moved to "Reserving inventory".')
    await page.assertExists(
      'section[data-stage="INVENTORY_RESERVING"] [data-testid="card-OF-000001"]'
    )
    const fresh = await Process.findOrFail(process!.id)
    assert.equal(fresh.stageKey, 'INVENTORY_RESERVING')
  })

  test('the "Move to…" menu does the same from the keyboard', async ({ visit, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [process] = await startProcesses(1, manager)

    const page = await signIn(visit, manager)
    await page.goto('/workflows/order-fulfilment/board')
    const button = page.getByRole('button', { name: 'Move to… (OF-000001)' })
    await button.focus()
    await page.keyboard.press('Enter')
    const item = page.getByRole('menuitem', { name: /Reserve inventory/ })
    await page.assertVisible(item)
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem')
    // Enter on the focused item runs the transition (a POST), then the page shows the result.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 20_000 }),
      item.press('Enter'),
    ])
    await page.waitForFunction(
      () =>
        document
          .querySelector('.toasts')
          ?.textContent?.includes('OF-000001 moved to "Reserving inventory".'),
      null,
      { timeout: 20_000 }
    )
    const fresh = await Process.findOrFail(process!.id)
    assert.equal(fresh.stageKey, 'INVENTORY_RESERVING')
  })
})
