import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ReportSchedule from '#models/report_schedule'
import User from '#models/user'
import { InvalidInput, NotFound } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'
import type { ReportKind, ReportParams } from '#actions/reports/types'
import { normalizeReportParams } from '#actions/reports/normalize_report_params'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

/** Scheduled reports go out at this local hour, in the schedule's time zone. */
export const SEND_HOUR = 7

/** The next send time after `after`: tomorrow (or next Monday) at SEND_HOUR local. */
export function nextRunAfter(frequency: 'daily' | 'weekly', timezone: string, after: DateTime) {
  const local = after.setZone(timezone)
  let next = local.startOf('day').set({ hour: SEND_HOUR })
  if (frequency === 'weekly') {
    next = local.startOf('week').set({ hour: SEND_HOUR })
  }
  while (next <= local) next = next.plus(frequency === 'weekly' ? { weeks: 1 } : { days: 1 })
  return next.toUTC()
}

/**
 * The days a scheduled report covers when it goes out at `at`: the day
 * before (daily) or the last seven days (weekly).
 */
export function scheduledRange(
  frequency: 'daily' | 'weekly',
  timezone: string,
  at: DateTime
): Pick<ReportParams, 'from' | 'to'> {
  const yesterday = at.setZone(timezone).minus({ days: 1 })
  const from = frequency === 'weekly' ? yesterday.minus({ days: 6 }) : yesterday
  return { from: from.toISODate()!, to: yesterday.toISODate()! }
}

/** Queues the schedule's next send as a delayed outbox message. */
export async function queueNextSend(trx: TransactionClientContract, schedule: ReportSchedule) {
  await trx.table('outbox_messages').insert({
    topic: 'report.schedule_due',
    queue: 'reports',
    payload: JSON.stringify({ scheduleId: schedule.id, dueAt: schedule.nextRunAt.toISO() }),
    status: 'pending',
    attempts: 0,
    available_at: sqlTime(schedule.nextRunAt),
    created_at: sqlTime(DateTime.now()),
  })
}

/**
 * Creates a daily or weekly report e-mailed to chosen users. The first
 * send is queued in the same transaction; each send queues the next.
 */
export default class ScheduleReport {
  /**
   * The schedule form (page and POST /api/v1/report-schedules): checks the
   * workflow and time zone as a run's filters are checked, for `viewer`.
   */
  async fromForm(
    input: {
      kind: ReportKind
      workflowId?: number | null
      frequency: 'daily' | 'weekly'
      timezone: string
      recipients: number[]
    },
    viewer: User
  ) {
    // A schedule's dates are set at each send (the day or week before it).
    const params = await normalizeReportParams(
      {
        workflowId: input.workflowId,
        timezone: input.timezone,
        from: '2000-01-01',
        to: '2000-01-01',
      },
      await hiddenWorkflowIds(viewer)
    )
    return this.handle({
      kind: input.kind,
      params,
      frequency: input.frequency,
      recipients: input.recipients,
      createdBy: viewer.id,
    })
  }

  async handle(input: {
    kind: ReportKind
    /** The dates are ignored: each send covers the day or week before it. */
    params: ReportParams
    frequency: 'daily' | 'weekly'
    recipients: number[]
    createdBy: number
  }) {
    const recipients = [...new Set(input.recipients)]
    const found = await User.query()
      .whereIn('id', recipients)
      .withScopes((s) => s.active())
      .select('id')
    if (found.length !== recipients.length) {
      throw new InvalidInput('Every recipient must be an active user.', [
        { field: 'recipients', message: 'Choose active users' },
      ])
    }
    return db.transaction(async (trx) => {
      const schedule = await ReportSchedule.create(
        {
          kind: input.kind,
          params: { ...input.params, from: '', to: '' },
          frequency: input.frequency,
          recipients,
          createdBy: input.createdBy,
          nextRunAt: nextRunAfter(input.frequency, input.params.timezone, DateTime.utc()),
          lastRunAt: null,
        },
        { client: trx }
      )
      await queueNextSend(trx, schedule)
      return schedule
    })
  }
}

/** Deletes a schedule (any manager or admin may, as on the reports page); 404 when gone. */
export async function unscheduleReport(id: number) {
  const schedule = await ReportSchedule.find(id || 0)
  if (!schedule) throw new NotFound('Schedule')
  await schedule.delete()
  return schedule
}
