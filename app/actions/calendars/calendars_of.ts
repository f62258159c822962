import db from '@adonisjs/lucid/services/db'
import { DEFAULT_CALENDAR, type BusinessCalendar } from '#engine/calendar'
import Calendar from '#models/calendar'

/** True when a calendar with this key exists (for settings that name one, e.g. workflow access). */
export async function calendarExists(key: string): Promise<boolean> {
  return (await db.from('calendars').where('key', key).select('id').first()) !== null
}

/**
 * The calendar a workflow's SLAs count in: its own (`workflows.calendar_key`),
 * else the default one, else the built-in Mon–Fri 09:00–17:00 UTC. One query.
 */
export async function calendarOfWorkflow(workflowId: number): Promise<BusinessCalendar> {
  const row = await Calendar.query()
    .where((q) =>
      q
        .whereIn('key', (sub) =>
          sub.from('workflows').where('id', workflowId).select('calendar_key')
        )
        .orWhere('is_default', true)
    )
    // The workflow's own calendar first, then the default.
    .orderBy('is_default', 'asc')
    .first()
  return row?.toEngine() ?? DEFAULT_CALENDAR
}
