import type { DateTime } from 'luxon'
import type Process from '#models/process'
import { ProcessClosed } from '#exceptions/process_errors'
import CommitProcessChange, {
  type ChangeResult,
  type EventDraft,
} from '#actions/processes/commit_process_change'

export type CommandBase = {
  process: Process
  expectedVersion: number
  actorId: number | null
  idempotencyKey?: string | null
  at?: DateTime
  /** Where the command came from, recorded in the event (e.g. `{ bulkOperationId }`). */
  origin?: Record<string, number | string>
}

/**
 * A command that changes one aspect of a process (assign, comment, update
 * data, cancel): one event through the engine's write path, decided by
 * `eventFor` after the write path's idempotency and version checks.
 * Authorization is the caller's (policies).
 */
export default abstract class ProcessCommand<Params extends CommandBase> {
  constructor(protected writer = new CommitProcessChange()) {}

  handle(params: Params): Promise<ChangeResult> {
    return this.writer.handle({
      process: params.process,
      expectedVersion: params.expectedVersion,
      actorId: params.actorId,
      idempotencyKey: params.idempotencyKey,
      at: params.at,
      event: async () => {
        const event = await this.eventFor(params)
        return params.origin
          ? { ...event, payload: { ...event.payload, origin: params.origin } }
          : event
      },
    })
  }

  protected abstract eventFor(params: Params): Promise<EventDraft>

  protected ensureOpen(process: Process) {
    if (process.status !== 'active') throw new ProcessClosed(process.status)
  }
}
