import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { uniquePrefix, workerEnv } from '#tests/helpers/worker_process'
import { waitUntil, since } from '#tests/helpers/wait'
import { ownRedis, SKIP_REASON, Spawned, report } from '#tests/helpers/resilience'
import {
  childrenOf,
  finishChild,
  orderDefinition,
  shipOrder,
  shipmentDefinition,
} from '#tests/helpers/children_fixtures'

const CHILDREN = 20
/** A short stalled check, so the killed worker's job comes back within seconds. */
const TUNING = { lockDurationMs: 8000, stalledIntervalMs: 1000 }

const countChildren = (parentId: number) =>
  db
    .from('processes')
    .where('parent_id', parentId)
    .count('* as total')
    .first()
    .then((row) => Number(row?.total ?? 0))

async function setUp() {
  const admin = await UserFactory.apply('admin').create()
  await publishWorkflow(shipmentDefinition(), admin)
  await publishWorkflow(orderDefinition(), admin)
  return admin
}

test.group('Resilience / sub-processes with real workers', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)
  // SQLite: rolling back 0043 rebuilds `workflows`, which rows of `processes` would block.
  group.teardown(() => truncateAll())

  test('a worker SIGKILLed while spawning 20 children: exactly 20 after recovery', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const env = workerEnv({ port: redis.server.port }, uniquePrefix('children-crash'), TUNING)
    const admin = await setUp()
    // One after the other: two boots at once can pass the start timeout on a busy machine.
    const workers = [
      await spawned.worker('children-A', env, ['--queue=default']),
      await spawned.worker('children-B', env, ['--queue=default']),
    ]

    const parent = await shipOrder(admin, CHILDREN)
    const [message] = await db
      .from('outbox_messages')
      .where('process_id', parent.id)
      .where('topic', 'children.spawn')
    const jobId = `outbox-${message.id}`
    // Kill whichever worker runs the spawn job as soon as its first child exists.
    const seen = await waitUntil(
      async () => {
        const count = await countChildren(parent.id)
        return count >= 1 ? count : false
      },
      { timeoutMs: 30_000, intervalMs: 2, message: () => `the first child\n${spawned.dump()}` }
    )
    // Whichever worker runs it (its log line may not be read yet): both die, mid-spawn.
    for (const worker of workers) worker.kill('SIGKILL')
    const killed = performance.now()
    for (const worker of workers) assert.propertyVal(await worker.exit(), 'signal', 'SIGKILL')
    const atKill = await countChildren(parent.id)
    if (atKill >= CHILDREN) {
      throw new Error('the spawn finished before it could be interrupted')
    }

    // A new worker finds the stalled job once its lock expires and runs it again.
    const survivor = await spawned.worker('children-C', env, ['--queue=default'])
    await waitUntil(async () => (await countChildren(parent.id)) === CHILDREN, {
      timeoutMs: 45_000,
      intervalMs: 50,
      message: () => `all ${CHILDREN} children after recovery\n${spawned.dump()}`,
    })
    await waitUntil(() => survivor.completedJobs().includes(jobId), {
      timeoutMs: 15_000,
      message: () => `the new worker to complete the spawn job\n${spawned.dump()}`,
    })
    const children = await childrenOf(parent.id)
    assert.lengthOf(children, CHILDREN)
    assert.deepEqual(
      children.map((c) => c.parentIndex),
      Array.from({ length: CHILDREN }, (_, i) => i)
    )
    assert.lengthOf(new Set(children.map((c) => c.idempotencyKey)), CHILDREN)
    report(
      `spawn of ${CHILDREN} children killed at ${atKill} (first seen ${seen}); all ${CHILDREN}, none twice, ${since(killed)} ms after SIGKILL`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)

  test('20 children closing at once: the parent moves exactly once, its log gapless', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    cleanup(() => spawned.cleanup())
    const env = workerEnv({ port: redis.server.port }, uniquePrefix('children-close'))
    const admin = await setUp()
    await spawned.worker('close-A', env, ['--queue=default,notifications'])
    await spawned.worker('close-B', env, ['--queue=default,notifications'])
    const parent = await shipOrder(admin, CHILDREN)
    await waitUntil(async () => (await countChildren(parent.id)) === CHILDREN, {
      timeoutMs: 30_000,
      message: () => `the children\n${spawned.dump()}`,
    })
    const children = await childrenOf(parent.id)
    const closing = performance.now()
    await Promise.all(
      children.map((child, i) => finishChild(child, admin, 'deliver', { tracking: `T-${i}` }))
    )
    const moved = await waitUntil(
      async () => {
        const p = await Process.findOrFail(parent.id)
        return p.status === 'completed' ? p : false
      },
      { timeoutMs: 30_000, message: () => `the parent to move\n${spawned.dump()}` }
    )
    const movedMs = since(closing)
    // Let any late settle job run: it must not move the parent again.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const events = await ProcessEvent.query().where('process_id', parent.id).orderBy('sequence')
    assert.deepEqual(
      events.map((e) => e.sequence),
      events.map((_, i) => i + 1)
    )
    assert.lengthOf(
      events.filter((e) => e.payload.transition === 'shipped'),
      1
    )
    const after = await Process.findOrFail(parent.id)
    assert.equal(after.version, moved.version)
    assert.deepEqual(
      (moved.data.deliveries as { tracking: string }[]).map((d) => d.tracking),
      children.map((_, i) => `T-${i}`)
    )
    report(`${CHILDREN} children closed at once: the parent moved once, ${movedMs} ms later`)
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)
})
