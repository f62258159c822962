import Process from '#models/process'
import { cachedUsers, cachedWorkflows } from '#support/access/cached_rows'
import { leanModels } from '#support/lean_models'

/**
 * Runs a list's rows query and gives its processes with what a row shows
 * (workflow, assignee): models from plain rows (#support/lean_models), the
 * workflows and people from memory per access epoch
 * (#support/access/cached_rows) — the same as `preload('workflow')` and
 * `preload('assignee')`, without their two queries per page and Lucid's
 * per-row hydration.
 */
export async function listedProcesses(query: { pojo<T>(): Promise<T[]> }): Promise<Process[]> {
  const rows = leanModels(Process, await query.pojo<Record<string, unknown>>())
  const workflows = await cachedWorkflows(rows.map((row) => row.workflowId))
  const assignees = await cachedUsers(rows.map((row) => row.assigneeId))
  for (const row of rows) {
    row.$setRelated('workflow', workflows.get(row.workflowId)!)
    row.$setRelated(
      'assignee',
      row.assigneeId === null ? null : (assignees.get(row.assigneeId) ?? null)
    )
  }
  return rows
}
