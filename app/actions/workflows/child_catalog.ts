import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import type { ChildCatalog } from '#engine/verifier/children'
import { childWorkflowsOf } from '#engine/verifier/children'
import childrenConfig from '#config/children'

/**
 * What the verifier needs to know of the other workflows when one is
 * published: which exist, which are published and which child workflows
 * their published versions start (for the nesting limit). One query.
 */
export async function childCatalog(client?: TransactionClientContract): Promise<ChildCatalog> {
  const rows = await (client ?? db)
    .from('workflows')
    .leftJoin('workflow_versions', (join) =>
      join
        .on('workflow_versions.workflow_id', '=', 'workflows.id')
        .andOnVal('workflow_versions.status', '=', 'published')
    )
    .select('workflows.key', 'workflow_versions.definition')
  const published: Record<string, string[]> = {}
  const existing: string[] = []
  for (const row of rows) {
    existing.push(row.key)
    if (row.definition === null) continue
    const definition = (
      typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
    ) as WorkflowDefinition
    published[row.key] = childWorkflowsOf(definition)
  }
  return { published, existing, maxDepth: childrenConfig.maxDepth }
}
