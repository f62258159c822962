import type { DateTime } from 'luxon'

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * A timestamp as both SQLite and MySQL store it (UTC, second precision).
 * Formatted by hand: it runs several times per transition.
 */
export function sqlTime(value: DateTime | Date | null | undefined): string | null {
  if (!value) return null
  const d = value instanceof Date ? value : value.toJSDate()
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/**
 * The instant (ms) of a timestamp as a driver answers it: a Date (mysql2)
 * or UTC text without a zone (`2026-03-02 10:00:00.000`, SQLite). Null when
 * absent or unreadable.
 */
export function instantOfSql(value: unknown): number | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.getTime()
  const text = String(value).replace(' ', 'T')
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`)
  return Number.isNaN(ms) ? null : ms
}
