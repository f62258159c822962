/**
 * Durations as written in workflow definitions: a positive integer followed
 * by a unit, e.g. "30m", "2h", "3d", "1w".
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY

/** Milliseconds per unit, largest first (formatting relies on that order). */
const UNITS = [
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
] as const

const UNIT_MS: Record<string, number> = Object.fromEntries(UNITS)

// No leading zeros or whitespace: a duration has exactly one spelling per
// unit, which keeps stored definitions canonical.
const DURATION_PATTERN = /^([1-9][0-9]*)([mhdw])$/

/**
 * Parses a duration such as "2h".
 *
 * @returns the duration in milliseconds, or `null` when `input` is not a
 *   valid duration (wrong shape, zero, or too large to be exact).
 */
export function parseDuration(input: unknown): number | null {
  if (typeof input !== 'string') return null
  const match = DURATION_PATTERN.exec(input)
  if (!match) return null
  const ms = Number(match[1]) * UNIT_MS[match[2]]
  // Beyond 2^53 the arithmetic is no longer exact, so dates derived from
  // the duration would be wrong; treat such values as invalid.
  return Number.isSafeInteger(ms) ? ms : null
}

/** True when `input` is a valid duration string. */
export function isDuration(input: unknown): input is string {
  return parseDuration(input) !== null
}

/**
 * Formats milliseconds as a canonical duration string, using the largest
 * unit that represents the value exactly (5_400_000 → "90m", 7_200_000 →
 * "2h", 604_800_000 → "1w"). `parseDuration(formatDuration(ms)) === ms`.
 *
 * @throws RangeError when `ms` is not a positive whole number of minutes,
 *   since no duration string could represent it.
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms % MINUTE !== 0) {
    throw new RangeError(`${ms} ms is not a positive whole number of minutes.`)
  }
  for (const [unit, size] of UNITS) {
    if (ms % size === 0) return `${ms / size}${unit}`
  }
  // Unreachable: every whole number of minutes is divisible by MINUTE.
  throw new RangeError(`${ms} ms cannot be formatted.`)
}

/**
 * Human-readable rendering for UIs ("1d 4h", "-2h 5m", "0m"), rounding
 * towards zero to whole minutes and showing at most `parts` units. Unlike
 * `formatDuration` it accepts any finite number (e.g. time left until a due
 * date, which may be negative).
 */
export function describeDuration(ms: number, parts = 2): string {
  if (!Number.isFinite(ms)) return '—'
  const sign = ms < 0 ? '-' : ''
  let rest = Math.floor(Math.abs(ms) / MINUTE) * MINUTE
  const pieces: string[] = []
  for (const [unit, size] of UNITS) {
    if (pieces.length >= parts) break
    const count = Math.floor(rest / size)
    if (count > 0) {
      pieces.push(`${count}${unit}`)
      rest -= count * size
    }
  }
  return pieces.length === 0 ? '0m' : `${sign}${pieces.join(' ')}`
}

/** An SLA: wall-clock milliseconds, or an amount of working time in a business calendar. */
export type SlaDuration =
  | { working: false; ms: number }
  | { working: true; amount: number; unit: 'days' | 'hours' | 'minutes' }

// "2 working days", "1 working day", "16 working hours", "90 working minutes".
const WORKING_PATTERN = /^([1-9][0-9]{0,5}) working (day|hour|minute)s?$/

/**
 * Parses an SLA duration: a wall-clock one ("3d") or a working one
 * ("2 working days", "16 working hours", "30 working minutes").
 *
 * @returns null when `input` is neither.
 */
export function parseSlaDuration(input: unknown): SlaDuration | null {
  const ms = parseDuration(input)
  if (ms !== null) return { working: false, ms }
  if (typeof input !== 'string') return null
  const match = WORKING_PATTERN.exec(input)
  if (!match) return null
  return { working: true, amount: Number(match[1]), unit: `${match[2]}s` as 'days' }
}
