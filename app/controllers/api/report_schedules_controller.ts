import type { HttpContext } from '@adonisjs/core/http'
import ReportSchedule from '#models/report_schedule'
import User from '#models/user'
import ScheduleReport, { unscheduleReport } from '#actions/reports/schedule_report'
import { presentSchedule } from '#actions/reports/present_reports'
import { NotFound } from '#exceptions/domain_error'
import { keyset, pageOf } from '#support/cursor'
import { cursorListValidator } from '#validators/api_list'
import { reportScheduleValidator } from '#validators/report'

/** A schedule as the reports page lists it, plus the recipients' ids. */
async function present(schedules: ReportSchedule[]) {
  const ids = [...new Set(schedules.flatMap((s) => s.recipients))]
  const users = ids.length ? await User.query().whereIn('id', ids).select('id', 'name') : []
  const names = new Map(users.map((u) => [u.id, u.name]))
  return schedules.map((s) => ({ ...presentSchedule(s, names), recipientIds: s.recipients }))
}

/**
 * Report schedules over the JSON API (managers and admins), with the
 * reports page's actions: list (newest first), create, read, delete.
 */
export default class ReportSchedulesController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const { rows, metadata } = pageOf(await keyset(ReportSchedule.query(), input), input)
    return { data: await present(rows), metadata }
  }

  async store({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const input = await request.validateUsing(reportScheduleValidator)
    const schedule = await new ScheduleReport().fromForm(input, auth.getUserOrFail())
    const [data] = await present([schedule])
    response.status(201)
    return { data }
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    const schedule = await ReportSchedule.find(Number(params.id) || 0)
    if (!schedule) throw new NotFound('Schedule')
    const [data] = await present([schedule])
    return { data }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewReports')
    await unscheduleReport(Number(params.id))
    return response.noContent()
  }
}
