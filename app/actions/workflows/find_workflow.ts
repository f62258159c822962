import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { NotFound } from '#exceptions/domain_error'
import { mayAccess, type Viewer } from '#support/access/workflow_access'

export async function findWorkflow(key: string) {
  const workflow = await Workflow.query().where('key', key).preload('versions').first()
  if (!workflow) throw new NotFound(`Workflow "${key}"`)
  return workflow
}

/** The workflow when `viewer` is in its `see` audience; a 404 otherwise, as for a missing key. */
export async function findVisibleWorkflow(key: string, viewer: Viewer) {
  const workflow = await findWorkflow(key)
  if (!(await mayAccess(viewer, workflow.id, 'see'))) throw new NotFound(`Workflow "${key}"`)
  return workflow
}

export async function findVersion(workflow: Workflow, number: number | 'latest') {
  const query = WorkflowVersion.query().where('workflow_id', workflow.id)
  const version =
    number === 'latest'
      ? await query.whereIn('status', ['published', 'archived']).orderBy('number', 'desc').first()
      : await query.where('number', number).first()
  if (!version)
    throw new NotFound(
      number === 'latest'
        ? `A published version of "${workflow.key}"`
        : `Version ${number} of "${workflow.key}"`
    )
  return version
}
