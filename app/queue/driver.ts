import type { QueueName } from '#config/queue'
import type { DispatchOptions } from '#queue/job'

export type QueueCounts = {
  waiting: number
  active: number
  delayed: number
  completed: number
  failed: number
  paused: boolean
}

export type BulkJob = {
  queue: QueueName
  job: string
  payload: Record<string, unknown>
  options?: DispatchOptions
}

export type FailedJob = {
  id: string
  name: string
  payload: Record<string, unknown>
  attempts: number
  error: string
  stack: string | null
  failedAt: string | null
}

/**
 * What the app needs from a queue backend. BullMQ (Redis) in production,
 * an in-process implementation for the embedded default.
 */
export interface QueueDriver {
  readonly name: 'bullmq' | 'memory'
  add(
    queue: QueueName,
    job: string,
    payload: Record<string, unknown>,
    options?: DispatchOptions
  ): Promise<string>
  /** Adds many jobs in as few round trips as the backend allows. */
  addBulk(jobs: BulkJob[]): Promise<void>
  work(options: { queues: QueueName[]; concurrency?: number }): Promise<void>
  close(): Promise<void>
  counts(queue: QueueName): Promise<QueueCounts>
  /** The failed jobs, most recent first: `limit` of them from position `offset`. */
  failed(queue: QueueName, limit: number, offset?: number): Promise<FailedJob[]>
  retry(queue: QueueName, jobId?: string): Promise<number>
  remove(queue: QueueName, jobId: string): Promise<void>
  pause(queue: QueueName): Promise<void>
  resume(queue: QueueName): Promise<void>
  /** Jobs completed per minute over the last hour (oldest first). */
  throughput(queue: QueueName): Promise<number[]>
}
