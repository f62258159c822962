import type { HttpContext } from '@adonisjs/core/http'
import SummarizeDashboard, { dashboardLinks } from '#actions/dashboard/summarize_dashboard'
import ProcessTransformer from '#transformers/process_transformer'
import ProcessActivityTransformer from '#transformers/process_activity_transformer'
import WorkflowStandingTransformer from '#transformers/workflow_standing_transformer'
import { serialize } from '#support/api_serializer'

/**
 * The dashboard's figures over the JSON API: the same action and
 * transformers as the page (DashboardController), so the numbers agree and
 * workflows the token owner is kept out of are left out alike. `filters`
 * are the GET /api/v1/processes query behind each count.
 */
export default class DashboardController {
  async show({ auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const summary = await new SummarizeDashboard().handle(user)
    const [myTasks, workflows, activity] = await Promise.all([
      serialize(
        ProcessTransformer.transform(summary.myTasks, {
          definitions: summary.taskDefinitions,
          viewer: user,
        })
      ),
      serialize(
        WorkflowStandingTransformer.transform(
          summary.workflowModels,
          new Map(summary.workflows.map((w) => [w.workflowId, w]))
        )
      ),
      serialize(ProcessActivityTransformer.transform(summary.activity.events, summary.activity)),
    ])
    return {
      data: {
        counts: summary.counts,
        countsCapped: summary.countsCapped,
        filters: dashboardLinks(),
        myTasks: myTasks.data,
        workflows: workflows.data,
        activity: activity.data,
      },
    }
  }
}
