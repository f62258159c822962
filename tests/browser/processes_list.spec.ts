import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn, startProcesses } from '#tests/helpers/process_fixtures'

test.group('Browser / process list', (group) => {
  freshDatabase(group)

  test('filter the list, page through it, and keep the filters in the URL', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
    await startProcesses(25, manager, { assigneeId: member.id })
    await startProcesses(3, manager, { workflow: 'support-ticket', title: (i) => `Ticket ${i}` })

    const page = await signIn(visit, member)
    await page.getByRole('link', { name: 'Processes' }).click()
    await page.assertTextContains('main', '28 processes')

    await page.getByLabel('Workflow').selectOption({ label: 'Order fulfilment' })
    await page.getByLabel('Assignee').selectOption({ label: 'Me' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL((url) => url.searchParams.get('workflow') === 'order-fulfilment')
    await page.assertQueryString({ workflow: 'order-fulfilment', assignee: 'me' })
    await page.assertTextContains('main', '25 processes')
    await page.assertElementsCount('table.process-table tbody tr', 20)

    await page.getByRole('link', { name: 'Next' }).click()
    // Keyset pages: the link carries the cursor after the last row, and the filters.
    await page.waitForURL((url) => url.searchParams.has('after'))
    const next = new URL(page.url())
    assert.equal(next.searchParams.get('workflow'), 'order-fulfilment')
    assert.equal(next.searchParams.get('assignee'), 'me')
    await page.assertElementsCount('table.process-table tbody tr', 5)

    // Bookmarkable: loading the URL again shows the same view.
    await page.reload()
    await page.assertElementsCount('table.process-table tbody tr', 5)
    await page.assertSelectedOptions('#filter-workflow', ['order-fulfilment'])

    // Sorting by a column header, announced with aria-sort.
    await page.getByRole('button', { name: /Title/ }).click()
    await page.waitForURL((url) => url.searchParams.get('sort') === 'title')
    await page.assertExists('th[aria-sort="ascending"]')

    // Search by reference.
    await page.getByRole('searchbox', { name: 'Search' }).fill('OF-000007')
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === 'OF-000007')
    await page.assertElementsCount('table.process-table tbody tr', 1)
    await page.assertTextContains('table.process-table', 'Order #7')
  })
})
