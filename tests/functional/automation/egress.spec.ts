import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ActionExecution from '#models/action_execution'
import StartProcess from '#actions/processes/start_process'
import automationConfig from '#config/automation'
import { AllowList } from '#support/egress/addresses'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { FakeServices, checkoutDefinition } from '#tests/helpers/fake_services'
import type { HttpAction, WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'

/** Secrets and their bindings for one test (other spec files set their own at load). */
function withSecrets() {
  const values: Record<string, string> = {
    STAGEFLOW_SECRET_PAYMENT_API_KEY: 'test-payment-key',
    STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS: '127.0.0.1, payments.example.com',
    STAGEFLOW_SECRET_UNBOUND_TOKEN: 'unbound-value',
  }
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]))
  Object.assign(process.env, values)
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

/** Runs the test with this allowlist in place of the test environment's (127.0.0.1). */
function withAllowList(text: string) {
  const saved = automationConfig.egress.allowedHosts
  automationConfig.egress.allowedHosts = AllowList.parse(text)
  return () => {
    automationConfig.egress.allowedHosts = saved
  }
}

/** The checkout saga, its charge step (stages[1].actions[0]) changed by `edit`. */
function withCharge(edit: (charge: Record<string, any>) => void, base = 'http://127.0.0.1:4010') {
  const definition = checkoutDefinition(base)
  edit(definition.stages[1]!.actions![0] as Record<string, any>)
  return definition
}

/** Saving the draft runs the verifier: the field errors of a refused definition. */
async function refusedFields(definition: WorkflowDefinition, admin: User) {
  const error = await publishWorkflow(definition, admin).then(
    () => null,
    (e) => e
  )
  if (!error) throw new Error('the definition was accepted')
  if (error.status !== 422) throw error
  return error.fieldErrors as { field: string; message: string; code: string }[]
}

const CHARGE = '$.stages[1].actions[0]'

test.group('Automation / egress refused at publish', (group) => {
  freshDatabase(group)
  group.each.setup(() => withAllowList(''))
  group.each.setup(() => withSecrets())

  test(
    'the five destinations of the penetration test are refused with the path of the URL: {$self}'
  )
    .with([
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:6379/',
      `${process.env.APP_URL}/api/v1/workflows`,
      'http://[::1]:6379/',
      'http://0x7f000001:6379/',
    ])
    .run(async ({ assert }, url) => {
      const admin = await UserFactory.apply('admin').create()
      const fields = await refusedFields(
        withCharge((charge) => (charge.url = url)),
        admin
      )
      assert.deepInclude(
        fields.map((f) => [f.field, f.code]),
        [`${CHARGE}.url`, 'refused_host']
      )
      assert.match(
        fields.find((f) => f.code === 'refused_host')!.message,
        /AUTOMATION_ALLOWED_HOSTS/
      )
    })

  test('a refused compensation URL is reported at its own path', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const fields = await refusedFields(
      withCharge(
        (charge) => (charge.compensation.url = 'http://10.0.0.7/refund'),
        'http://payments.example.com'
      ),
      admin
    )
    assert.deepInclude(
      fields.map((f) => [f.field, f.code]),
      [`${CHARGE}.compensation.url`, 'refused_host']
    )
  })

  test('the fixed-host bypasses are refused: {$self}')
    .with([
      'http://a@{{data.supplier}}/x',
      'http://x{{data.supplier}}/x',
      'http://{{data.supplier}}/x',
      'http://payments.example.com:{{data.port}}/x',
      'http://payments.example.com?{{data.q}}/x',
      'http://payments.example.com#{{data.q}}/x',
      'http://user@payments.example.com/x',
      'ftp://payments.example.com/x',
    ])
    .run(async ({ assert }, url) => {
      const admin = await UserFactory.apply('admin').create()
      const fields = await refusedFields(
        withCharge((charge) => (charge.url = url)),
        admin
      )
      assert.includeDeepMembers(
        fields.map((f) => [f.field, f.code]),
        [[`${CHARGE}.url`, 'invalid_url']]
      )
    })

  test('a secret may only go to the hosts it is bound to; an unbound secret goes nowhere', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const elsewhere = await refusedFields(
      withCharge(
        (charge) => (charge.url = 'https://collector.example.net/charges'),
        'http://payments.example.com'
      ),
      admin
    )
    assert.deepEqual(
      elsewhere.map((f) => [f.field, f.code]),
      [[`${CHARGE}.headers.Authorization`, 'secret_not_allowed']]
    )
    assert.include(elsewhere[0]!.message, 'STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS')
    assert.notInclude(elsewhere[0]!.message, 'test-payment-key')

    const unbound = await refusedFields(
      withCharge((charge) => {
        charge.url = 'http://payments.example.com/charges'
        charge.headers = { 'X-Token': '{{secret.UNBOUND_TOKEN}}' }
      }, 'http://payments.example.com'),
      admin
    )
    assert.deepEqual(
      unbound.map((f) => [f.field, f.code]),
      [[`${CHARGE}.headers.X-Token`, 'secret_not_allowed']]
    )
    assert.match(unbound[0]!.message, /not bound to any host.*STAGEFLOW_SECRET_UNBOUND_TOKEN_HOSTS/)

    // Bound host: accepted.
    await publishWorkflow(checkoutDefinition('http://payments.example.com'), admin)
  })

  test('the API answers 422 with the JSON path of the URL', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/api/v1/workflows')
      .json(withCharge((charge) => (charge.url = 'http://169.254.169.254/latest/meta-data/')))
      .withGuard('api')
      .loginAs(manager)
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [{ code: 'invalid_definition' }, { field: `${CHARGE}.url`, code: 'refused_host' }],
    })
  })
})

