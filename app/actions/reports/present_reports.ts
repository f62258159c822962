import type ReportRun from '#models/report_run'
import type ReportSchedule from '#models/report_schedule'

/**
 * The shapes the report pages receive (never the models themselves).
 */
export function presentRun(run: ReportRun) {
  return {
    id: run.id,
    kind: run.kind,
    params: run.params,
    status: run.status,
    progress: run.progress,
    error: run.error,
    requestedBy: run.requester?.name ?? null,
    scheduled: run.scheduleId !== null,
    createdAt: run.createdAt.toISO()!,
    finishedAt: run.finishedAt?.toISO() ?? null,
  }
}

export function presentRunWithResult(run: ReportRun) {
  return { ...presentRun(run), result: run.result }
}

export function presentSchedule(schedule: ReportSchedule, names: Map<number, string>) {
  return {
    id: schedule.id,
    kind: schedule.kind,
    frequency: schedule.frequency,
    workflowId: schedule.params.workflowId,
    timezone: schedule.params.timezone,
    recipients: schedule.recipients.map((id) => names.get(id) ?? `#${id}`),
    nextRunAt: schedule.nextRunAt.toISO()!,
    lastRunAt: schedule.lastRunAt?.toISO() ?? null,
  }
}
