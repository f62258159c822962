import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import { freshDatabase } from '#tests/helpers/common'
import { QueueProbe } from '#tests/helpers/queue_probe'
import {
  uniquePrefix,
  workerEnv,
  type RedisTarget,
  type StallTuning,
  type WorkerProcess,
} from '#tests/helpers/worker_process'
import { RedisCluster } from '#tests/helpers/redis_server'
import { waitUntil, since } from '#tests/helpers/wait'
import { ownRedis, SKIP_REASON, Spawned, report } from '#tests/helpers/resilience'
import {
  setUpCast,
  startProcess,
  bulkManagers,
  recordBreach,
  countRows,
  duplicateNotifications,
  mailFiles,
  removeMail,
} from '#tests/helpers/stageflow'
import type Process from '#models/process'

/**
 * Recipients of the long job: an SLA breach notifies every active manager,
 * so with this many the job takes a few seconds of row inserts (about
 * 2.5 ms a row on SQLite here) — long enough to be caught part-way.
 */
const MANAGERS = Number(process.env.RESILIENCE_MANAGERS || 1000)

/**
 * BullMQ's lock and stalled-check periods in the crash test's workers.
 * The app's own (config/queue.ts: 15 s lock, 5 s stalled check) bring a
 * killed worker's job back within ~20 s; by default the test shortens the
 * stalled check to keep the suite quick. The lock stays longer than the
 * whole job. RESILIENCE_STALL=app runs the workers with the app's values.
 */
const STALL_PROFILES: Record<string, { tuning: StallTuning; timeoutMs: number }> = {
  fast: { tuning: { lockDurationMs: 8000, stalledIntervalMs: 1000 }, timeoutMs: 60_000 },
  app: { tuning: null, timeoutMs: 90_000 },
}
const STALL = STALL_PROFILES[process.env.RESILIENCE_STALL || 'fast'] ?? STALL_PROFILES.fast!

/**
 * A process whose own start notification is already delivered, and the
 * managers; the breach (the long job) is recorded by the test when it is
 * ready to interfere.
 */
async function longJobSetup(spawned: Spawned) {
  const cast = await setUpCast()
  spawned.extra.push(() => removeMail(cast.token))
  const managers = await bulkManagers(MANAGERS, cast.token)
  const process = await startProcess(cast, 'long job')
  return { cast, managers, process }
}

/**
 * Rows the breach writes: one in-app row for the assignee and for every
 * active manager (the bulk ones and the cast's), and an e-mail row for
 * the two who keep the default e-mail preference (assignee, cast manager).
 */
const breachRows = (managers: number) => managers + 2 + 2

async function breachNotifications(outboxId: number) {
  return countRows('notifications', (q) => q.where('outbox_message_id', outboxId))
}

/**
 * Records the breach and waits until its job is part-way: some rows
 * written, most not. Returns the outbox id and the row count seen.
 */
async function breachAndCatchMidway(process: Process, expected: number, spawned: Spawned) {
  const outboxId = await recordBreach(process)
  const recorded = performance.now()
  // Past the two e-mails (the first recipients), well before the end.
  const threshold = Math.max(50, Math.floor(expected * 0.1))
  const seen = await waitUntil(
    async () => {
      const count = await breachNotifications(outboxId)
      return count >= threshold ? count : false
    },
    { timeoutMs: 20_000, intervalMs: 10, message: () => `the long job to start\n${spawned.dump()}` }
  )
  if (seen >= expected) {
    throw new Error(
      `the job finished (${seen} rows) before it could be interrupted: raise RESILIENCE_MANAGERS`
    )
  }
  return { outboxId, seen, runningMs: since(recorded) }
}

/**
 * Two workers share the notifications queue; the one running a long job is
 * SIGKILLed part-way; the other must take the job over (BullMQ's stalled
 * check) and its effect must happen exactly once.
 */
