import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ActionSaga from '#models/action_saga'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow, PASSWORD } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { FakeServices, checkoutDefinition } from '#tests/helpers/fake_services'

process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY = 'test-payment-key'
// The fake payment service listens on loopback; the secret may go only there.
process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS = '127.0.0.1'

/** Runs the queue until `done` holds. */
async function settle(done: () => Promise<boolean>) {
  for (let i = 0; i < 150 && !(await done()); i++) {
    await drainOutbox()
    await new Promise((wake) => setTimeout(wake, 100))
  }
}

test.group('Browser / automation: a failed compensation', (group) => {
  freshDatabase(group)
  let services: FakeServices
  group.each.setup(async () => {
    mail.fake()
    services = await FakeServices.start()
    return async () => {
      mail.restore()
      await services.close()
    }
  })
  group.teardown(() => stopQueues())

  test('an admin sees the steps on the process page and resolves the failed compensation by hand', async ({
    visit,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(checkoutDefinition(services.baseUrl), admin)
    services.behaviour.charge = 'refuse'
    services.behaviour.release = 'error'
    const { process } = await new StartProcess().handle({
      workflowKey: 'checkout-saga',
      title: 'Stuck order',
      data: { sku: 'A', quantity: 1, amount: 5 },
      actor: admin,
    })
    await settle(() => ActionSaga.find(process.id).then((s) => s?.status === 'needs_attention'))

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(admin.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.goto(`/processes/${process.id}`)
    await page.assertVisible(page.getByRole('heading', { name: 'Automated steps' }))
    await page.assertVisible(page.getByRole('alert').filter({ hasText: 'Needs attention' }))
    await page.assertTextContains('.area-automation', 'charge_payment')
    await page.assertTextContains('.area-automation', 'HTTP 402: card declined')

    await page.goto('/admin/automation')
    await page.assertVisible(page.getByRole('heading', { name: 'Needs attention (1)' }))
    await page.assertVisible(page.getByRole('link', { name: 'Automation' }))
    const comment = page.getByLabel('Resolved by hand? Say what was done')
    const resolve = page.getByRole('button', { name: 'Resolve by hand' })
    assert.isTrue(await resolve.isDisabled(), 'no comment, no resolution')
    await comment.fill('Stock released in the warehouse')
    await resolve.click()
    await page.assertVisible(page.getByRole('heading', { name: 'Needs attention (0)' }))
    await page.assertTextContains('.toasts', 'Marked as resolved by hand; the saga carries on.')
    await page.assertTextContains('#automation-compensating + ul', process.reference)

    await settle(() => Process.findOrFail(process.id).then((p) => p.status !== 'active'))
    const done = await Process.findOrFail(process.id)
    assert.equal(done.status, 'cancelled')
    await page.reload()
    await page.assertVisible(page.getByText('No saga is compensating.'))
  })
})
