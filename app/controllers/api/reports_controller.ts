import type { HttpContext } from '@adonisjs/core/http'
import ReportRun from '#models/report_run'
import RequestReport from '#actions/reports/request_report'
import { normalizeReportParams } from '#actions/reports/normalize_report_params'
import LoadReportsPage from '#actions/reports/load_reports_page'
import { presentRun } from '#actions/reports/present_reports'
import { requestReportValidator } from '#validators/report'
import { cursorListValidator } from '#validators/api_list'
import { keyset, pageOf } from '#support/cursor'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

/**
 * Reports over the JSON API (managers and admins), with the actions of the
 * reports pages: request a run (computed by a worker), follow it, read the
 * result as JSON. The CSV and XLSX downloads are the pages' own export
 * action (ReportsController.export), routed under /api/v1 too.
 */
export default class ReportsController {
  async index({ request, auth, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    // Someone kept out of a workflow sees only their own runs (as on the reports page).
    const hidden = await hiddenWorkflowIds(user)
    const restricted = hidden.length > 0
    const runs = await keyset(
      ReportRun.query()
        .preload('requester')
        .if(restricted, (q) => q.where('requested_by', user.id)),
      input
    )
    const { rows, metadata } = pageOf(runs, input)
    return { data: rows.map((run) => presentRun(run)), metadata }
  }

  async store({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const input = await request.validateUsing(requestReportValidator)
    const params = await normalizeReportParams(input, await hiddenWorkflowIds(auth.getUserOrFail()))
    const { run, reused } = await new RequestReport().handle({
      kind: input.kind,
      params,
      requestedBy: auth.getUserOrFail().id,
    })
    await run.load('requester')
    response.status(reused ? 200 : 202)
    return { data: presentRun(run), meta: { reused } }
  }

  async show({ params, auth, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const user = auth.getUserOrFail()
    const hidden = await hiddenWorkflowIds(user)
    return { data: await new LoadReportsPage().showRun(params.id, user, hidden) }
  }
}
