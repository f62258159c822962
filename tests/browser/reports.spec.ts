import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { signIn } from '#tests/helpers/process_fixtures'
import { buildClaims } from '#tests/helpers/report_fixtures'

test.group('Browser / reports', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('request a report, watch its progress, then read the chart and the bottlenecks', async ({
    visit,
  }) => {
    const { bob } = await buildClaims()
    const page = await signIn(visit, bob)
    await page.getByRole('link', { name: 'Reports' }).click()
    await page.waitForURL((url) => url.pathname === '/reports')
    await page.assertTextContains('main', 'No reports yet')

    const form = page.getByRole('form', { name: 'New report' })
    await form.getByLabel('Report', { exact: true }).selectOption({ label: 'Cycle time' })
    await form.getByLabel('Workflow').selectOption({ label: 'Claims' })
    await form.getByLabel('From').fill('2026-03-02')
    await form.getByLabel('To', { exact: true }).fill('2026-03-04')
    await form.getByLabel('Time zone').fill('UTC')
    await form.getByRole('button', { name: 'Run report' }).click()
    await page.waitForURL((url) => /^\/reports\/runs\/\d+$/.test(url.pathname))

    // No worker has picked it up yet: queued, with a progress bar at 0 %.
    await page.assertTextContains('main', 'Queued')
    await page.assertExists('progress[aria-label="Progress"]')
    await page.assertTextContains('main', 'Computing… 0%')
    await page.assertNotExists('.report-chart')

    // A worker computes it; the page polls and shows the chart and tables.
    await drainOutbox()
    await page.locator('.report-chart svg.recharts-surface').first().waitFor({ timeout: 30_000 })
    await page.assertTextContains('main', 'Ready')
    await page.assertNotExists('progress[aria-label="Progress"]')
    await page.assertTextContains('main', 'Time per stage (bottlenecks first)')
    await page.assertTextContains('.report-table-cycleStages tbody tr:first-child', 'Approve')
    await page.assertTextContains('.report-table-cycleStages tbody tr:first-child', '1h 40m')
    await page.assertExists('a:has-text("Download XLSX")')

    // The run is listed and reopens from the list.
    await page.getByRole('link', { name: 'All reports' }).click()
    await page.getByRole('link', { name: /Cycle time #\d+/ }).click()
    await page.locator('.report-chart svg.recharts-surface').first().waitFor()
  })
})
