import type { HttpContext } from '@adonisjs/core/http'
import SummarizeDashboard, { dashboardLinks } from '#actions/dashboard/summarize_dashboard'
import ProcessTransformer from '#transformers/process_transformer'
import ProcessActivityTransformer from '#transformers/process_activity_transformer'
import WorkflowStandingTransformer from '#transformers/workflow_standing_transformer'

/**
 * The page a user lands on after signing in: their tasks, what is overdue
 * or due soon, where their workflows stand and what happened lately.
 * Every number links to the process list filtered the same way.
 */
export default class DashboardController {
  async index({ inertia, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const summary = await new SummarizeDashboard().handle(user)

    return inertia.render('dashboard', {
      myTasks: ProcessTransformer.transform(summary.myTasks, {
        definitions: summary.taskDefinitions,
        viewer: user,
      }),
      counts: summary.counts,
      countsCapped: summary.countsCapped,
      countFilters: dashboardLinks(),
      workflows: WorkflowStandingTransformer.transform(
        summary.workflowModels,
        new Map(summary.workflows.map((w) => [w.workflowId, w]))
      ),
      activity: ProcessActivityTransformer.transform(summary.activity.events, summary.activity),
    })
  }
}
