import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { seriousViolations } from '#tests/helpers/axe'
import { signIn, startProcesses } from '#tests/helpers/process_fixtures'

/** A purchase whose risk review shows — and must be filled — once the amount is over 10,000. */
const PURCHASE: WorkflowDefinition = {
  key: 'big-purchase',
  name: 'Big purchase',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount', type: 'money', currency: 'EUR', rules: { min: 1 } },
        {
          key: 'risk',
          label: 'Risk review',
          type: 'long_text',
          required: true,
          visibleWhen: 'data.amount.amount > 10000.0',
        },
        {
          key: 'channels',
          label: 'Channels',
          type: 'multiselect',
          options: ['web', 'phone'],
          default: ['web'],
        },
        { key: 'quote', label: 'Quote', type: 'url' },
      ],
    },
    { key: 'approved', name: 'Approved', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'approve', from: 'request', to: 'approved', label: 'Approve' }],
}

/** Serious and critical WCAG 2.x A/AA violations on the page as it is now. */
test.group('Browser / field rules', (group) => {
  freshDatabase(group)

  test('a field appears when the amount crosses 10,000 and the blocked transition says why', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(PURCHASE, manager)
    const [process] = await startProcesses(1, manager, {
      workflow: PURCHASE.key,
      assigneeId: manager.id,
    })
    const page = await signIn(visit, manager)
    await page.goto(`/processes/${process!.id}`)

    const details = page.locator('.area-data')
    const risk = details.getByLabel('Risk review')
    const amount = details.getByLabel('Amount', { exact: true })
    await page.assertVisible(details.getByRole('group', { name: 'Channels' }))
    await page.assertNotExists(risk)

    // Shown and hidden live, as the amount is typed (the engine's evaluator, in the page).
    await amount.fill('10000')
    await page.assertNotExists(risk)
    await amount.fill('10000.5')
    await page.assertVisible(details.getByLabel('Risk review *'))
    await amount.fill('9000')
    await page.assertNotExists(risk)
    await amount.fill('12500')
    await page.assertVisible(risk)
    assert.deepEqual(await seriousViolations(page), [])

    // The page stays on the same URL: wait for the save itself to be answered.
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() !== 'GET' &&
        response.url().includes(`/processes/${process!.id}`)
    )
    await details.getByRole('button', { name: 'Save details' }).click()
    await saved
    await page.assertTextContains('.process-heading', process!.reference)
    await expectVersion(process!.id, 2)

    // The server now blocks every way out until the risk review is filled, and says so.
    const approve = page.getByRole('button', { name: 'Approve', exact: true })
    await page.assertTextContains('.transition-list', 'Fill in Risk review first')
    await approve.click()
    const dialog = page.getByRole('dialog')
    await page.assertVisible(dialog)
    await dialog.getByRole('button', { name: 'Approve' }).click()
    await page.assertTextContains(
      dialog.locator('.field').first(),
      '"Risk review" must be filled in before the process can leave "Request".'
    )
    const refused = await Process.findOrFail(process!.id)
    assert.equal(refused.stageKey, 'request')

    await dialog.getByLabel('Risk review').fill('Supplier checked, budget approved.')
    await dialog.getByRole('button', { name: 'Approve' }).click()
    await page.assertTextContains('.process-heading .badge-stage', 'Approved')
    const fresh = await Process.findOrFail(process!.id)
    assert.deepInclude(fresh.data, {
      amount: { amount: 12500, currency: 'EUR' },
      risk: 'Supplier checked, budget approved.',
    })
  })

  test('the start form applies defaults and shows fields as their conditions hold', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(PURCHASE, manager)
    const page = await signIn(visit, manager)
    await page.goto(`/processes/create?workflow=${PURCHASE.key}`)

    await page.assertChecked(page.getByRole('checkbox', { name: 'web' }))
    await page.assertNotExists(page.getByLabel('Risk review'))
    await page.getByLabel('Title').fill('Servers')
    await page.getByLabel('Amount', { exact: true }).fill('15000')
    await page.assertVisible(page.getByLabel('Risk review *'))
    await page.getByLabel('Quote').fill('not a web address')
    await page.getByRole('checkbox', { name: 'phone' }).check()
    await page.getByRole('button', { name: 'Start process' }).click()

    // Refused by the server, with its message next to the field; what was typed stays.
    await page.assertTextContains(
      '.field:has(input[name="data.quote"])',
      '"Quote" must be a full web address starting with http:// or https://.'
    )
    await page.getByLabel('Quote').fill('https://example.com/quote.pdf')
    await page.getByRole('button', { name: 'Start process' }).click()
    await page.assertTextContains('.process-heading', 'Servers')
    const [started] = await Process.all()
    assert.deepEqual(started!.data, {
      amount: { amount: 15000, currency: 'EUR' },
      channels: ['web', 'phone'],
      quote: 'https://example.com/quote.pdf',
    })
  })
})

async function expectVersion(id: number, version: number) {
  const process = await Process.findOrFail(id)
  if (process.version !== version) {
    throw new Error(`Expected version ${version}, the process is at version ${process.version}.`)
  }
}
