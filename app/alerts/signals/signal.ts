import type { DateTime } from 'luxon'

export type SignalContext = {
  /** The rule's window in seconds (ignored by signals that do not use one). */
  windowSeconds: number
  /** The end of the window: now, or `now − offset` for a trend's baseline. */
  at: DateTime
}

/** Reads one signal's current value (a number of seconds or a count). */
export type SignalReader = (context: SignalContext) => Promise<number>
