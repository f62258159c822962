import { env } from 'node:process'
import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move, signIn } from '#tests/helpers/process_fixtures'

test.group('Browser / decision stages', (group) => {
  freshDatabase(group)

  test('submitting shows where the decision routed it, and why, in the timeline', async ({
    visit,
    browser,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
    const start = async (amount: number) => {
      const { process } = await new StartProcess().handle({
        workflowKey: 'purchase-approval',
        title: `Monitors ${amount}`,
        data: { amount, supplier: 'ACME', justification: 'For the new office' },
        actor: manager,
      })
      return process
    }
    const draft = await start(5000)
    const large = await move(await start(25000), 'submit', manager)

    const page = await signIn(visit, manager)
    await page.goto(`/processes/${draft.id}`)
    await page.getByRole('button', { name: 'Submit for approval' }).click()
    const dialog = page.getByRole('dialog')
    if (await dialog.isVisible())
      await dialog.getByRole('button', { name: 'Submit for approval' }).click()

    // The command's answer already shows where the process rests.
    await page.assertTextContains('.process-heading .badge-stage', 'Manager review')
    await page.assertTextContains('.timeline', 'Routed to Manager review (amount ≤ 10,000)')
    await page.screenshot({ path: 'tmp/screenshots/decision-timeline.png', fullPage: true })

    await page.goto(`/processes/${large.id}`)
    await page.assertTextContains('.timeline', 'Routed to Director review (no other route applied)')

    // In Portuguese (a colleague's language, remembered on sign-in), with its thousands separator.
    const colleague = await UserFactory.apply('manager').merge({ locale: 'pt-BR' }).create()
    const other = await browser.newContext({ baseURL: `http://${env.HOST}:${env.PORT}` })
    try {
      const theirs = await signIn(other.visit.bind(other), colleague)
      await theirs.goto(`/processes/${draft.id}`)
      await theirs.assertTextContains(
        '.timeline',
        'Encaminhado para Manager review (amount ≤ 10.000)'
      )
    } finally {
      await other.close()
    }
  })
})