test.group('Automation / egress refused at run time', (group) => {
  freshDatabase(group)
  const services: FakeServices[] = []
  group.each.setup(() => withSecrets())
  group.each.setup(() => {
    mail.fake()
    return async () => {
      mail.restore()
      for (const s of services.splice(0)) await s.close()
    }
  })
  group.teardown(() => stopQueues())

  async function settle(processId: number) {
    for (let round = 0; round < 100; round++) {
      await drainOutbox(20_000)
      const process = await Process.findOrFail(processId)
      if (process.status !== 'active') return process
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`process ${processId} did not settle`)
  }

  async function start(admin: User) {
    const { process } = await new StartProcess().handle({
      workflowKey: 'checkout-saga',
      title: 'order',
      data: { sku: 'SKU-1', quantity: 2, amount: 49.9 },
      actor: admin,
    })
    return process
  }

  test('an address no longer allowed: the step fails for good, nothing is sent', async ({
    assert,
    cleanup,
  }) => {
    const stock = await FakeServices.start()
    services.push(stock)
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(checkoutDefinition(stock.baseUrl), admin)
    cleanup(withAllowList(''))

    const started = await start(admin)
    const done = await settle(started.id)

    assert.lengthOf(stock.calls, 0)
    assert.equal(done.status, 'cancelled')
    const [exec] = await ActionExecution.query().where('process_id', done.id)
    assert.equal(exec!.status, 'failed')
    assert.equal(exec!.attempts, 1, 'a refused destination is not retried')
    assert.match(
      exec!.lastError!,
      /Refused to call http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/
    )
    const attempts = await db.from('action_attempts').where('execution_id', exec!.id)
    assert.lengthOf(attempts, 1)
    assert.match(attempts[0].error, /loopback address/)
  })

  test('a refused payment call is compensated: the reserved stock is released', async ({
    assert,
    cleanup,
  }) => {
    const stock = await FakeServices.start()
    const payment = await FakeServices.start()
    services.push(stock, payment)
    const admin = await UserFactory.apply('admin').create()
    const definition = checkoutDefinition(stock.baseUrl)
    const charge = definition.stages[1]!.actions![0]! as HttpAction
    charge.url = charge.url!.replace(stock.baseUrl, payment.baseUrl)
    await publishWorkflow(definition, admin)
    cleanup(withAllowList(`127.0.0.1:${stock.port}`))

    const started = await start(admin)
    const done = await settle(started.id)

    assert.lengthOf(payment.calls, 0)
    assert.deepEqual(stock.effectOrder(), ['reserve', 'release'])
    assert.equal(done.status, 'cancelled')
    const events = await db.from('process_events').where('process_id', done.id).orderBy('sequence')
    const failed = events.find((e) => e.type === 'action_failed')
    assert.match(JSON.stringify(failed.payload), /loopback address/)
    assert.includeMembers(
      events.map((e) => e.type),
      ['action_failed', 'compensation_started', 'compensation_succeeded', 'transitioned']
    )
  })

  test('a redirect from an allowed service to a refused address is refused', async ({
    assert,
    cleanup,
  }) => {
    const stock = await FakeServices.start()
    const internal = await FakeServices.start()
    services.push(stock, internal)
    stock.redirects.reserve = `http://127.0.0.1:${internal.port}/stock/reservations`
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(checkoutDefinition(stock.baseUrl), admin)
    cleanup(withAllowList(`127.0.0.1:${stock.port}`))

    const started = await start(admin)
    const done = await settle(started.id)

    assert.lengthOf(stock.callsTo('reserve'), 1)
    assert.lengthOf(internal.calls, 0)
    const [exec] = await ActionExecution.query().where('process_id', done.id)
    assert.equal(exec!.status, 'failed')
    assert.match(
      exec!.lastError!,
      /Refused to call http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/
    )
  })
})
