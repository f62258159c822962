import type { Logger } from '@adonisjs/core/logger'

export type JobContext = {
  jobId: string
  /** 1 for the first try. */
  attempt: number
  maxAttempts: number
  logger: Logger
  /** Reports progress (0–100) where the queue can show it. */
  progress(value: number): Promise<void>
}

export type DispatchOptions = {
  delayMs?: number
  /** Lower runs first (BullMQ semantics); 1 is the highest priority. */
  priority?: number
  /** De-duplicates while the job exists; effects are made exactly-once by the handler. */
  jobId?: string
  attempts?: number
}

/**
 * A unit of background work. Payloads carry ids only (they are stored in
 * clear text); `handle` must be idempotent, because a job can run again
 * after a crash. Throw `UnrecoverableError` (from bullmq) for failures a
 * retry cannot fix. `failed` runs once when the job has failed for good.
 */
export abstract class Job<Payload extends Record<string, unknown> = Record<string, unknown>> {
  /** The registry name (app/queue/registry.ts), where its queue is set. */
  static jobName: string
  /**
   * A periodic housekeeping job (the timer reconciler): its successful runs
   * log at debug, so they do not fill a console once a minute. Failures
   * still log at warn.
   */
  static routine = false

  abstract handle(payload: Payload, context: JobContext): Promise<void>

  async failed(_payload: Payload, _error: Error): Promise<void> {}
}

export type JobClass<Payload extends Record<string, unknown> = Record<string, unknown>> = {
  new (...args: any[]): Job<Payload>
  jobName: string
  routine?: boolean
}
