import { UnrecoverableError } from 'bullmq'
import queueConfig, { type QueueName } from '#config/queue'
import type { DispatchOptions } from '#queue/job'
import type { BulkJob, FailedJob, QueueCounts, QueueDriver } from '#queue/driver'
import { executeJob } from '#queue/runner'

type Entry = {
  id: string
  queue: QueueName
  name: string
  payload: Record<string, unknown>
  attempt: number
  maxAttempts: number
  runAt: number
  priority: number
}

/**
 * The embedded default: jobs run in this process, with the same delays,
 * priorities, retries and back-off as on BullMQ. Nothing survives a
 * restart; the outbox and the reconcilers are what make that safe (every
 * side effect starts as a database row).
 */
export class MemoryDriver implements QueueDriver {
  readonly name = 'memory' as const
  #pending: Entry[] = []
  #active = new Map<string, Entry>()
  #failed = new Map<QueueName, (FailedJob & { entry: Entry })[]>()
  #completed = new Map<QueueName, number[]>()
  #paused = new Set<QueueName>()
  #working = new Set<QueueName>()
  #timer: NodeJS.Timeout | null = null
  #sequence = 0
  #idleWaiters: (() => void)[] = []

  async add(
    queue: QueueName,
    job: string,
    payload: Record<string, unknown>,
    options: DispatchOptions = {}
  ) {
    const id = options.jobId ?? `${Date.now()}-${++this.#sequence}`
    if (this.#active.has(id) || this.#pending.some((e) => e.id === id)) return id
    this.#pending.push({
      id,
      queue,
      name: job,
      payload,
      attempt: 1,
      maxAttempts: options.attempts ?? queueConfig.queues[queue].attempts,
      runAt: Date.now() + (options.delayMs ?? 0),
      priority: options.priority ?? 0,
    })
    this.#schedule(0)
    return id
  }

  async addBulk(jobs: BulkJob[]) {
    for (const entry of jobs) await this.add(entry.queue, entry.job, entry.payload, entry.options)
  }

  async work(options: { queues: QueueName[] }) {
    for (const queue of options.queues) this.#working.add(queue)
    this.#schedule(0)
  }

  async close() {
    this.#working.clear()
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    await this.idle(5000)
  }

  /**
   * Resolves once nothing runnable is pending or running (delayed jobs
   * further than `horizonMs` away do not count). For tests and shutdown.
   */
  idle(timeoutMs = 10000, horizonMs = 0) {
    const busy = () =>
      this.#active.size > 0 ||
      this.#pending.some((e) => this.#working.has(e.queue) && e.runAt <= Date.now() + horizonMs)
    if (!busy()) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('queue did not become idle in time')),
        timeoutMs
      )
      const check = () => {
        if (busy()) return this.#idleWaiters.push(check)
        clearTimeout(timer)
        resolve()
      }
      this.#idleWaiters.push(check)
    })
  }

  #schedule(ms: number) {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#pump(), ms)
    this.#timer.unref?.()
  }

  #pump() {
    this.#timer = null
    const now = Date.now()
    const runnable = this.#pending
      .filter((e) => e.runAt <= now && this.#working.has(e.queue) && !this.#paused.has(e.queue))
      .sort((a, b) => a.priority - b.priority || a.runAt - b.runAt)

    for (const entry of runnable) {
      const running = [...this.#active.values()].filter((e) => e.queue === entry.queue).length
      if (running >= queueConfig.queues[entry.queue].concurrency) continue
      this.#pending.splice(this.#pending.indexOf(entry), 1)
      this.#active.set(entry.id, entry)
      void this.#run(entry)
    }

    const next = this.#pending.filter((e) => this.#working.has(e.queue)).map((e) => e.runAt)
    if (next.length) this.#schedule(Math.max(0, Math.min(...next) - Date.now()))
    this.#notifyIdle()
  }

  async #run(entry: Entry) {
    try {
      await executeJob({
        jobId: entry.id,
        name: entry.name,
        payload: entry.payload,
        attempt: entry.attempt,
        maxAttempts: entry.maxAttempts,
        progress: async () => {},
      })
      const done = this.#completed.get(entry.queue) ?? []
      done.push(Date.now())
      this.#completed.set(
        entry.queue,
        done.filter((t) => t > Date.now() - 3600_000)
      )
    } catch (error) {
      const final = error instanceof UnrecoverableError || entry.attempt >= entry.maxAttempts
      if (final) {
        const list = this.#failed.get(entry.queue) ?? []
        list.unshift({
          id: entry.id,
          name: entry.name,
          payload: entry.payload,
          attempts: entry.attempt,
          error: (error as Error).message,
          stack: (error as Error).stack ?? null,
          failedAt: new Date().toISOString(),
          entry,
        })
        this.#failed.set(entry.queue, list.slice(0, queueConfig.retention.failed.count))
      } else {
        const backoff = queueConfig.queues[entry.queue].backoffMs * 2 ** (entry.attempt - 1)
        this.#pending.push({ ...entry, attempt: entry.attempt + 1, runAt: Date.now() + backoff })
      }
    } finally {
      this.#active.delete(entry.id)
      this.#schedule(0)
    }
  }

  #notifyIdle() {
    const waiters = this.#idleWaiters.splice(0)
    for (const waiter of waiters) waiter()
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const now = Date.now()
    const pending = this.#pending.filter((e) => e.queue === queue)
    return {
      waiting: pending.filter((e) => e.runAt <= now).length,
      delayed: pending.filter((e) => e.runAt > now).length,
      active: [...this.#active.values()].filter((e) => e.queue === queue).length,
      completed: (this.#completed.get(queue) ?? []).length,
      failed: (this.#failed.get(queue) ?? []).length,
      paused: this.#paused.has(queue),
    }
  }

  async failed(queue: QueueName, limit: number, offset = 0): Promise<FailedJob[]> {
    return (this.#failed.get(queue) ?? [])
      .slice(offset, offset + limit)
      .map(({ entry: _entry, ...job }) => job)
  }

  async retry(queue: QueueName, jobId?: string) {
    const list = this.#failed.get(queue) ?? []
    const chosen = jobId ? list.filter((j) => j.id === jobId) : list
    this.#failed.set(
      queue,
      list.filter((j) => !chosen.includes(j))
    )
    for (const job of chosen) this.#pending.push({ ...job.entry, attempt: 1, runAt: Date.now() })
    this.#schedule(0)
    return chosen.length
  }

  async remove(queue: QueueName, jobId: string) {
    this.#failed.set(
      queue,
      (this.#failed.get(queue) ?? []).filter((j) => j.id !== jobId)
    )
    this.#pending = this.#pending.filter((e) => !(e.queue === queue && e.id === jobId))
  }

  async pause(queue: QueueName) {
    this.#paused.add(queue)
  }

  async resume(queue: QueueName) {
    this.#paused.delete(queue)
    this.#schedule(0)
  }

  async throughput(queue: QueueName) {
    const buckets = Array.from({ length: 60 }, () => 0)
    const now = Date.now()
    for (const at of this.#completed.get(queue) ?? []) {
      const minutesAgo = Math.floor((now - at) / 60000)
      if (minutesAgo < 60) buckets[59 - minutesAgo]!++
    }
    return buckets
  }
}
