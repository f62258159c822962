import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import StartProcess from '#actions/processes/start_process'
import { startFromWorkflowValidator } from '#validators/workflow_page'

/**
 * "Start a process" from the workflow pages (list, workflow page, designer
 * after publishing): a title and a priority, then on to the process page.
 */
export default class WorkflowProcessesController {
  async store({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('start')
    const { title, priority } = await request.validateUsing(startFromWorkflowValidator)
    const { process } = await new StartProcess().handle({
      workflowKey: params.key,
      title,
      priority,
      actor: auth.getUserOrFail(),
    })
    session.flash('success', i18n.t('workflows.flash.started', { reference: process.reference }))
    return response.redirect().toRoute('processes.show', { id: process.id })
  }
}
