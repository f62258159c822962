import { DateTime } from 'luxon'

/**
 * A timestamp as both SQLite and MySQL store it (UTC, second precision).
 */
export function sqlTime(value: DateTime | Date | null | undefined): string | null {
  if (!value) return null
  const dt = value instanceof Date ? DateTime.fromJSDate(value) : value
  return dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}
