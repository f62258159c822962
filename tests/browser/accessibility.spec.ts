import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { signIn, startProcesses, move } from '#tests/helpers/process_fixtures'

/**
 * axe-core's source, evaluated in the page through the DevTools protocol
 * (not a <script> tag: the app's CSP rightly refuses inline scripts).
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

type Violation = {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe (WCAG 2.x A and AA rules) on the page as it is now and returns
 * the serious and critical violations, described one per line.
 */
async function seriousViolations(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as any).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
  })) as Violation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`
    )
}

test.group('Browser / accessibility (axe-core)', (group) => {
  freshDatabase(group)

  test('every main page has no serious or critical axe violation', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    const processes = await startProcesses(3, admin, { assigneeId: admin.id })
    await move(processes[0]!, 'reserve_inventory', admin)
    const key = DEMO_DEFINITIONS.orderFulfilment.key

    const guest = await visit('/login')
    const found: Record<string, string[]> = { '/login': await seriousViolations(guest) }

    const page = await signIn(visit, admin)
    const pages = [
      '/',
      '/processes',
      '/processes?status=closed',
      `/processes/${processes[0]!.id}`,
      '/processes/create',
      '/workflows',
      `/workflows/${key}`,
      `/workflows/${key}/board`,
      `/workflows/${key}/edit`,
      '/workflows/new',
      '/notifications',
      '/profile',
      '/admin/users',
      '/admin/queues',
      '/admin/engine',
      '/admin/automation',
      '/admin/alerts',
      '/admin/alerts/new',
      '/reports',
    ]
    for (const url of pages) {
      const response = await page.goto(url)
      assert.equal(response?.status(), 200, `${url} answers 200`)
      found[url] = await seriousViolations(page)
    }

    const problems = Object.entries(found).filter(([, list]) => list.length)
    assert.deepEqual(
      problems,
      [],
      problems.map(([url, list]) => `${url}\n  ${list.join('\n  ')}`).join('\n')
    )
    assert.isAbove(workflow.id, 0)
    // 18 pages on a shared machine; the diagram pages also compile the canvas chunk on first load.
  }).timeout(240_000)
})
