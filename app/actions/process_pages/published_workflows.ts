import type { WorkflowDefinition } from '#engine/definition'
import type Workflow from '#models/workflow'
import type WorkflowVersion from '#models/workflow_version'
import { definitionsOf } from '#support/definitions'
import { cachedPublishedWorkflows } from '#support/access/cached_rows'

export type PublishedWorkflows = {
  workflows: Workflow[]
  /** The latest published version of each workflow, by workflow id. */
  versions: Map<number, WorkflowVersion>
  /** The definition of that version, by workflow id. */
  definitions: Map<number, WorkflowDefinition>
}

/**
 * Workflows that can run processes (they have a published version), with
 * the definition of their latest published version, less the workflows
 * `except` names (those the viewer may not see or start): no query while
 * the access epoch is unchanged (#support/access/cached_rows), else two,
 * whatever the number of workflows. Pages use it for filter options, the
 * start form and to name stages in definition order.
 */
export async function publishedWorkflows(except: number[] = []): Promise<PublishedWorkflows> {
  const hidden = new Set(except.map(Number))
  const all = await cachedPublishedWorkflows()
  const workflows = all.filter((w) => !hidden.has(w.id))

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
