import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/common'
import { freePort, RedisServer } from '#tests/helpers/redis_server'
import { uniquePrefix, workerEnv, WorkerProcess } from '#tests/helpers/worker_process'
import { exitOf, stopChild } from '#tests/helpers/children'
import { families, promtoolCheck, total } from '#tests/helpers/prometheus_text'
import { waitUntil } from '#tests/helpers/wait'

const TOKEN = 'worker-metrics-token-0123456789'

test.group('Metrics / promtool check metrics', (group) => {
  freshDatabase(group)
  let redis: RedisServer | null = null
  group.setup(async () => {
    redis = await RedisServer.start()
    return () => redis?.destroy()
  })

  test("an app instance's /metrics passes promtool", async ({ client, assert }) => {
    // Some traffic first, so the histograms and labelled counters have series.
    await client.get('/health/live')
    await client.get('/login')
    const response = await client.get('/metrics')
    const text = response.text()
    assert.include(text, 'stageflow_http_request_duration_seconds_bucket')
    const check = await promtoolCheck(text)
    assert.equal(check.output.trim(), '', 'promtool reported problems')
    assert.equal(check.code, 0)
  })

  test('a worker serves its own /metrics on METRICS_PORT (token required) and it passes promtool', async ({
    assert,
  }) => {
    const port = await freePort()
    const worker = new WorkerProcess('metrics', {
      ...workerEnv({ port: redis!.port }, uniquePrefix('metrics')),
      METRICS_PORT: String(port),
      METRICS_TOKEN: TOKEN,
    })
    try {
      await worker.ready()
      const url = `http://127.0.0.1:${port}/metrics`
      const refused = await fetch(url)
      assert.equal(refused.status, 401)
      assert.equal(refused.headers.get('www-authenticate'), 'Bearer')

      // The relay's leader queues the timer reconciler at once: the worker's
      // own metrics show that job ran in this process.
      const text = await waitUntil(
        async () => {
          const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })
          const body = await response.text()
          const ran = total(body, 'stageflow_job_duration_seconds_count', {
            job: 'reconcile_timers',
          })
          return ran > 0 ? body : false
        },
        {
          timeoutMs: 30_000,
          intervalMs: 250,
          message: () => `the worker to run a job:\n${worker.tail()}`,
        }
      )
      assert.includeMembers(families(text), [
        'stageflow_job_duration_seconds',
        'stageflow_queue_jobs',
        'stageflow_outbox_pending_messages',
        'stageflow_outbox_relay_batches_total',
        'nodejs_eventloop_lag_seconds',
      ])
      const check = await promtoolCheck(text)
      assert.equal(check.output.trim(), '', 'promtool reported problems')
      assert.equal(check.code, 0)
      const other = await fetch(`http://127.0.0.1:${port}/other`)
      assert.equal(other.status, 404)
    } finally {
      await worker.stop()
    }
  })

  test('a worker refuses to publish its metrics on a public address without a token', async ({
    assert,
  }) => {
    const worker = new WorkerProcess('metrics-public', {
      ...workerEnv({ port: redis!.port }, uniquePrefix('metrics')),
      METRICS_PORT: String(await freePort()),
      METRICS_HOST: '0.0.0.0',
      METRICS_TOKEN: '',
    })
    const exited = await Promise.race([
      exitOf(worker.child),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000)),
    ])
    if (!exited) await stopChild(worker.child, 'SIGKILL')
    assert.isNotNull(exited, `the worker kept running:\n${worker.tail()}`)
    assert.equal(exited!.code, 1)
    assert.match(
      worker.output,
      /METRICS_HOST=0\.0\.0\.0 would publish the metrics: set METRICS_TOKEN/
    )
    assert.notMatch(worker.output, /working .* with the bullmq driver/)
  })
})
