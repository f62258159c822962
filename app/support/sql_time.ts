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
