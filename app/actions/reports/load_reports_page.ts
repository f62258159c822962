import ReportRun from '#models/report_run'
import ReportSchedule from '#models/report_schedule'
import User from '#models/user'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { presentRun, presentRunWithResult, presentSchedule } from '#actions/reports/present_reports'
import { NotFound } from '#exceptions/domain_error'
import { ROLES } from '#enums/role'

/**
 * Everything the reports page shows: a page of runs, the workflows (with
 * their published version numbers) and people to filter by, and the
 * schedules. A fixed number of queries whatever the page holds.
 */
export default class LoadReportsPage {
  /**
   * `viewer` restricted by workflow access (`hiddenWorkflows` not empty)
   * sees only their own runs: others' figures may count processes they
   * may not see.
   */
  async handle(page: number, viewer: { id: number }, hiddenWorkflows: number[] = []) {
    const runs = await ReportRun.query()
      .if(hiddenWorkflows.length > 0, (q) => q.where('requested_by', viewer.id))
      .preload('requester')
      .orderBy('id', 'desc')
      .paginate(page, 20)
    const workflows = await Workflow.query()
      .withScopes((s) => s.visibleTo(hiddenWorkflows))
      .orderBy('name')
      .select('id', 'name')
    const versions = await WorkflowVersion.query()
      .whereNot('status', 'draft')
      .orderBy('number')
      .select('workflow_id', 'number')
    const users = await User.query().withScopes((s) => {
      s.asPeople()
      s.active()
    })
    const schedules = await ReportSchedule.query().orderBy('id', 'desc').limit(50)
    const names = new Map(users.map((u) => [u.id, u.name]))

    return {
      runs: {
        data: runs.all().map((run) => presentRun(run)),
        metadata: runs.getMeta() as {
          currentPage: number
          lastPage: number
          total: number
          previousPageUrl: string | null
          nextPageUrl: string | null
        },
      },
      workflows: workflows.map((w) => ({
        id: w.id,
        name: w.name,
        versions: versions.filter((v) => v.workflowId === w.id).map((v) => v.number),
      })),
      users: users.map((u) => ({ id: u.id, name: u.name })),
      roles: [...ROLES],
      schedules: schedules.map((s) => presentSchedule(s, names)),
    }
  }

  /** One run, with who requested it (404 when there is none). */
  async findRun(id: unknown, viewer: { id: number }, hiddenWorkflows: number[] = []) {
    const run = await ReportRun.query()
      .where('id', Number(id) || 0)
      .preload('requester')
      .first()
    if (!run || (hiddenWorkflows.length > 0 && run.requestedBy !== viewer.id))
      throw new NotFound('Report')
    return run
  }

  /** One run with its result and the name of the workflow it is filtered to. */
  async showRun(id: unknown, viewer: { id: number }, hiddenWorkflows: number[] = []) {
    const run = await this.findRun(id, viewer, hiddenWorkflows)
    const workflow = run.params.workflowId ? await Workflow.find(run.params.workflowId) : null
    return { ...presentRunWithResult(run), workflowName: workflow?.name ?? null }
  }
}
