import type { WorkflowDefinition } from '#engine/definition'
import Workflow from '#models/workflow'
import type WorkflowVersion from '#models/workflow_version'
import { definitionsOf } from '#support/definitions'

export type PublishedWorkflows = {
  workflows: Workflow[]
  /** The latest published version of each workflow, by workflow id. */
  versions: Map<number, WorkflowVersion>
  /** The definition of that version, by workflow id. */
  definitions: Map<number, WorkflowDefinition>
}

/**
 * Workflows that can run processes (they have a published version), with
 * the definition of their latest published version: two queries (three
 * when the definitions are not cached yet), whatever the number of
 * workflows. Pages use it for filter options, the start form and to name
 * stages in definition order.
 */
export async function publishedWorkflows(
  scope: (query: ReturnType<typeof Workflow.query>) => void = () => {}
): Promise<PublishedWorkflows> {
  const query = Workflow.query()
    .whereIn('id', (sub) =>
      sub.from('workflow_versions').select('workflow_id').where('status', 'published')
    )
    .preload('versions', (versions) =>
      versions.where('status', 'published').select('id', 'workflow_id', 'number', 'status')
    )
    .orderBy('name')
  scope(query)
  const workflows = await query

  const versions = new Map<number, WorkflowVersion>()
  for (const workflow of workflows) {
    const latest = [...workflow.versions].sort((a, b) => b.number - a.number)[0]
    if (latest) versions.set(workflow.id, latest)
  }
  const byVersion = await definitionsOf([...versions.values()].map((v) => v.id))
  const definitions = new Map<number, WorkflowDefinition>()
  for (const [workflowId, version] of versions) {
    const definition = byVersion.get(version.id)
    if (definition) definitions.set(workflowId, definition)
  }
  return { workflows, versions, definitions }
}
