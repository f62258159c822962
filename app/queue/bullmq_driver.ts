import { Queue, Worker, type Job as BullJob } from 'bullmq'
import logger from '@adonisjs/core/services/logger'
import queueConfig, { type QueueName } from '#config/queue'
import type { DispatchOptions } from '#queue/job'
import type { BulkJob, FailedJob, QueueCounts, QueueDriver } from '#queue/driver'
import { executeJob } from '#queue/runner'
import { createQueueConnection, queuePrefix } from '#queue/redis_connection'

/**
 * BullMQ on Redis (single node or Cluster). Producers share one
 * fail-fast connection; each worker gets its own patient one. Job history
 * is bounded by age and count.
 */
export class BullMQDriver implements QueueDriver {
  readonly name = 'bullmq' as const
  #producer: ReturnType<typeof createQueueConnection> | null = null
  #queues = new Map<QueueName, Queue>()
  #workers: Worker[] = []
  #workerConnections: ReturnType<typeof createQueueConnection>[] = []

  queue(name: QueueName) {
    let queue = this.#queues.get(name)
    if (!queue) {
      this.#producer ??= createQueueConnection('producer')
      queue = new Queue(name, { connection: this.#producer, prefix: queuePrefix(name) })
      queue.on('error', (error) =>
        logger.warn({ err: error, queue: name }, 'queue connection error')
      )
      this.#queues.set(name, queue)
    }
    return queue
  }

  async add(
    queue: QueueName,
    job: string,
    payload: Record<string, unknown>,
    options: DispatchOptions = {}
  ) {
    const added = await this.queue(queue).add(job, payload, this.#jobOptions(queue, options))
    return added.id!
  }

  /**
   * One MULTI per queue (a queue's keys share a hash slot, so this also
   * holds on a Redis Cluster).
   */
  async addBulk(jobs: BulkJob[]) {
    const byQueue = new Map<QueueName, BulkJob[]>()
    for (const entry of jobs) byQueue.set(entry.queue, [...(byQueue.get(entry.queue) ?? []), entry])
    await Promise.all(
      [...byQueue].map(([queue, entries]) =>
        this.queue(queue).addBulk(
          entries.map((entry) => ({
            name: entry.job,
            data: entry.payload,
            opts: this.#jobOptions(queue, entry.options ?? {}),
          }))
        )
      )
    )
  }

  #jobOptions(queue: QueueName, options: DispatchOptions) {
    const settings = queueConfig.queues[queue]
    return {
      jobId: options.jobId,
      delay: options.delayMs,
      priority: options.priority,
      attempts: options.attempts ?? settings.attempts,
      backoff: { type: 'exponential' as const, delay: settings.backoffMs },
      removeOnComplete: queueConfig.retention.completed,
      removeOnFail: queueConfig.retention.failed,
    }
  }

  async work(options: { queues: QueueName[]; concurrency?: number }) {
    for (const name of options.queues) {
      const connection = createQueueConnection('worker')
      this.#workerConnections.push(connection)
      const worker = new Worker(name, (job: BullJob) => this.#process(job), {
        connection,
        prefix: queuePrefix(name),
        concurrency: options.concurrency ?? queueConfig.queues[name].concurrency,
        metrics: { maxDataPoints: 60 * 24 },
        lockDuration: queueConfig.worker.lockDurationMs,
        stalledInterval: queueConfig.worker.stalledIntervalMs,
      })
      worker.on('error', (error) =>
        logger.warn({ err: error, queue: name }, 'worker connection error')
      )
      this.#workers.push(worker)
    }
  }

  #process(job: BullJob) {
    return executeJob({
      jobId: job.id!,
      name: job.name,
      payload: job.data,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
      progress: (value) => job.updateProgress(value),
    })
  }

  /**
   * Graceful: running jobs finish (or are returned to the queue when the
   * process is killed; BullMQ's stalled-job check hands them to another
   * worker), no new ones start.
   */
  async close() {
    await Promise.all(this.#workers.map((w) => w.close()))
    await Promise.all([...this.#queues.values()].map((q) => q.close()))
    for (const connection of [
      ...this.#workerConnections,
      ...(this.#producer ? [this.#producer] : []),
    ]) {
      await connection.quit().catch(() => connection.disconnect())
    }
    this.#workers = []
    this.#workerConnections = []
    this.#queues.clear()
    this.#producer = null
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const q = this.queue(queue)
    const counts = await q.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
      'prioritized'
    )
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      paused: await q.isPaused(),
    }
  }

  async failed(queue: QueueName, limit: number, offset = 0): Promise<FailedJob[]> {
    const jobs = await this.queue(queue).getFailed(offset, offset + limit - 1)
    return jobs.map((job) => ({
      id: job.id!,
      name: job.name,
      payload: job.data,
      attempts: job.attemptsMade,
      error: job.failedReason,
      stack: job.stacktrace?.[0] ?? null,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    }))
  }

  async retry(queue: QueueName, jobId?: string) {
    const q = this.queue(queue)
    if (jobId) {
      const job = await q.getJob(jobId)
      if (!job) return 0
      await job.retry('failed')
      return 1
    }
    const count = await q.getFailedCount()
    await q.retryJobs({ state: 'failed' })
    return count
  }

  async remove(queue: QueueName, jobId: string) {
    await this.queue(queue).remove(jobId)
  }

  async pause(queue: QueueName) {
    await this.queue(queue).pause()
  }

  async resume(queue: QueueName) {
    await this.queue(queue).resume()
  }

  async throughput(queue: QueueName) {
    const metrics = await this.queue(queue).getMetrics('completed', 0, 59)
    // BullMQ returns newest first, one point per minute.
    return [...metrics.data].reverse().map(Number)
  }
}
