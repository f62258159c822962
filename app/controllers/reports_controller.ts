import type { HttpContext } from '@adonisjs/core/http'
import RequestReport from '#actions/reports/request_report'
import ExportReport from '#actions/reports/export_report'
import ScheduleReport, { unscheduleReport } from '#actions/reports/schedule_report'
import { normalizeReportParams } from '#actions/reports/normalize_report_params'
import LoadReportsPage from '#actions/reports/load_reports_page'
import { NotFound } from '#exceptions/domain_error'
import { requestReportValidator, reportScheduleValidator } from '#validators/report'
import { asDownload } from '#support/download'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

/**
 * Reports for managers and admins: the request form and the list of runs,
 * one run (live progress, then charts and tables), exports, schedules.
 * Every figure is computed by a worker (GenerateReport), never here.
 */
export default class ReportsController {
  async index({ inertia, auth, bouncer, request }: HttpContext) {
    await bouncer.authorize('viewReports')
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    const user = auth.getUserOrFail()
    return inertia.render(
      'reports/index',
      await new LoadReportsPage().handle(page, user, await hiddenWorkflowIds(user))
    )
  }

  async store({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.authorize('viewReports')
    const input = await request.validateUsing(requestReportValidator)
    const params = await normalizeReportParams(input, await hiddenWorkflowIds(auth.getUserOrFail()))
    const { run, reused } = await new RequestReport().handle({
      kind: input.kind,
      params,
      requestedBy: auth.getUserOrFail().id,
    })
    if (reused) session.flash('success', i18n.t('reports.flash.reused'))
    return response.redirect().toRoute('reports.runs.show', { id: run.id })
  }

  async show({ params, inertia, auth, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const user = auth.getUserOrFail()
    const hidden = await hiddenWorkflowIds(user)
    return inertia.render('reports/show', {
      run: await new LoadReportsPage().showRun(params.id, user, hidden),
    })
  }

  async export({ params, response, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewReports')
    const user = auth.getUserOrFail()
    const run = await new LoadReportsPage().findRun(params.id, user, await hiddenWorkflowIds(user))
    if (run.status !== 'completed' || !run.result) throw new NotFound('Report result')
    const exporter = new ExportReport()
    const name = `report-${run.id}-${run.kind}`
    if (params.format === 'xlsx') {
      asDownload(
        response,
        `${name}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      )
      return exporter.xlsx(run.result, i18n.locale)
    }
    asDownload(response, `${name}.csv`, 'text/csv; charset=utf-8')
    return exporter.csv(run.result, i18n.locale)
  }

  async schedule({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.authorize('viewReports')
    const input = await request.validateUsing(reportScheduleValidator)
    await new ScheduleReport().fromForm(input, auth.getUserOrFail())
    session.flash('success', i18n.t('reports.flash.scheduled'))
    return response.redirect().toRoute('reports.index')
  }

  async unschedule({ params, response, bouncer, session, i18n }: HttpContext) {
    await bouncer.authorize('viewReports')
    await unscheduleReport(Number(params.id))
    session.flash('success', i18n.t('reports.flash.unscheduled'))
    return response.redirect().toRoute('reports.index')
  }
}
