import queueConfig, { type QueueName } from '#config/queue'
import type { DispatchOptions, JobClass } from '#queue/job'
import type { QueueDriver } from '#queue/driver'
import { MemoryDriver } from '#queue/memory_driver'
import { BullMQDriver } from '#queue/bullmq_driver'
import { queueOf } from '#queue/registry'

export const QUEUE_NAMES = Object.keys(queueConfig.queues) as QueueName[]

/**
 * The queue facade: one `dispatch` for every job, whichever backend runs
 * it. Requests never dispatch directly; they write the outbox, and the
 * relay dispatches (see app/queue/outbox_relay.ts).
 */
class QueueManager {
  #driver: QueueDriver | null = null

  driver(): QueueDriver {
    this.#driver ??= queueConfig.driver === 'bullmq' ? new BullMQDriver() : new MemoryDriver()
    return this.#driver
  }

  dispatch<Payload extends Record<string, unknown>>(
    job: JobClass<Payload>,
    payload: Payload,
    options?: DispatchOptions & { queue?: QueueName }
  ) {
    return this.driver().add(options?.queue ?? queueOf(job.jobName), job.jobName, payload, options)
  }

  async close() {
    await this.#driver?.close()
    this.#driver = null
  }
}

const queue = new QueueManager()
export default queue
