import { test } from '@japa/runner'
import StartProcess from '#actions/processes/start_process'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn } from '#tests/helpers/process_fixtures'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'
import SavedView from '#models/saved_view'

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

  test('choose the columns with the keyboard, see a data field formatted, save them in the view', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(purchaseDefinition, manager)
    for (const [title, amount] of [
      ['Laptop', 1800],
      ['Server', 9000],
    ] as const) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title,
        data: { amount, urgent: true },
        actor: manager,
      })
    }
    const view = await SavedView.create({
      ownerId: manager.id,
      workflowId: workflow.id,
      name: 'Purchases',
      filters: { workflow: 'purchase' },
      columns: ['reference', 'title'],
      sort: 'title',
      direction: 'asc',
      visibility: 'private',
    })

    const page = await signIn(visit, manager)
    await page.goto('/processes')
    await page.locator('.saved-views').getByRole('link', { name: 'Purchases' }).click()
    await page.waitForURL((url) => url.searchParams.get('view') === String(view.id))
    const headers = page.locator('table.process-table thead th')
    // The view's two columns (after the selection checkbox).
    const texts = await headers.allTextContents()
    assert.deepEqual(
      texts.slice(1).map((h) => h.replace(/[↕▲▼]/g, '').trim()),
      ['Reference', 'Title']
    )

    const toggle = page.getByRole('button', { name: 'Columns', exact: true })
    await toggle.focus()
    await page.keyboard.press('Enter')
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    await page.getByRole('checkbox', { name: 'Amount' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('checkbox', { name: 'Urgent' }).check()
    await page.getByRole('button', { name: 'Show columns' }).click()
    await page.waitForURL(
      (url) => url.searchParams.get('columns') === 'reference,title,data.amount,data.urgent'
    )
    await page.assertTextContains('table.process-table', '1,800')
    await page.assertTextContains('table.process-table', 'Yes')

    await toggle.click()
    await page.getByRole('button', { name: 'Save columns in "Purchases"' }).click()
    await page.assertTextContains('body', 'View "Purchases" updated.')
    await view.refresh()
    assert.deepEqual(view.columns, ['reference', 'title', 'data.amount', 'data.urgent'])
  })
})
