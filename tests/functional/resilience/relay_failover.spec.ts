import { test } from '@japa/runner'
import queueConfig from '#config/queue'
import { freshDatabase } from '#tests/helpers/common'
import { QueueProbe } from '#tests/helpers/queue_probe'
import { uniquePrefix, workerEnv } from '#tests/helpers/worker_process'
import { waitUntil, sleep, since } from '#tests/helpers/wait'
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

/** The relay lease TTL and how often a standby relay tries to take it (outbox_relay.ts). */
const LEASE_TTL = queueConfig.relay.lockTtlMs
const STANDBY_POLL = queueConfig.relay.standbyMs

test.group('Resilience / two relays', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test('only the lease holder publishes; the standby takes over when the holder is SIGKILLed', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const target = { port: redis.server.port }
    const prefix = uniquePrefix('relays')
    const env = workerEnv(target, prefix)
    const probe = spawned.probe(new QueueProbe(target, prefix))
    const cast = await setUpCast()
    spawned.extra.push(() => removeMail(cast.token))

    // A starts first and takes the lease; B starts next to it and stands by.
    const first = await spawned.worker('relay-A', env)
    const leaseA = await waitUntil(() => probe.lease(), {
      timeoutMs: 10_000,
      message: () => `worker A to take the relay lease\n${first.tail()}`,
    })
    const second = await spawned.worker('relay-B', env)

    await runProcess(cast, 'both relays up')
    await waitUntil(async () => (await countRows('notifications')) === PER_PROCESS.notifications, {
      timeoutMs: 15_000,
      message: () => `delivery with both relays up\n${spawned.dump()}`,
    })
    // For a few seconds: one lease, always A's, kept fresh; B never takes it.
    for (let i = 0; i < 10; i++) {
      const lease = await probe.lease()
      assert.equal(lease?.owner, leaseA.owner, 'the lease changed hands while its holder lived')
      assert.isAbove(lease!.ttlMs, LEASE_TTL / 2, 'the holder renews its lease')
      await sleep(200)
    }

    // A dies without a word; what is written next waits for B.
    first.kill('SIGKILL')
    await first.exit()
    const killed = performance.now()
    for (let i = 0; i < 2; i++) await runProcess(cast, `after the kill ${i}`)
    const leaseB = await waitUntil(
      async () => {
        const lease = await probe.lease()
        return lease && lease.owner !== leaseA.owner ? lease : false
      },
      {
        timeoutMs: LEASE_TTL + STANDBY_POLL + 5000,
        intervalMs: 100,
        message: () => `worker B to take the lease over\n${second.tail()}`,
      }
    )
    const takeoverMs = since(killed)
    assert.isAbove(leaseB.ttlMs, 0)
    // The lease expires LEASE_TTL after A's last renewal and B looks every
    // STANDBY_POLL: up to TTL + TTL/3, not within the TTL (see the report).
    assert.isAtMost(takeoverMs, LEASE_TTL + STANDBY_POLL + 3000)

    const total = 3 * PER_PROCESS.notifications
    await waitUntil(
      async () =>
        (await countRows('notifications')) === total &&
        (await countRows('outbox_messages', (q) => q.where('status', 'pending'))) === 0,
      { timeoutMs: 15_000, message: () => `delivery after the takeover\n${spawned.dump()}` }
    )
    const deliveredMs = since(killed)
    await sleep(500)

    assert.equal(await countRows('notifications'), total)
    assert.lengthOf(await duplicateNotifications(), 0)
    assert.lengthOf(await mailFiles(cast.token), 3)
    const runs = tally(
      [...first.completedJobs(), ...second.completedJobs()].filter((id) => id.startsWith('outbox-'))
    )
    assert.equal(runs.size, 3 * PER_PROCESS.outbox)
    assert.isTrue(
      [...runs.values()].every((n) => n === 1),
      `a message ran twice: ${[...runs]}`
    )
    assert.equal(await probe.count('failed'), 0)

    report(
      `relays: lease TTL ${LEASE_TTL} ms, standby polls every ${STANDBY_POLL} ms; B took over ${takeoverMs} ms after A's SIGKILL; ` +
        `messages written meanwhile delivered ${deliveredMs} ms after it, none twice`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(60_000)
})
