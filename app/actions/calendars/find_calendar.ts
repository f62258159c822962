import Calendar from '#models/calendar'
import { NotFound } from '#exceptions/domain_error'

/** The calendar with this key (404 when none). */
export async function findCalendar(key: string) {
  const calendar = await Calendar.findBy('key', key)
  if (!calendar) throw new NotFound(`Calendar "${key}"`)
  return calendar
}

/** Every calendar, the default first, then by name. */
export function listCalendars() {
  return Calendar.query().orderBy('is_default', 'desc').orderBy('name').orderBy('key')
}
