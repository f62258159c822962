import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { UserFactory } from '#database/factories/user_factory'
import AlertRule from '#models/alert_rule'
import EvaluateAlerts from '#alerts/evaluate_alerts'
import { freshDatabase } from '#tests/helpers/common'
import { signIn } from '#tests/helpers/process_fixtures'

test.group('Browser / alerts', (group) => {
  freshDatabase(group)

  test('an admin sees a firing rule and its history, and creates a trend rule through the form', async ({
    visit,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await AlertRule.create({
      key: 'always',
      name: 'Processes waiting',
      signal: 'stalled_processes',
      condition: 'threshold',
      operator: '>=',
      threshold: 0,
      windowSeconds: 0,
      cooldownSeconds: 600,
      channels: { emails: ['oncall@example.test'], inAppRoles: ['admin'], webhookUrl: null },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })
    await new EvaluateAlerts().handle(DateTime.now())

    const page = await signIn(visit, admin)
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    await page.goto('/admin/alerts')
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor()
    const rules = page.getByRole('table', { name: 'Rules' })
    await rules.getByText('Processes waiting').waitFor()
    assert.match(
      await rules.locator('tr', { hasText: 'Processes waiting' }).innerText(),
      /Firing since/
    )
    assert.include(await page.getByRole('table', { name: 'History' }).innerText(), 'still firing')
    await page.screenshot({ path: app.tmpPath('screenshots/alerts-index.png'), fullPage: true })

    // A trend rule, first with a wrong address: the field says what is wrong.
    await page.getByRole('link', { name: 'New rule' }).click()
    await page.getByRole('heading', { name: 'New alert rule' }).waitFor()
    await page.getByLabel('Name').fill('SLA breaches doubled')
    await page.getByLabel('Signal').selectOption('sla_breaches')
    await page.getByLabel('Condition').selectOption('trend')
    await page.getByLabel('Factor').fill('2')
    await page.getByLabel('At least').fill('3')
    await page.getByLabel('E-mail addresses').fill('lead@example.test, nope')
    await page.getByRole('button', { name: 'Create rule' }).click()
    await page.getByText('“nope” is not an e-mail address').waitFor()
    assert.equal(await page.getByLabel('E-mail addresses').getAttribute('aria-invalid'), 'true')
    await page.screenshot({ path: app.tmpPath('screenshots/alerts-form.png'), fullPage: true })

    await page.getByLabel('E-mail addresses').fill('lead@example.test')
    await page.getByRole('button', { name: 'Create rule' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/alerts')
    await rules.getByText('SLA breaches doubled').waitFor()
    assert.deepEqual(
      pageErrors.filter((e) => !e.includes('ws://')),
      [],
      'no script errors (apart from the dev server HMR socket)'
    )
    const saved = await AlertRule.findByOrFail('name', 'SLA breaches doubled')
    assert.equal(saved.condition, 'trend')
    assert.equal(saved.trendOffsetSeconds, 604_800)
    assert.deepEqual(saved.channels.emails, ['lead@example.test'])
  }).timeout(60_000)
})
