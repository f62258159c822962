import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ActionSaga from '#models/action_saga'
import StartProcess from '#actions/processes/start_process'
import { StateStore } from '#automation/state_store'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { FakeServices, checkoutDefinition } from '#tests/helpers/fake_services'

process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY = 'test-payment-key'
// The fake payment service listens on loopback; the secret may go only there.
process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS = '127.0.0.1'

async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await drainOutbox()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Automation / admin page and process page', (group) => {
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

  /** A checkout whose refund of the stock keeps failing: it needs attention. */
  async function stuckCheckout() {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(checkoutDefinition(services.baseUrl), admin)
    services.behaviour.charge = 'refuse'
    services.behaviour.release = 'error'
    const { process } = await new StartProcess().handle({
      workflowKey: 'checkout-saga',
      title: 'stuck order',
      data: { sku: 'A', quantity: 1, amount: 5 },
      actor: admin,
    })
    await until(async () =>
      ActionSaga.find(process.id).then((saga) => saga?.status === 'needs_attention')
    )
    return { admin, process }
  }

  test('Admin → Automation lists what needs attention, the hosts and the state; members get 403', async ({
    client,
    assert,
  }) => {
    const { admin, process } = await stuckCheckout()
    await new StateStore().set('global', 'feature.fast_checkout', true)
    await new StateStore().acquireLock('global', 'nightly', 'worker-1', 60_000)

    const member = await UserFactory.create()
    const denied = await client.get('/admin/automation').loginAs(member).withInertia()
    denied.assertStatus(403)

    const response = await client.get('/admin/automation').loginAs(admin).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('admin/automation/index')
    const props = response.inertiaProps as any
    assert.lengthOf(props.needsAttention, 1)
    assert.equal(props.needsAttention[0].reference, process.reference)
    assert.equal(props.needsAttention[0].compensation.action, 'reserve_stock')
    assert.include(props.needsAttention[0].compensation.error, 'HTTP 503')
    assert.deepEqual(
      props.hosts.map((h: any) => h.host),
      [`127.0.0.1:${services.port}`]
    )
    assert.equal(props.state[0].key, 'feature.fast_checkout')
    assert.equal(props.locks[0].owner, 'worker-1')
  })

  test('an admin resolves by hand from the page (a comment is required), then the saga ends', async ({
    client,
    assert,
  }) => {
    const { admin, process } = await stuckCheckout()

    const empty = await client
      .post(`/admin/automation/attention/${process.id}/resolve`)
      .form({ comment: ' ' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    empty.assertStatus(302)
    const saga = await ActionSaga.findOrFail(process.id)
    assert.equal(saga.status, 'needs_attention')

    const member = await UserFactory.create()
    const forbidden = await client
      .post(`/admin/automation/attention/${process.id}/retry`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    forbidden.assertStatus(403)

    const resolved = await client
      .post(`/admin/automation/attention/${process.id}/resolve`)
      .form({ comment: 'Released by phone' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    resolved.assertStatus(302)
    await until(async () => Process.findOrFail(process.id).then((p) => p.status === 'cancelled'))
  })

  test('the process page shows every step and attempt, and the failed compensation in "Waiting on"', async ({
    client,
    assert,
  }) => {
    const { admin, process } = await stuckCheckout()
    const response = await client.get(`/processes/${process.id}`).loginAs(admin).withInertia()
    response.assertStatus(200)
    const props = response.inertiaProps as any
    const steps = props.automation.executions.map((e: any) => [e.kind, e.action, e.status])
    assert.deepEqual(steps, [
      ['action', 'reserve_stock', 'succeeded'],
      ['action', 'record_reservation', 'succeeded'],
      ['action', 'charge_payment', 'failed'],
      ['compensation', 'reserve_stock', 'failed'],
    ])
    const charge = props.automation.executions[2]
    assert.equal(charge.attemptLog[0].status, 402)
    assert.include(charge.attemptLog[0].request, '/payment/charges')
    assert.equal(props.automation.saga.status, 'needs_attention')
    const failed = props.process.waits.find((w: any) => w.kind === 'failed_step')
    assert.equal(failed.name, 'reserve_stock (compensation)')
    assert.include(failed.error, 'HTTP 503')
  })
})
