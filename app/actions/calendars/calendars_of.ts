import db from '@adonisjs/lucid/services/db'
import { DEFAULT_CALENDAR, type BusinessCalendar } from '#engine/calendar'
import Calendar from '#models/calendar'
import { EpochCache } from '#support/access/access_epoch'
import { cachedWorkflows } from '#support/access/cached_rows'

/** True when a calendar with this key exists (for settings that name one, e.g. workflow access). */
export async function calendarExists(key: string): Promise<boolean> {
  return (await db.from('calendars').where('key', key).select('id').first()) !== null
}

/**
 * The calendar a workflow's SLAs count in: its own (`workflows.calendar_key`),
 * else the default one, else the built-in Mon–Fri 09:00–17:00 UTC — from
 * memory while the access epoch holds (`cachedCalendarsOfWorkflows`), so a
 * transition into a stage with a working-time SLA reads no calendar row.
 */
export async function calendarOfWorkflow(workflowId: number): Promise<BusinessCalendar> {
  const calendars = await cachedCalendarsOfWorkflows([workflowId])
  return calendars.get(workflowId) ?? DEFAULT_CALENDAR
}

type CalendarSet = { byKey: Map<string, BusinessCalendar>; fallback: BusinessCalendar }

/** Every calendar, read again when the access epoch moves (Calendar and Workflow hooks bump it). */
const calendarSets = new EpochCache<'all', CalendarSet>(1)

/**
 * The calendars of these workflows, chosen as `calendarOfWorkflow` chooses
 * (own, else default, else built-in), from memory while the access epoch
 * holds: no query for calendars or workflows already read under it. The
 * objects are shared while the epoch holds (callers memoize on them).
 */
export async function cachedCalendarsOfWorkflows(
  workflowIds: number[]
): Promise<Map<number, BusinessCalendar>> {
  const set = await calendarSets.get('all', async () => {
    const rows = await Calendar.query({
      client: db.connection(db.primaryConnectionName, { mode: 'write' }),
    })
    const byKey = new Map(rows.map((row) => [row.key, row.toEngine()]))
    const fallback = rows.find((row) => row.isDefault)
    return { byKey, fallback: (fallback && byKey.get(fallback.key)) ?? DEFAULT_CALENDAR }
  })
  const workflows = await cachedWorkflows(workflowIds)
  return new Map(
    workflowIds.map((id) => {
      const key = workflows.get(id)?.calendarKey
      return [id, (key ? set.byKey.get(key) : undefined) ?? set.fallback]
    })
  )
}
