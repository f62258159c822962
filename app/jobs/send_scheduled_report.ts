import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'
import { appUrl } from '#config/app'
import ReportRun from '#models/report_run'
import ReportSchedule from '#models/report_schedule'
import User from '#models/user'
import ComputeReport from '#actions/reports/compute_report'
import ExportReport from '#actions/reports/export_report'
import { paramsHash } from '#actions/reports/normalize_report_params'
import { nextRunAfter, queueNextSend, scheduledRange } from '#actions/reports/schedule_report'

type Payload = { scheduleId: number; dueAt: string }

/**
 * Sends one scheduled report: computes it as a run (so the e-mailed link
 * opens it), mails each recipient the link and an XLSX attachment, and
 * queues the next send. A repeated delivery of the same due time is a no-op.
 */
export default class SendScheduledReport extends Job<Payload> {
  static jobName = 'send_scheduled_report'

  async handle(payload: Payload, context: JobContext) {
    const schedule = await ReportSchedule.find(payload.scheduleId)
    if (!schedule) return
    const dueAt = DateTime.fromISO(payload.dueAt, { zone: 'utc' })
    if (schedule.lastRunAt && schedule.lastRunAt.toMillis() >= dueAt.toMillis()) return

    const params = {
      ...schedule.params,
      ...scheduledRange(schedule.frequency, schedule.params.timezone, dueAt),
    }
    const result = await new ComputeReport().handle({ kind: schedule.kind, params })
    const run = await ReportRun.create({
      kind: schedule.kind,
      params,
      paramsHash: paramsHash(schedule.kind, params),
      status: 'completed',
      progress: 100,
      result,
      error: null,
      requestedBy: schedule.createdBy,
      scheduleId: schedule.id,
      startedAt: DateTime.now(),
      finishedAt: DateTime.now(),
    })
    const exporter = new ExportReport()
    const users = await User.query()
      .whereIn('id', schedule.recipients)
      .withScopes((s) => s.active())
    const link = `${appUrl}/reports/runs/${run.id}`
    for (const user of users) {
      const attachment = await exporter.xlsx(result, user.locale ?? 'en')
      await mail.send((message) => {
        message
          .to(user.email, user.name)
          .subject(`[Stageflow] ${schedule.kind} report ${params.from} – ${params.to}`)
          .text(`Your ${schedule.frequency} ${schedule.kind} report is ready:\n\n${link}\n`)
          .html(
            `<p>Your ${schedule.frequency} ${schedule.kind} report is ready.</p><p><a href="${link}">${link}</a></p>`
          )
          .attachData(attachment, {
            filename: `report-${run.id}.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          })
      })
    }

    await db.transaction(async (trx) => {
      schedule.useTransaction(trx)
      schedule.lastRunAt = dueAt
      // After a pause (workers down for days) send once, not once per missed day.
      const after = DateTime.max(dueAt, DateTime.utc())
      schedule.nextRunAt = nextRunAfter(schedule.frequency, schedule.params.timezone, after)
      await schedule.save()
      await queueNextSend(trx, schedule)
    })
    context.logger.info({ scheduleId: schedule.id, runId: run.id }, 'scheduled report sent')
  }
}
