import Process from '#models/process'
import { NotFound } from '#exceptions/domain_error'
import { mayAccess, type Viewer } from '#support/access/workflow_access'

/**
 * The process a command acts on, or a 404.
 */
export async function loadProcess(id: number | string): Promise<Process> {
  const process = Number.isSafeInteger(Number(id)) ? await Process.find(Number(id)) : null
  if (!process) throw new NotFound('Process')
  return process
}

/**
 * The process as `viewer` may address it: a 404 — the same answer as for
 * an id that does not exist — when its workflow's `see` audience leaves
 * the viewer out, so nobody learns what exists outside their workflows.
 * What they may do to it is the policy's business (ProcessPolicy).
 */
export async function loadVisibleProcess(id: number | string, viewer: Viewer): Promise<Process> {
  const process = await loadProcess(id)
  if (!(await mayAccess(viewer, process.workflowId, 'see'))) throw new NotFound('Process')
  return process
}
