import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/common'
import { RedisCluster } from '#tests/helpers/redis_server'
import { QueueProbe } from '#tests/helpers/queue_probe'
import { NO_RELAY, uniquePrefix, workerEnv, type RedisTarget } from '#tests/helpers/worker_process'
import { waitUntil, since } from '#tests/helpers/wait'
import { stopChild } from '#tests/helpers/children'
import { ownRedis, SKIP_REASON, Spawned, tally, report } from '#tests/helpers/resilience'
import {
  setUpCast,
  runProcess,
  PER_PROCESS,
  countRows,
  duplicateNotifications,
  mailFiles,
  removeMail,
} from '#tests/helpers/stageflow'

const PROCESSES = 4

/** How long a worker may take to leave after SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000

/**
 * The core path against real Redis and real `queue:work` processes: a
 * worker with the relay and a second worker without it; every outbox
 * message becomes one job, run once, and its notifications and e-mail
 * exist exactly once.
 */
async function deliversExactlyOnce(
  assert: any,
  spawned: Spawned,
  target: RedisTarget,
  label: string
) {
  const prefix = uniquePrefix(label)
  const env = workerEnv(target, prefix)
  const [relayWorker, plainWorker] = await spawned.workersTogether([
    [`${label}-A`, env],
    [`${label}-B`, env, [NO_RELAY]],
  ])
  const probe = spawned.probe(new QueueProbe(target, prefix))

  const cast = await setUpCast()
  spawned.extra.push(() => removeMail(cast.token))
  const started = performance.now()
  for (let i = 0; i < PROCESSES; i++) await runProcess(cast, `exactly once ${i}`)
  const messages = PROCESSES * PER_PROCESS.outbox

  await waitUntil(
    async () =>
      (await countRows('outbox_messages', (q) => q.where('status', 'sent'))) === messages &&
      (await countRows('notifications')) === PROCESSES * PER_PROCESS.notifications &&
      (await probe.count('completed')) === messages,
    { timeoutMs: 20_000, message: () => `every message delivered\n${spawned.dump()}` }
  )
  const deliveredMs = since(started)

  // Each message ran as exactly one job, in one of the two processes.
  const ran = () =>
    [...relayWorker!.completedJobs(), ...plainWorker!.completedJobs()].filter((id) =>
      id.startsWith('outbox-')
    )
  await waitUntil(() => ran().length >= messages, {
    timeoutMs: 5000,
    message: () => `the workers to log ${messages} completed jobs (got ${ran().length})`,
  })
  const runs = tally(ran())
  assert.equal(runs.size, messages)
  assert.isTrue(
    [...runs.values()].every((n) => n === 1),
    `a job ran twice: ${[...runs]}`
  )

  assert.lengthOf(await duplicateNotifications(), 0)
  assert.equal(
    await countRows('notifications', (q) => q.where('status', 'delivered')),
    PROCESSES * PER_PROCESS.notifications
  )
  assert.equal(await countRows('notifications', (q) => q.where('user_id', cast.manager.id)), 0)
  const mails = await mailFiles(cast.token)
  assert.lengthOf(mails, PROCESSES * PER_PROCESS.emails)
  assert.isTrue(mails.every((f) => f.to === cast.assignee.email))
  const counts = await probe.counts()
  assert.equal(counts.failed, 0)
  assert.equal(counts.active, 0)

  report(
    `${label}: ${messages} messages → ${PROCESSES * PER_PROCESS.notifications} notifications in ${deliveredMs} ms; ` +
      `jobs run by A/B: ${relayWorker!.completedJobs().length}/${plainWorker!.completedJobs().length}`
  )

  // Then SIGTERM, as a deployment would: how each worker leaves.
  const stopping = performance.now()
  const exits = await Promise.all(
    [relayWorker!, plainWorker!].map(async (worker) => {
      const exit = await stopChild(worker.child, 'SIGTERM', STOP_GRACE_MS)
      return { ...exit, ms: since(stopping) }
    })
  )
  report(
    `${label}: SIGTERM → ` +
      exits
        .map((e) =>
          e.signal === 'SIGKILL'
            ? `still running after ${STOP_GRACE_MS} ms, killed`
            : `exit ${e.code} after ${e.ms} ms`
        )
        .join('; ')
  )
  return exits
}

test.group('Resilience / exactly-once delivery (single Redis)', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test("a transition's notifications are delivered exactly once by worker processes", async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const exits = await deliversExactlyOnce(assert, spawned, { port: redis.server.port }, 'single')
    assert.isTrue(
      exits.every((e) => e.code === 0),
      `workers on a single Redis leave cleanly on SIGTERM: ${JSON.stringify(exits)}\n${spawned.dump()}`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(60_000)
})

test.group('Resilience / exactly-once delivery (3-master Redis Cluster)', (group) => {
  freshDatabase(group)
  let cluster: RedisCluster | null = null
  group.setup(async () => {
    if (SKIP_REASON) return
    const started = performance.now()
    cluster = await RedisCluster.start(3)
    report(`cluster: 3 masters on ${cluster.seeds} ready in ${since(started)} ms`)
  })
  group.teardown(async () => {
    await cluster?.destroy()
    cluster = null
  })

  test('the same path works on a Redis Cluster (hash-tagged queue keys)', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const exits = await deliversExactlyOnce(
      assert,
      spawned,
      { clusterSeeds: cluster!.seeds },
      'cluster'
    )
    assert.isTrue(
      exits.every((e) => e.code === 0),
      `workers on a Redis Cluster leave cleanly on SIGTERM: ${JSON.stringify(exits)}\n${spawned.dump()}`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(60_000)
})
