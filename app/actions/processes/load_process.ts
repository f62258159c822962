import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Process from '#models/process'
import { NotFound } from '#exceptions/domain_error'
import { mayAccess, type Viewer } from '#support/access/workflow_access'

/** Adds to the statement that reads the process (e.g. columns of its own, read into `$extras`). */
export type ProcessQueryExtension = (query: ModelQueryBuilderContract<typeof Process>) => void

/**
 * The process a command acts on, or a 404.
 */
export async function loadProcess(
  id: number | string,
  extend?: ProcessQueryExtension
): Promise<Process> {
  if (!Number.isSafeInteger(Number(id))) throw new NotFound('Process')
  const query = Process.query().where('id', Number(id))
  extend?.(query)
  const process = await query.first()
  if (!process) throw new NotFound('Process')
  return process
}

/**
 * The process as `viewer` may address it: a 404 — the same answer as for
 * an id that does not exist — when its workflow's `see` audience leaves
 * the viewer out, so nobody learns what exists outside their workflows.
 * What they may do to it is the policy's business (ProcessPolicy).
 */
export async function loadVisibleProcess(
  id: number | string,
  viewer: Viewer,
  extend?: ProcessQueryExtension
): Promise<Process> {
  const process = await loadProcess(id, extend)
  if (!(await mayAccess(viewer, process.workflowId, 'see'))) throw new NotFound('Process')
  return process
}
