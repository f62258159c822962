import type { HttpContext } from '@adonisjs/core/http'
import WorkflowPolicy from '#policies/workflow_policy'
import { findWorkflow } from '#actions/workflows/find_workflow'
import SaveWorkflowAccess, { accessOf } from '#actions/workflows/save_workflow_access'
import { workflowAccessValidator } from '#validators/team'

/**
 * Who may start, see and work on a workflow's processes, and its calendar
 * (admins and the workflow's owner). The same controller answers the JSON
 * API and the designer's Access panel behind the session.
 */
export default class WorkflowAccessController {
  async show({ params, bouncer }: HttpContext) {
    const workflow = await findWorkflow(params.key)
    await bouncer.with(WorkflowPolicy).authorize('manageAccess', workflow)
    return { data: accessOf(workflow) }
  }

  async update({ params, request, bouncer }: HttpContext) {
    const workflow = await findWorkflow(params.key)
    await bouncer.with(WorkflowPolicy).authorize('manageAccess', workflow)
    const input = await request.validateUsing(workflowAccessValidator)
    return { data: await new SaveWorkflowAccess().handle(workflow, input) }
  }
}
