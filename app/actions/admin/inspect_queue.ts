import queueConfig, { type QueueName, type QueueSettings } from '#config/queue'
import queue from '#queue/queue_manager'
import type { FailedJob, QueueCounts } from '#queue/driver'

export const THROUGHPUT_MINUTES = 60

export type QueueReport = {
  name: QueueName
  driver: 'bullmq' | 'memory'
  settings: QueueSettings
  /** Null when the backend did not answer; `error` says why. */
  counts: QueueCounts | null
  /** Jobs completed per minute, oldest first, exactly one hour of minutes. */
  throughput: number[]
  error: string | null
}

/**
 * What an admin sees of a queue, read through the driver interface only
 * (BullMQ or the in-process driver alike). A queue backend that does not
 * answer is reported on the page instead of failing it: the page exists
 * to diagnose exactly that.
 */
export default class InspectQueue {
  async handle(name: QueueName): Promise<QueueReport> {
    const driver = queue.driver()
    const report: QueueReport = {
      name,
      driver: driver.name,
      settings: queueConfig.queues[name],
      counts: null,
      throughput: Array.from({ length: THROUGHPUT_MINUTES }, () => 0),
      error: null,
    }
    try {
      const [counts, throughput] = await Promise.all([driver.counts(name), driver.throughput(name)])
      report.counts = counts
      report.throughput = lastHour(throughput)
    } catch (error) {
      report.error = (error as Error).message
    }
    return report
  }

  /**
   * The most recent failed jobs (the driver keeps a bounded history).
   */
  async failed(name: QueueName, limit = 50, offset = 0): Promise<FailedJob[]> {
    return queue.driver().failed(name, limit, offset)
  }
}

/**
 * BullMQ returns only the minutes it has recorded (fewer while a queue is
 * young); the chart always shows sixty, so the missing ones are zeros.
 */
function lastHour(points: number[]) {
  const recent = points.slice(-THROUGHPUT_MINUTES).map((n) => (Number.isFinite(n) ? n : 0))
  return [...Array.from({ length: THROUGHPUT_MINUTES - recent.length }, () => 0), ...recent]
}
