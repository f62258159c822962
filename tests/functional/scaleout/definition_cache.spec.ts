import { test } from '@japa/runner'
import { BentoCache, bentostore } from 'bentocache'
import { memoryDriver } from 'bentocache/drivers/memory'
import { redisDriver, redisBusDriver } from 'bentocache/drivers/redis'
import cacheConfig from '#config/cache'
import queueConfig from '#config/queue'
import env from '#start/env'
import type { WorkflowDefinition } from '#engine/definition'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { waitUntil } from '#tests/helpers/wait'
import { publishedVersionOf } from '#support/definition_cache'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import type Workflow from '#models/workflow'
import type User from '#models/user'

/** A new version of an existing workflow, published the way the designer does it. */
async function publishAgain(workflow: Workflow, definition: WorkflowDefinition, actor: User) {
  await new SaveWorkflowDraft().handle({ document: definition, actor, workflow })
  return new PublishWorkflow().handle({ workflow, actor })
}

function flow(key: string, stages: string[]): WorkflowDefinition {
  return {
    key,
    name: `Flow ${key}`,
    stages: stages.map((stage, i) => ({
      key: stage,
      name: stage.toUpperCase(),
      type: i === 0 ? 'start' : i === stages.length - 1 ? 'end' : 'task',
      ...(i === stages.length - 1 ? { outcome: 'completed' } : {}),
    })),
    transitions: stages.slice(1).map((to, i) => ({ key: `to_${to}`, from: stages[i]!, to })),
  } as WorkflowDefinition
}

test.group('Workflow definition cache', (group) => {
  freshDatabase(group)

  test('the published version and its ordered stages are read once, then from the cache; publishing replaces them', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(flow('cache-a', ['open', 'work', 'done']), admin)

    const first = await publishedVersionOf(workflow.id)
    assert.deepEqual(
      first?.stages.map((s) => s.key),
      ['open', 'work', 'done']
    )
    const again = await countQueries(() => publishedVersionOf(workflow.id))
    assert.equal(again.count, 0, again.queries.join('\n'))
    assert.equal(again.result?.versionId, first?.versionId)

    // A new version (stages reordered and one added) is seen at once.
    await publishAgain(workflow, flow('cache-a', ['open', 'review', 'work', 'done']), admin)
    const second = await publishedVersionOf(workflow.id)
    assert.equal(second?.number, 2)
    assert.deepEqual(
      second?.stages.map((s) => s.key),
      ['open', 'review', 'work', 'done']
    )
  })

  test('with Redis, a publish on this instance drops what another instance holds in memory', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(flow('cache-b', ['open', 'done']), admin)
    await publishedVersionOf(workflow.id)

    // "Another instance": its own memory tier, the same Redis tier and bus.
    const prefix = `${env.get('QUEUE_PREFIX') || 'sf'}:cache`
    const connection = { host: queueConfig.redis.host, port: queueConfig.redis.port }
    const other = new BentoCache({
      default: 'shared',
      stores: {
        shared: bentostore({ prefix })
          .useL1Layer(memoryDriver({ maxItems: 100 }))
          .useL2Layer(redisDriver({ connection, prefix }))
          .useBus(redisBusDriver({ connection })),
      },
    })
    try {
      const key = `workflows:${workflow.id}:published`
      const seen = await other.get<{ number: number }>({ key })
      assert.equal(seen?.number, 1, 'the other instance reads the entry through Redis')

      await publishAgain(workflow, flow('cache-b', ['open', 'check', 'done']), admin)
      // The bus message arrives asynchronously; then its memory copy is gone.
      const after = await waitUntil(
        async () => {
          const value = await other.get<{ number: number }>({ key })
          return value?.number === 1 ? false : { value }
        },
        { timeoutMs: 5000, intervalMs: 50, message: 'the other instance to drop version 1' }
      )
      assert.notEqual(after.value?.number, 1)
    } finally {
      await other.disconnectAll()
    }
  }).skip(
    cacheConfig.default !== 'shared' || queueConfig.redis.cluster.length > 0,
    'runs when the app uses a single Redis (the embedded default has one instance and a memory cache)'
  )
})
