import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import type { SignalReader } from '#alerts/signals/signal'

/** How many of each queue's newest failed jobs are looked at. */
const LOOK_AT = 500

/**
 * Jobs that failed for good (after their last try) within the window,
 * over every queue. Read from the queue backend: with BullMQ it cannot be
 * read while Redis is down (the rule keeps its state and shows the error).
 */
const failedJobs: SignalReader = async ({ windowSeconds, at }) => {
  const since = at.toMillis() - windowSeconds * 1000
  const driver = queue.driver()
  let count = 0
  for (const name of QUEUE_NAMES) {
    for (const job of await driver.failed(name, LOOK_AT)) {
      const failedAt = job.failedAt ? Date.parse(job.failedAt) : Number.NaN
      if (failedAt >= since && failedAt <= at.toMillis()) count++
    }
  }
  return count
}

export default failedJobs
