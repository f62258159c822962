import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'
import type { MemoryDriver } from '#queue/memory_driver'

let working = false

/**
 * Runs the real pipeline in the test process: the outbox relay publishes
 * everything pending, then the workers of the configured driver (BullMQ on
 * Redis, or in-process) run until no job is waiting or running.
 */
export async function drainOutbox(timeoutMs = 15000) {
  const driver = queue.driver()
  if (!working) {
    await driver.work({ queues: QUEUE_NAMES })
    working = true
  }
  const relay = new OutboxRelay(driver)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    while ((await relay.tick()) > 0) {}
    await waitForIdle(deadline)
    if ((await relay.tick()) === 0) break
    if (Date.now() > deadline) throw new Error('outbox did not drain in time')
  }
}

export async function waitForIdle(deadline = Date.now() + 15000) {
  const driver = queue.driver()
  if (driver.name === 'memory') {
    await (driver as MemoryDriver).idle(Math.max(1, deadline - Date.now()))
    return
  }
  for (;;) {
    const counts = await Promise.all(QUEUE_NAMES.map((q) => driver.counts(q)))
    if (counts.every((c) => c.waiting === 0 && c.active === 0)) return
    if (Date.now() > deadline) throw new Error('queues did not become idle in time')
    await new Promise((r) => setTimeout(r, 25))
  }
}

export async function stopQueues() {
  working = false
  await queue.close()
}
