/** Raised by replay when a process's event history cannot be folded into a state. */
export type ReplayErrorCode =
  | 'no_events'
  | 'sequence_gap'
  | 'out_of_order'
  | 'not_started'
  | 'already_started'
  | 'invalid_event'
  | 'unknown_version'
  | 'unknown_stage'
  | 'stage_mismatch'
  | 'version_mismatch'
  | 'process_closed'

/** The event history is inconsistent; the process cannot be reconstructed. */
export class ReplayError extends Error {
  readonly code: ReplayErrorCode
  /** Sequence of the offending event, when there is one. */
  readonly sequence: number | null

  constructor(code: ReplayErrorCode, message: string, sequence: number | null = null) {
    super(sequence === null ? message : `Event #${sequence}: ${message}`)
    this.name = 'ReplayError'
    this.code = code
    this.sequence = sequence
  }
}
