/**
 * Preloaded (`node --import`) into worker processes of the crash tests
 * only: sets BullMQ's `lockDuration` and `stalledInterval` on every Worker
 * from SF_TEST_LOCK_DURATION_MS / SF_TEST_STALLED_INTERVAL_MS, as if
 * app/queue/bullmq_driver.ts passed them.
 *
 * Why: the app keeps BullMQ's defaults (30 s lock, 30 s stalled check), so
 * a job whose worker was SIGKILLed comes back after 30–60 s — too slow for
 * a test suite. The test measures recovery with short values here, and
 * can be run with the defaults (RESILIENCE_STALL=stock) to measure them.
 *
 * `createLockManager` is BullMQ's documented extension point; the
 * constructor calls it after merging the options and before the worker
 * runs, so changing `this.opts` there is seen by the lock manager, the
 * lock TTL given to moveToActive and the stalled checker.
 */
import { Worker } from 'bullmq'

const lockDuration = Number(process.env.SF_TEST_LOCK_DURATION_MS)
const stalledInterval = Number(process.env.SF_TEST_STALLED_INTERVAL_MS)

if (lockDuration > 0 && stalledInterval > 0) {
  const proto = Worker.prototype as unknown as {
    createLockManager(this: { opts: Record<string, unknown> }): void
  }
  const original = proto.createLockManager
  proto.createLockManager = function (this: { opts: Record<string, unknown> }) {
    this.opts.lockDuration = lockDuration
    this.opts.lockRenewTime = lockDuration / 2
    this.opts.stalledInterval = stalledInterval
    return original.call(this)
  }
}
