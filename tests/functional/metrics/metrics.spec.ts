import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { RELAY_FLOW } from '#tests/helpers/stageflow'
import { families, sample, total } from '#tests/helpers/prometheus_text'
import { proxyTrust } from '#support/proxy_trust'

const TOKEN = 'metrics-token-for-tests-0123456789'

/** Every family the issue asks for, app side (worker-only ones are empty here but declared). */
const FAMILIES = [
  'stageflow_http_request_duration_seconds',
  'stageflow_http_server_errors_total',
  'stageflow_engine_commands_total',
  'stageflow_transitions_total',
  'stageflow_transition_duration_seconds',
  'stageflow_outbox_pending_messages',
  'stageflow_outbox_oldest_pending_age_seconds',
  'stageflow_outbox_relay_batches_total',
  'stageflow_queue_jobs',
  'stageflow_job_duration_seconds',
  'stageflow_job_failures_total',
  'stageflow_db_query_duration_seconds',
  'stageflow_db_sticky_reads_total',
  'stageflow_db_replica_lag_seconds',
  'stageflow_circuit_breaker_state',
  'stageflow_sla_breaches_total',
  'stageflow_sse_connections',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_gc_duration_seconds',
  'process_cpu_seconds_total',
]

/** The text of GET /metrics. */
async function scrape(client: ApiClient) {
  const response = await client.get('/metrics')
  return response.text()
}

/** Sets metrics.token (METRICS_TOKEN) for the rest of the test. */
function useToken(token: string | undefined) {
  const previous = app.config.get('metrics.token')
  app.config.set('metrics.token', token)
  return () => app.config.set('metrics.token', previous)
}

/** Trusts X-Forwarded-* from the given proxies for the rest of the test. */
function trustProxies(list: string | undefined) {
  const http = app.config.get<{ trustProxy: unknown }>('app.http')
  const previous = http.trustProxy
  http.trustProxy = proxyTrust(list)
  return () => {
    http.trustProxy = previous
  }
}

test.group('Metrics / access', (group) => {
  group.each.setup(() => useToken(undefined))

  test('a loopback client gets the Prometheus text format with every family', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/metrics')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    assert.includeMembers(families(response.text()), FAMILIES)
    assert.notProperty(response.headers(), 'set-cookie')
  })

  test('behind a trusted proxy, a client that is not loopback is refused with 403', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(trustProxies('loopback'))
    const remote = await client.get('/metrics').header('x-forwarded-for', '203.0.113.7')
    remote.assertStatus(403)
    assert.equal(remote.body().errors[0].code, 'metrics_loopback_only')
    assert.match(remote.body().errors[0].message, /METRICS_TOKEN/)
    assert.notMatch(remote.text(), /stageflow_/)

    // The proxy forwarding a loopback client (a local Prometheus through it) is served.
    const local = await client.get('/metrics').header('x-forwarded-for', '127.0.0.1')
    local.assertStatus(200)
  })

  test('without trusted proxies, X-Forwarded-For is ignored: the socket address decides', async ({
    client,
  }) => {
    const response = await client.get('/metrics').header('x-forwarded-for', '203.0.113.7')
    response.assertStatus(200)
  })

  test('with METRICS_TOKEN, only the bearer token opens it, from loopback too', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(useToken(TOKEN))
    const none = await client.get('/metrics')
    none.assertStatus(401)
    assert.equal(none.header('www-authenticate'), 'Bearer')
    assert.equal(none.body().errors[0].code, 'metrics_token_required')

    for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer ', TOKEN, `Basic ${TOKEN}`]) {
      const wrong = await client.get('/metrics').header('authorization', authorization)
      wrong.assertStatus(401)
    }

    const right = await client.get('/metrics').header('authorization', `Bearer ${TOKEN}`)
    right.assertStatus(200)
    assert.include(right.text(), 'stageflow_http_request_duration_seconds')
  })
})

test.group('Metrics / what is counted', (group) => {
  freshDatabase(group)
  group.each.setup(() => useToken(undefined))

  test('requests by route name and status class, transitions, conflicts and refusals by workflow', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(RELAY_FLOW, manager)
    const started = await client
      .post('/api/v1/processes')
      .json({ workflow: RELAY_FLOW.key, title: 'Counted' })
      .withGuard('api')
      .loginAs(manager)
    started.assertStatus(201)
    const id = started.body().data.id

    const before = await scrape(client)
    const send = (transition: string, expectedVersion: number) =>
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition, expectedVersion })
        .withGuard('api')
        .loginAs(manager)
    const moved = await send('submit', 1)
    moved.assertStatus(200)
    const stale = await send('submit', 1)
    stale.assertStatus(409)
    const unknown = await send('approve_nothing', 2)
    unknown.assertStatus(422)
    await client.get(`/api/v1/processes/${id}`).withGuard('api').loginAs(manager)
    const after = await scrape(client)

    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels)
    const workflow = RELAY_FLOW.key
    assert.equal(delta('stageflow_transitions_total', { workflow }), 1)
    assert.equal(
      delta('stageflow_engine_commands_total', {
        workflow,
        command: 'transitioned',
        outcome: 'ok',
      }),
      1
    )
    // The stale version is turned away before the command decides its event.
    assert.equal(
      delta('stageflow_engine_commands_total', {
        workflow,
        command: 'unknown',
        outcome: 'conflict',
      }),
      1
    )
    assert.equal(
      delta('stageflow_engine_commands_total', {
        workflow,
        command: 'unknown',
        outcome: 'refused',
      }),
      1
    )
    assert.equal(delta('stageflow_transition_duration_seconds_count', { workflow }), 1)

    const route = 'api.processes.transitions.store'
    const http = (statusClass: string) =>
      delta('stageflow_http_request_duration_seconds_count', {
        route,
        method: 'POST',
        status_class: statusClass,
      })
    assert.equal(http('2xx'), 1)
    assert.equal(http('4xx'), 2)
    assert.equal(
      delta('stageflow_http_request_duration_seconds_count', {
        route: 'api.processes.show',
        method: 'GET',
        status_class: '2xx',
      }),
      1
    )
    // Labels are route names, never URLs with ids.
    assert.notInclude(after, `/processes/${id}`)
    assert.isAbove(delta('stageflow_db_query_duration_seconds_count', { connection: 'primary' }), 0)
  })

  test('an unknown URL is labelled "unmatched", not by its path', async ({ client, assert }) => {
    const count = (text: string) =>
      total(text, 'stageflow_http_request_duration_seconds_count', { route: 'unmatched' })
    const before = await scrape(client)
    await client.get('/no-such-page/12345').redirects(0)
    const after = await scrape(client)
    assert.notInclude(after, 'no-such-page')
    assert.equal(count(after) - count(before), 1)
  })

  test('an SLA breach is counted by workflow', async ({ assert, client }) => {
    const { setUpCast, startProcess, recordBreach } = await import('#tests/helpers/stageflow')
    const cast = await setUpCast()
    const process = await startProcess(cast, 'late')
    const before = await scrape(client)
    await recordBreach(process)
    const after = await scrape(client)
    const labels = { workflow: RELAY_FLOW.key }
    assert.equal(
      sample(after, 'stageflow_sla_breaches_total', labels) -
        sample(before, 'stageflow_sla_breaches_total', labels),
      1
    )
  })
})
