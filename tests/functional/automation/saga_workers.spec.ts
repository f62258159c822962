import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Redis } from 'ioredis'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import ActionExecution from '#models/action_execution'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { uniquePrefix, workerEnv } from '#tests/helpers/worker_process'
import { ownRedis, SKIP_REASON, Spawned, report } from '#tests/helpers/resilience'
import { waitUntil } from '#tests/helpers/wait'
import { FakeServices, checkoutDefinition } from '#tests/helpers/fake_services'

/**
 * Sagas and circuit breakers with real `queue:work` processes on a Redis
 * of the group's own (skipped, with the reason printed, where there is no
 * redis-server — like the resilience tests).
 */
process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY = 'test-payment-key'
// The fake payment service listens on loopback; the secret may go only there.
process.env.STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS = '127.0.0.1'

/** A killed worker's job comes back within lockDuration + stalledInterval. */
const TUNING = { lockDurationMs: 3000, stalledIntervalMs: 1000 }

/** Each store is tested with workers told to use it (AUTOMATION_SHARED_STATE). */
const BREAKER_FLOW = (baseUrl: string): WorkflowDefinition => ({
  key: 'breaker-probe',
  name: 'Breaker probe',
  stages: [
    {
      key: 'calling',
      name: 'Calling',
      type: 'start',
      actions: [
        {
          key: 'call_flaky',
          type: 'http',
          method: 'POST',
          url: `${baseUrl}/flaky`,
          timeout: '1s',
          attempts: 10,
          backoff: '100ms',
          onSuccess: 'done',
        },
      ],
    },
    { key: 'finished', name: 'Finished', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'done', from: 'calling', to: 'finished' }],
})

async function eventTypes(processId: number) {
  const events = await ProcessEvent.query().where('process_id', processId).orderBy('sequence')
  return events.map((e) => e.type)
}

