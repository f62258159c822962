import { parseDuration } from '#engine/duration'

/**
 * Durations of automated steps: the workflow units ("30m", "2h", "1d")
 * plus the short ones a network call needs ("500ms", "10s"). Pure.
 * Returns milliseconds, or null when the text is not a positive duration.
 */
export function parseStepDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const short = /^([1-9][0-9]{0,6})(ms|s)$/.exec(value.trim())
  if (short) return Number(short[1]) * (short[2] === 's' ? 1000 : 1)
  return parseDuration(value)
}
