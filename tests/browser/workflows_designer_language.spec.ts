import { test } from '@japa/runner'
import type { Locator } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { seriousViolations } from '#tests/helpers/axe'
import { signIn } from '#tests/helpers/process_fixtures'

/** axe-core, evaluated through the DevTools protocol (the CSP refuses inline scripts). */
/** Serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement)

/** Expense claims: an amount and a kind collected at the start, then a review. */
const expenses = (): WorkflowDefinition => ({
  key: 'expenses',
  name: 'Expenses',
  stages: [
    {
      key: 'claim',
      name: 'Claim',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount', type: 'number', required: true },
        { key: 'kind', label: 'Kind', type: 'select', options: ['travel', 'meals'] },
      ],
    },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'paid', name: 'Paid', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'claim', to: 'review', label: 'Submit' },
    { key: 'pay', from: 'review', to: 'paid', label: 'Pay' },
  ],
})

test.group('Browser / workflow designer: conditions and decisions', (group) => {
  freshDatabase(group)

  test('a guard with a typo shows its error next to it; fixed, it is published', async ({
    visit,
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(expenses(), manager)
    const page = await signIn(visit, manager)
    await page.goto('/workflows/expenses/edit')

    const submit = page.getByRole('region', { name: /Submit/ })
    const guard = submit.getByRole('combobox', { name: 'Condition (when)' })
    await guard.fill('data.amout > 10')
    await guard.press('Escape')

    // The live verifier's problem, right under the input and tied to it.
    const problems = submit.locator('[id$="-when-problems"]')
    await page.assertTextContains(problems, 'not a valid expression')
    await page.assertTextContains(problems, '"data" has no field "amout"')
    assert.equal(await guard.getAttribute('aria-invalid'), 'true')
    assert.include(
      (await guard.getAttribute('aria-describedby')) ?? '',
      (await problems.getAttribute('id'))!
    )
    await page.assertTextContains('.wf-problem-summary h2', '1 problem')
    assert.isTrue(await page.getByRole('button', { name: 'Publish…' }).isDisabled())
    assert.deepEqual(await seriousViolations(page), [])

    await guard.fill('data.amount > 10')
    await guard.press('Escape')
    await page.assertNotExists(submit.locator('[id$="-when-problems"]'))
    assert.equal(await guard.getAttribute('aria-invalid'), 'false')
    await submit.getByLabel('Message when blocked').fill('Claims of 10 or less need no review.')
    await page.assertTextContains('.wf-problem-summary h2', 'No problems')

    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.assertTextContains('.toasts', 'Draft version 2 saved.')
    await page.getByRole('button', { name: 'Publish…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click()
    await page.assertTextContains('.wf-published', 'Version 2 of “Expenses” is published.')

    // The published version keeps the guard: in the designer after a reload…
    await page.reload()
    assert.equal(
      await page
        .getByRole('region', { name: /Submit/ })
        .getByRole('combobox', { name: 'Condition (when)' })
        .inputValue(),
      'data.amount > 10'
    )
    // …and in the definition the API serves.
    const version = await client
      .get('/api/v1/workflows/expenses/versions/2')
      .withGuard('api')
      .loginAs(manager)
    version.assertStatus(200)
    const transitions = version.body().data.definition.transitions as {
      key: string
      when?: string
      whenMessage?: string
    }[]
    const published = transitions.find((t) => t.key === 'submit')!
    assert.equal(published.when, 'data.amount > 10')
    assert.equal(published.whenMessage, 'Claims of 10 or less need no review.')
  })

  test('the completion list works with the keyboard and "try it" evaluates samples', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(expenses(), manager)
    const page = await signIn(visit, manager)
    await page.goto('/workflows/expenses/edit')

    const submit = page.getByRole('region', { name: /Submit/ })
    const guard = submit.getByRole('combobox', { name: 'Condition (when)' })
    const list = submit.getByRole('listbox')
    await guard.click()
    await page.keyboard.type('da')
    assert.equal(await guard.getAttribute('aria-expanded'), 'true')
    await page.assertTextContains(list.getByRole('option').first(), 'data.')

    // Tab takes "data." and the list now offers the fields with their types.
    await page.keyboard.press('Tab')
    assert.equal(await guard.inputValue(), 'data.')
    assert.isTrue(await isFocused(guard))
    const options = list.getByRole('option')
    assert.equal(await options.count(), 2)
    await page.assertTextContains(options.nth(0), 'amount')
    await page.assertTextContains(options.nth(0), 'Number')
    await page.assertTextContains(options.nth(1), 'kind')
    await page.assertTextContains(options.nth(1), 'Choice')
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true')
    assert.deepEqual(await seriousViolations(page), [])

    // Arrows move the active option (announced through aria-activedescendant); Enter takes it.
    await page.keyboard.press('ArrowDown')
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true')
    assert.equal(
      await guard.getAttribute('aria-activedescendant'),
      await options.nth(1).getAttribute('id')
    )
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    assert.equal(await guard.inputValue(), 'data.amount')
    assert.equal(await guard.getAttribute('aria-expanded'), 'false')

    // Typing a prefix filters; Escape closes the list and keeps the text.
    await page.keyboard.type(' > 10 && data.ki')
    assert.equal(await options.count(), 1)
    await page.keyboard.press('Escape')
    assert.equal(await guard.getAttribute('aria-expanded'), 'false')
    assert.isTrue(await list.isHidden())
    assert.equal(await guard.inputValue(), 'data.amount > 10 && data.ki')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.keyboard.type(' == "meals"')
    assert.equal(await guard.inputValue(), 'data.amount > 10 && data.kind == "meals"')

    // Try it: sample inputs for the fields the condition reads, typed by field type.
    await submit.getByRole('button', { name: 'Try it: Condition (when)' }).click()
    const tryIt = submit.getByRole('group', { name: /Try “Condition \(when\)”/ })
    const result = tryIt.getByRole('status')
    await page.assertTextContains(result, 'No result')
    await tryIt.getByLabel('data.amount').fill('50')
    assert.equal(await tryIt.getByLabel('data.amount').getAttribute('type'), 'number')
    await tryIt.getByLabel('data.kind').selectOption('meals')
    await page.assertTextContains(result, 'Result: true')
    await tryIt.getByLabel('data.kind').selectOption('travel')
    await page.assertTextContains(result, 'Result: false')
    await tryIt.getByLabel('data.amount').fill('5')
    await tryIt.getByLabel('data.kind').selectOption('meals')
    await page.assertTextContains(result, 'Result: false')
    assert.deepEqual(await seriousViolations(page), [])

    // A broken condition says why, in the box as next to the input.
    await guard.fill('data.amount > "ten"')
    await page.assertTextContains(result, 'The condition is not valid')
    await page.assertTextContains(result, 'cannot be applied to double and string')
  })

  test('a decision stage edits its routes and "otherwise" instead of fields', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(expenses(), manager)
    const page = await signIn(visit, manager)
    await page.goto('/workflows/expenses/edit')

    await page.getByRole('button', { name: 'Add stage' }).click()
    await page.locator(':focus').fill('Triage')
    const triage = page.getByRole('region', { name: /Triage/ })
    assert.isTrue(await triage.getByLabel('SLA', { exact: true }).isVisible())
    await triage.getByLabel('Type', { exact: true }).selectOption('decision')
    await page.assertNotExists(triage.getByLabel('SLA', { exact: true }))
    await page.assertNotExists(triage.getByRole('button', { name: /Add field/ }))
    await page.assertTextContains(triage, 'No transition leaves this stage yet')

    // Two ways out of the decision.
    for (const [label, to] of [
      ['Big', 'review'],
      ['Small', 'paid'],
    ] as const) {
      await page.getByRole('button', { name: 'Add transition' }).click()
      await page.locator(':focus').fill(label)
      const row = page.getByRole('region', { name: new RegExp(label) })
      await row.getByLabel('From stage').selectOption('triage')
      await row.getByLabel('To stage').selectOption(to)
    }

    await triage.getByRole('button', { name: 'Add route to “Triage”' }).click()
    assert.isTrue(await isFocused(triage.getByRole('combobox', { name: 'Condition of route 1' })))
    await page.keyboard.type('data.amount > 1000')
    await page.keyboard.press('Escape')
    await triage.getByLabel('Transition of route 1').selectOption('big')
    await triage.getByRole('button', { name: 'Add route to “Triage”' }).click()
    await page.keyboard.type('data.kind == "travel"')
    await page.keyboard.press('Escape')
    assert.equal(await triage.getByLabel('Transition of route 2').inputValue(), 'small')
    await triage.getByLabel('Otherwise').selectOption('small')

    // The second route moves up with the keyboard; focus follows it.
    await triage.getByRole('button', { name: 'Move route 2 up' }).focus()
    await page.keyboard.press('Enter')
    assert.equal(
      await triage.getByRole('combobox', { name: 'Condition of route 1' }).inputValue(),
      'data.kind == "travel"'
    )
    assert.equal(await triage.getByLabel('Transition of route 2').inputValue(), 'big')
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Move route 1 down'
    )

    // The diagram draws a diamond and labels the arrows with the conditions.
    await page.assertExists(page.locator('.wf-node-decision[data-stage="triage"] polygon'))
    const edgeTitle = (key: string) =>
      page.locator(`.wf-edge[data-transition="${key}"] title`).textContent()
    assert.equal(await edgeTitle('big'), 'data.amount > 1000')
    assert.equal(await edgeTitle('small'), 'data.kind == "travel" | otherwise')
    await page.screenshot({ path: 'tmp/screenshots/designer-decision.png', fullPage: true })

    // Removing a route keeps the others in order.
    await triage.getByRole('button', { name: 'Remove route 1' }).click()
    assert.equal(
      await triage.getByRole('combobox', { name: 'Condition of route 1' }).inputValue(),
      'data.amount > 1000'
    )
    await page.assertNotExists(triage.getByRole('combobox', { name: 'Condition of route 2' }))
    assert.deepEqual(await seriousViolations(page), [])
  })
})
