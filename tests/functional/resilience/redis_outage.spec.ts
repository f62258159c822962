import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/common'
import { QueueProbe } from '#tests/helpers/queue_probe'
import { NO_RELAY, uniquePrefix, workerEnv } from '#tests/helpers/worker_process'
import { waitUntil, sleep, since } from '#tests/helpers/wait'
import { ownRedis, SKIP_REASON, Spawned, report } from '#tests/helpers/resilience'
import {
  setUpCast,
  runProcess,
  PER_PROCESS,
  countRows,
  duplicateNotifications,
  mailFiles,
  removeMail,
  outboxRows,
} from '#tests/helpers/stageflow'

const BEFORE = 1
const DURING = 3

test.group('Resilience / Redis outage', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test('while Redis is down the outbox keeps every message; once it is back all are delivered once', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(async () => {
      await spawned.cleanup()
      // Leave the group's Redis running for whoever comes next.
      await redis.server.start()
    })
    const target = { port: redis.server.port }
    const prefix = uniquePrefix('outage')
    const env = workerEnv(target, prefix)
    const [relayWorker, plainWorker] = await spawned.workersTogether([
      ['outage-A', env],
      ['outage-B', env, [NO_RELAY]],
    ])
    const probe = spawned.probe(new QueueProbe(target, prefix))
    const cast = await setUpCast()
    spawned.extra.push(() => removeMail(cast.token))

    // Healthy first: what happens before the outage is delivered.
    for (let i = 0; i < BEFORE; i++) await runProcess(cast, `before ${i}`)
    await waitUntil(
      async () => (await countRows('notifications')) === BEFORE * PER_PROCESS.notifications,
      { timeoutMs: 15_000, message: () => `delivery before the outage\n${spawned.dump()}` }
    )

    // Redis goes away (no persistence: it comes back empty, like a lost node).
    await redis.server.stop()
    const downAt = performance.now()
    for (let i = 0; i < DURING; i++) await runProcess(cast, `during ${i}`)
    const during = DURING * PER_PROCESS.outbox

    // The relay keeps trying for a while; nothing is published, nothing lost.
    await sleep(2000)
    const duringOutbox = await outboxRows()
    const pending = duringOutbox.filter((r) => r.status === 'pending')
    assert.lengthOf(pending, during, 'every message written during the outage is still pending')
    assert.equal(await countRows('outbox_messages', (q) => q.where('status', 'failed')), 0)
    assert.equal(await countRows('notifications'), BEFORE * PER_PROCESS.notifications)
    // The relay cannot reach Redis for its lease: the due messages say so
    // (the engine health page shows last_error).
    await waitUntil(
      async () => {
        const rows = await outboxRows()
        return rows.every(
          (r) => r.status !== 'pending' || /Redis/i.test(String(r.last_error ?? ''))
        )
      },
      {
        timeoutMs: 10_000,
        intervalMs: 200,
        message: () => `pending messages to carry the relay's error\n${spawned.dump()}`,
      }
    )
    const afterOutage = await outboxRows()
    const withError = afterOutage.filter((r) => r.status === 'pending' && r.last_error)
    report(
      `outage: ${pending.length} messages pending after 2 s, each with last_error "${String(withError[0]?.last_error).slice(0, 80)}"`
    )
    assert.isFalse(relayWorker!.exited, 'the worker survives the outage')
    assert.isFalse(plainWorker!.exited, 'the worker survives the outage')

    // Redis is back, on the same port, empty.
    const warnings = (fromMs: number) =>
      [relayWorker!, plainWorker!].map(
        (w) => w.logs().filter((l) => l.level >= 40 && Number(l.time) >= fromMs).length
      )
    const downSince = Date.now() - Math.round(performance.now() - downAt)
    const duringOutage = warnings(downSince)
    await redis.server.start()
    const upAt = performance.now()
    const total = (BEFORE + DURING) * PER_PROCESS.notifications
    let seen: unknown = null
    await waitUntil(
      async () => {
        seen = await db.from('outbox_messages').select('id', 'status', 'attempts', 'available_at')
        return (
          (await countRows('outbox_messages', (q) => q.where('status', 'sent'))) ===
            (BEFORE + DURING) * PER_PROCESS.outbox && (await countRows('notifications')) === total
        )
      },
      {
        timeoutMs: 45_000,
        intervalMs: 100,
        message: () => `delivery after Redis came back: ${JSON.stringify(seen)}\n${spawned.dump()}`,
      }
    )
    const recoveredMs = since(upAt)

    // Let any straggler (a second publish, a retried job) land before counting.
    await waitUntil(async () => (await probe.count('active')) === 0, {
      timeoutMs: 5000,
      message: 'no job left running',
    })
    await sleep(1000)
    assert.equal(await countRows('notifications'), total)
    assert.lengthOf(await duplicateNotifications(), 0)
    const mails = await mailFiles(cast.token)
    assert.lengthOf(mails, BEFORE + DURING, 'one e-mail per started process, none twice')
    const rows = await outboxRows()
    assert.isTrue(rows.every((r) => r.status === 'sent'))

    report(
      `outage: Redis down ${Math.round(upAt - downAt)} ms; after restart all ${during} pending messages delivered in ${recoveredMs} ms; ` +
        `${total} notifications, no duplicates; warnings logged while down (A/B): ${duringOutage.join('/')}`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)
})
