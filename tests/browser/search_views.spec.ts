import { test } from '@japa/runner'
import StartProcess from '#actions/processes/start_process'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn } from '#tests/helpers/process_fixtures'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'

test.group('Browser / search on process data and saved views', (group) => {
  freshDatabase(group)

  test('filter on a searchable field, save the filter as a view, open it from the sidebar', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(purchaseDefinition, manager)
    for (const [title, amount] of [
      ['Pens', 12],
      ['Laptop', 1800],
      ['Server', 9000],
    ] as const) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title,
        data: { amount },
        actor: manager,
      })
    }

    const page = await signIn(visit, manager)
    await page.goto('/processes')
    await page.assertTextContains('main', 'No saved views yet')
    await page
      .getByRole('button', { name: /More filters|Filters/ })
      .first()
      .click()
    await page.getByRole('button', { name: 'More filters' }).click()
    await page.locator('#filter-workflow').selectOption({ label: 'Purchase' })
    await page.getByLabel('Condition on Amount').selectOption({ label: 'greater than' })
    await page.getByLabel('Value of Amount').fill('1000')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL((url) => url.searchParams.get('data.amount[gt]') === '1000')
    await page.assertElementsCount('table.process-table tbody tr', 2)

    await page.getByRole('button', { name: 'Save as view' }).click()
    await page.getByLabel('View name').fill('Big purchases')
    await page.locator('.saved-view-form').getByRole('button', { name: 'Save as view' }).click()
    await page.assertTextContains('.saved-views', 'Big purchases')
    await page.assertTextContains('.saved-views', '2 processes')

    await page.goto('/processes')
    await page.assertElementsCount('table.process-table tbody tr', 3)
    await page.locator('.saved-views').getByRole('link', { name: 'Big purchases' }).click()
    await page.waitForURL((url) => url.searchParams.get('data.amount[gt]') === '1000')
    await page.assertElementsCount('table.process-table tbody tr', 2)

    // Watching it: a toggle button, pressed once watched.
    await page.getByRole('button', { name: 'Watch view "Big purchases"' }).click()
    const stop = page.getByRole('button', { name: 'Stop watching view "Big purchases"' })
    await stop.waitFor()
    await page.assertTextContains('body', 'Watching this view')
    assert.equal(await stop.getAttribute('aria-pressed'), 'true')
  })
})
