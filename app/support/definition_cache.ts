import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import type { StageType, WorkflowDefinition } from '#engine/definition'

/*
|--------------------------------------------------------------------------
| Cached workflow definitions
|--------------------------------------------------------------------------
|
| Through the cache package (config/cache.ts): memory in each instance,
| Redis behind it when Redis is configured, and a bus that drops the
| in-memory copies of every instance when one instance deletes a key.
|
| "The latest published version of workflow W" (its definition and its
| stages in order) changes when W is published again: PublishWorkflow
| deletes the key after its transaction commits, on every instance.
| (A given version's definition never changes: #support/definitions keeps
| those in a per-process map.)
|
*/

export type PublishedVersion = {
  workflowId: number
  versionId: number
  number: number
  definition: WorkflowDefinition
  /** The stages in definition order: board columns, filters, stage names. */
  stages: { key: string; name: string; type: StageType }[]
}

const publishedKey = (workflowId: number) => `workflows:${workflowId}:published`

/** The latest published version of a workflow, or null when it has none. */
export async function publishedVersionOf(workflowId: number): Promise<PublishedVersion | null> {
  const cached = await cache.getOrSet({
    key: publishedKey(workflowId),
    ttl: '1h',
    factory: async () => {
      const row = await db
        .from('workflow_versions')
        .select('id', 'number', 'definition')
        .where('workflow_id', workflowId)
        .where('status', 'published')
        .orderBy('number', 'desc')
        .first()
      if (!row) return { none: true }
      const definition = JSON.parse(row.definition) as WorkflowDefinition
      return {
        workflowId,
        versionId: Number(row.id),
        number: Number(row.number),
        definition,
        stages: definition.stages.map((s) => ({ key: s.key, name: s.name, type: s.type })),
      }
    },
  })
  return 'none' in cached ? null : (cached as PublishedVersion)
}

/** Forgets what is cached about a workflow's published version, on every instance. */
export async function forgetPublishedVersion(workflowId: number) {
  await cache.delete({ key: publishedKey(workflowId) })
}