async function killMidJob(assert: Assert, spawned: Spawned, target: RedisTarget, label: string) {
  const prefix = uniquePrefix(`crash-${label}`)
  const env = { ...workerEnv(target, prefix, STALL.tuning), LOG_LEVEL: 'debug' }
  const probe = spawned.probe(new QueueProbe(target, prefix))
  const { cast, managers, process } = await longJobSetup(spawned)
  const expected = breachRows(managers)

  const workers = await spawned.workersTogether([
    ['crash-A', env, ['--queue=notifications,timers']],
    ['crash-B', env, ['--queue=notifications,timers']],
  ])
  await waitUntil(async () => (await countRows('notifications')) === 2, {
    timeoutMs: 15_000,
    message: () => `the start notification\n${spawned.dump()}`,
  })

  const { outboxId, seen, runningMs } = await breachAndCatchMidway(process, expected, spawned)
  const jobId = `outbox-${outboxId}`
  const started = (w: WorkerProcess) =>
    w.logs().some((l) => l.msg === 'job started' && l.jobId === jobId)
  const victim = await waitUntil(() => workers.find(started), {
    timeoutMs: 5000,
    message: 'a worker to log that it started the job',
  })
  const survivor = workers.find((w) => w !== victim)!
  victim.kill('SIGKILL')
  const killedAt = Date.now()
  const killedPerf = performance.now()
  const victimExit = await victim.exit()
  assert.equal(victimExit.signal, 'SIGKILL')
  const atKill = await breachNotifications(outboxId)

  // The survivor takes the stalled job over and finishes it.
  const restart = await waitUntil(
    () => survivor.logs().find((l) => l.msg === 'job started' && l.jobId === jobId),
    {
      timeoutMs: STALL.timeoutMs - 20_000,
      intervalMs: 100,
      message: () => `the other worker to take the job over\n${spawned.dump()}`,
    }
  )
  const pickedUpMs = Number(restart.time) - killedAt
  await waitUntil(async () => (await breachNotifications(outboxId)) === expected, {
    timeoutMs: 20_000,
    intervalMs: 50,
    message: () => `the retried job to finish\n${spawned.dump()}`,
  })
  const recoveredMs = since(killedPerf)
  await waitUntil(() => survivor.completedJobs().includes(jobId), {
    timeoutMs: 5000,
    message: 'the survivor to log the completion',
  })

  assert.equal(restart.attempt, 1, 'a stalled job is re-run, not counted as a failed attempt')
  assert.notInclude(victim.completedJobs(), jobId)
  assert.equal(await breachNotifications(outboxId), expected)
  assert.lengthOf(await duplicateNotifications(), 0)
  // The log line comes from the handler; BullMQ marks the job a moment later.
  const job = await waitUntil(
    async () => {
      const found = await probe.job(jobId)
      return found && (await found.getState()) === 'completed' ? found : false
    },
    { timeoutMs: 5000, message: () => `BullMQ to mark the job completed\n${spawned.dump()}` }
  )
  assert.equal(job.stalledCounter, 1)
  assert.lengthOf(await probe.locks(), 0)
  // Two e-mails for the breach (assignee, the cast's manager) plus the start one.
  assert.lengthOf(await mailFiles(cast.token), 3)

  const tuning = STALL.tuning
    ? `lockDuration ${STALL.tuning.lockDurationMs} ms, stalledInterval ${STALL.tuning.stalledIntervalMs} ms`
    : 'the app settings (config/queue.ts: lockDuration 15000 ms, stalledInterval 5000 ms)'
  report(
    `crash on ${label} Redis (${tuning}): job of ${expected} rows killed after ${runningMs} ms at ${atKill} rows (seen ${seen}); ` +
      `other worker picked it up ${pickedUpMs} ms after SIGKILL, all ${expected} rows (no duplicate) ${recoveredMs} ms after it`
  )
}

test.group('Resilience / worker crash and graceful stop', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test('a worker SIGKILLed mid-job: another worker runs the job again, its effect happens once', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    await killMidJob(assert, spawned, { port: redis.server.port }, 'single')
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(STALL.timeoutMs)

  test('SIGTERM: the worker finishes its running job, exits 0 and leaves nothing locked or active', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const target = { port: redis.server.port }
    const prefix = uniquePrefix('sigterm')
    const probe = spawned.probe(new QueueProbe(target, prefix))
    const { managers, process } = await longJobSetup(spawned)
    const expected = breachRows(managers)

    // One worker, the app's own settings: nobody else could finish the job.
    const worker = await spawned.worker('sigterm-A', workerEnv(target, prefix))
    await waitUntil(async () => (await countRows('notifications')) === 2, {
      timeoutMs: 15_000,
      message: () => `the start notification\n${spawned.dump()}`,
    })
    const { outboxId, seen } = await breachAndCatchMidway(process, expected, spawned)
    const jobId = `outbox-${outboxId}`

    worker.kill('SIGTERM')
    const signalled = performance.now()
    const exit = await waitUntil(
      async () => {
        if (!worker.exited) return false
        return worker.exit()
      },
      { timeoutMs: 40_000, intervalMs: 50, message: () => `the worker to exit\n${worker.tail()}` }
    )
    const stoppedMs = since(signalled)

    assert.deepEqual(exit, { code: 0, signal: null }, worker.tail())
    assert.equal(await breachNotifications(outboxId), expected, 'the running job was finished')
    assert.include(worker.completedJobs(), jobId)
    assert.deepEqual(worker.failedJobs(), [])
    const counts = await probe.counts()
    assert.equal(counts.active, 0)
    assert.equal(counts.waiting, 0)
    assert.lengthOf(await probe.locks(), 0)
    assert.equal(await (await probe.job(jobId))!.getState(), 'completed')
    assert.isNull(await probe.lease(), 'the relay lease is released on the way out')
    report(
      `sigterm: signalled at ${seen}/${expected} rows; worker finished the job and exited 0 after ${stoppedMs} ms`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(75_000)
})

test.group('Resilience / worker crash on a 3-master Redis Cluster', (group) => {
  freshDatabase(group)
  let cluster: RedisCluster | null = null
  group.setup(async () => {
    if (SKIP_REASON) return
    cluster = await RedisCluster.start(3)
  })
  group.teardown(async () => {
    await cluster?.destroy()
    cluster = null
  })

  test('a worker SIGKILLed mid-job on a Cluster: the job runs again elsewhere, its effect happens once', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    await killMidJob(assert, spawned, { clusterSeeds: cluster!.seeds }, 'cluster')
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(STALL.timeoutMs)
})
