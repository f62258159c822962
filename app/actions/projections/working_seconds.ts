/**
 * The working time of stage visits: the part of a visit inside the business
 * calendar of its workflow (the one its working-time SLAs count in:
 * `calendarOfWorkflow`), in whole seconds (rounded, like `duration_seconds`
 * on SQLite). SQL cannot walk a calendar (zones, daylight saving, holidays),
 * so it is computed here, a batch of visits at a time, with the calendars
 * kept in memory (`cachedCalendarsOfWorkflows`) and each calendar's days
 * memoized (`workingTimeMeter`).
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { BusinessCalendar } from '#engine/calendar'
import { workingTimeMeter } from '#engine/working_time'
import { cachedCalendarsOfWorkflows } from '#actions/calendars/calendars_of'
import { dialectOf, raw } from '#actions/reports/sql'
import { instantOfSql } from '#support/sql_time'

/** A visit's times as SQL answers them. */
export type VisitTimes = { workflow_id: unknown; entered_at: unknown; left_at: unknown }

/** workflow id → calendar; resolve before a transaction (the lookup may read the primary). */
export type WorkflowCalendars = Map<number, BusinessCalendar>

/** One meter per calendar object (they are shared while the access epoch holds). */
const meters = new WeakMap<BusinessCalendar, ReturnType<typeof workingTimeMeter>>()

function meterOf(calendar: BusinessCalendar) {
  let meter = meters.get(calendar)
  if (!meter) meters.set(calendar, (meter = workingTimeMeter(calendar)))
  return meter
}

/** The calendars of these workflows (no query while they are in memory). */
export function calendarsOf(workflowIds: Iterable<unknown>): Promise<WorkflowCalendars> {
  return cachedCalendarsOfWorkflows([...new Set([...workflowIds].map(Number))])
}

/** The calendars of the workflows of these processes: one primary-key read. */
export async function calendarsOfProcesses(client: QueryClientContract, ids: number[]) {
  if (!ids.length) return new Map() as WorkflowCalendars
  const rows = await raw(
    client,
    `SELECT DISTINCT workflow_id FROM processes WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids
  )
  return calendarsOf(rows.map((r) => r.workflow_id))
}

/** Working seconds of a visit; null while it is open. */
export function workingSecondsIn(calendars: WorkflowCalendars, visit: VisitTimes) {
  const from = instantOfSql(visit.entered_at)
  const to = instantOfSql(visit.left_at)
  const calendar = calendars.get(Number(visit.workflow_id))
  if (from === null || to === null || !calendar) return null
  return Math.round(meterOf(calendar)(new Date(from), new Date(to)) / 1000)
}

/** Sets `working_seconds` on rows that carry a visit's times (fresh derivations). */
export async function withWorkingSeconds<T extends VisitTimes>(rows: T[]) {
  const closed = rows.filter((r) => r.left_at !== null && r.left_at !== undefined)
  const calendars = closed.length ? await calendarsOf(closed.map((r) => r.workflow_id)) : new Map()
  for (const row of rows) {
    ;(row as T & { working_seconds: number | null }).working_seconds = workingSecondsIn(
      calendars,
      row
    )
  }
  return rows
}

const CHUNK = 400

/**
 * Stores the working seconds of the closed visits of these processes (just
 * inserted by `projectProcesses`): one read, then one UPDATE per 400 visits.
 * `calendars` must name the processes' workflows.
 */
export async function storeWorkingSeconds(
  trx: QueryClientContract,
  ids: number[],
  calendars: WorkflowCalendars
) {
  if (!ids.length) return
  const d = dialectOf(trx)
  const rows = await raw(
    trx,
    `SELECT process_id, entered_sequence, workflow_id, entered_at, left_at FROM stage_visits
     WHERE process_id IN (${ids.map(() => '?').join(', ')}) AND left_at IS NOT NULL`,
    ids
  )
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const values = chunk
      .map((_, n) => (n === 0 ? 'SELECT ? AS pid, ? AS seq, ? AS w' : 'SELECT ?, ?, ?'))
      .join(' UNION ALL ')
    const bindings = chunk.flatMap((r) => [
      Number(r.process_id),
      Number(r.entered_sequence),
      workingSecondsIn(calendars, r),
    ])
    await trx.rawQuery(
      d.mysql
        ? `UPDATE stage_visits sv JOIN (${values}) v
             ON sv.process_id = v.pid AND sv.entered_sequence = v.seq SET sv.working_seconds = v.w`
        : `UPDATE stage_visits SET working_seconds = v.w FROM (${values}) AS v
             WHERE stage_visits.process_id = v.pid AND stage_visits.entered_sequence = v.seq`,
      bindings as any[]
    )
  }
}