test.group('Automation / sagas and breakers across worker processes', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test('a worker SIGKILLed mid-saga: another resumes it and no step runs twice', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    const services = await FakeServices.start()
    cleanup(async () => {
      await spawned.cleanup()
      await services.close()
    })
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(
      checkoutDefinition(services.baseUrl, { charge_payment: { timeout: '2s', attempts: 3 } }),
      admin
    )
    const env = workerEnv({ port: redis.server.port }, uniquePrefix('saga-crash'), TUNING)
    const victim = await spawned.worker('saga-A', env)

    // The payment service takes the charge but never answers: the worker dies waiting.
    services.behaviour.charge = 'hold'
    const { process } = await new StartProcess().handle({
      workflowKey: 'checkout-saga',
      title: 'crash',
      data: { sku: 'SKU-1', quantity: 1, amount: 10 },
      actor: admin,
    })
    await waitUntil(() => services.callsTo('charge').length === 1, {
      timeoutMs: 20_000,
      message: () => `the charge call\n${spawned.dump()}`,
    })
    victim.kill('SIGKILL')
    const exit = await victim.exit()
    assert.equal(exit.signal, 'SIGKILL')
    const killedAt = Date.now()
    services.behaviour.charge = 'ok'
    services.releaseHeld()

    await spawned.worker('saga-B', env)
    const done = await waitUntil(
      async () => {
        const current = await Process.findOrFail(process.id)
        return current.status === 'completed' ? current : false
      },
      { timeoutMs: 40_000, intervalMs: 100, message: () => `the saga to finish\n${spawned.dump()}` }
    )

    assert.equal(done.stageKey, 'completed')
    assert.deepEqual(services.effectOrder(), ['reserve', 'charge', 'ship'])
    assert.deepEqual(
      Object.values(services.perKey('reserve')),
      [1],
      'the finished step is not redone'
    )
    assert.deepEqual(Object.values(services.perKey('ship')), [1])
    const charges = services.perKey('charge')
    assert.lengthOf(Object.keys(charges), 1, 'the retried charge carries the same Idempotency-Key')
    assert.lengthOf(services.effectsOf('charge'), 1)
    const charge = await ActionExecution.findByOrFail('actionKey', 'charge_payment')
    assert.equal(charge.status, 'succeeded')
    assert.equal(charge.attempts, 2)
    const types = await eventTypes(process.id)
    assert.equal(types.filter((t) => t === 'action_succeeded').length, 6, 'each step recorded once')
    assert.equal(types.filter((t) => t === 'transitioned').length, 3)
    report(
      `saga resumed ${Date.now() - killedAt} ms after SIGKILL; charge calls per key ${JSON.stringify(charges)}`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)

  for (const store of ['database', 'redis'] as const) {
    test(`circuit breaker in ${store}, shared by two workers: opens, fails fast, half-opens with one trial, closes`, async ({
      assert,
      cleanup,
    }) => {
      const spawned = new Spawned()
      const services = await FakeServices.start()
      cleanup(async () => {
        await spawned.cleanup()
        await services.close()
      })
      const admin = await UserFactory.apply('admin').create()
      await publishWorkflow(BREAKER_FLOW(services.baseUrl), admin)
      const prefix = uniquePrefix('breaker')
      const env = {
        ...workerEnv({ port: redis.server.port }, prefix),
        AUTOMATION_BREAKER_FAILURES: '3',
        AUTOMATION_BREAKER_COOLDOWN_MS: '4000',
        AUTOMATION_SHARED_STATE: store,
      }
      const probe = new Redis({ port: redis.server.port, lazyConnect: true })
      cleanup(() => probe.quit().then(() => {}))
      /** The breaker as the workers see it. */
      const circuitOf = async (host: string): Promise<Record<string, any> | null> => {
        if (store === 'database')
          return (await db.from('action_circuits').where('host', host).first()) ?? null
        const row = await probe.hgetall(`{${prefix}:automation:${host}}:circuit`)
        return Object.keys(row).length ? row : null
      }
      const workers = await spawned.workersTogether([
        ['breaker-A', env],
        ['breaker-B', env, ['--no-relay']],
      ])
      services.behaviour.flaky = 'error'
      const ids: number[] = []
      for (let i = 0; i < 4; i++) {
        const { process } = await new StartProcess().handle({
          workflowKey: 'breaker-probe',
          title: `probe ${i}`,
          actor: admin,
        })
        ids.push(process.id)
      }

      const host = `127.0.0.1:${services.port}`
      const opened = await waitUntil(
        async () => {
          const row = await circuitOf(host)
          return row?.state === 'open' ? row : false
        },
        {
          timeoutMs: 20_000,
          intervalMs: 20,
          message: () => `the breaker to open\n${spawned.dump()}`,
        }
      )
      const callsWhenOpened = services.callsTo('flaky').length
      // In-flight calls admitted before the third failure may still land.
      assert.isAtLeast(callsWhenOpened, 3)
      assert.isAtMost(callsWhenOpened, 3 + ids.length)

      // Open: the steps keep being tried and fail fast, without calling out.
      await waitUntil(
        async () => {
          const [{ total }] = await db
            .from('action_attempts')
            .where('outcome', 'short_circuited')
            .count('* as total')
          return Number(total) >= ids.length
        },
        { timeoutMs: 10_000, message: () => `short-circuited attempts\n${spawned.dump()}` }
      )
      const afterCalls = services.callsTo('flaky').length
      assert.isAtMost(afterCalls, callsWhenOpened + ids.length, 'no calls while open')
      services.behaviour.flaky = 'ok'

      await waitUntil(
        async () => {
          const rows = await Process.query().whereIn('id', ids).where('status', 'completed')
          return rows.length === ids.length
        },
        {
          timeoutMs: 30_000,
          intervalMs: 100,
          message: () => `the probes to finish\n${spawned.dump()}`,
        }
      )
      const openUntil = Number(opened.open_until)
      const after = services.calls.filter((c) => c.route === 'flaky' && c.at >= openUntil - 50)
      const trial = services.answered.find((c) => c.route === 'flaky')!
      assert.isDefined(trial, 'a trial call succeeded')
      const beforeTrialAnswered = after.filter((c) => c.at <= trial.at)
      assert.lengthOf(beforeTrialAnswered, 1, 'half-open: one trial call, the others wait for it')
      const circuit = await circuitOf(host)
      assert.equal(circuit!.state, 'closed')
      assert.equal(Number(circuit!.failures), 0)
      const completedBy = workers.map((w) => w.completedJobs().length)
      assert.isTrue(
        completedBy.every((n) => n > 0),
        `both workers ran jobs: ${completedBy}`
      )
      report(
        `breaker (${store}): opened after ${callsWhenOpened} calls, ${afterCalls - callsWhenOpened} late in-flight calls, ` +
          `trial ${trial.at - openUntil} ms after the cool-down; jobs per worker ${completedBy.join('/')}`
      )
    })
      .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
      .timeout(90_000)
  }
})
