import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import queueConfig from '#config/queue'
import type { BulkJob, QueueDriver } from '#queue/driver'
import { jobForTopic, queueOf } from '#queue/registry'
import { createQueueConnection } from '#queue/redis_connection'
import { sqlTime } from '#support/sql_time'
import { sweepDueTimers } from '#actions/processes/process_timers'
import { relayBatches, relayMessages } from '#support/metrics/instruments'
import { SpanKind, contextOf, startSpan, traceparentOf } from '#support/observability/tracing'

/**
 * Publishes the transactional outbox to the queues. Each pending message
 * becomes a job whose id is the message id, so publishing twice (after a
 * crash between publish and mark) is a no-op while the job exists, and
 * handlers are idempotent for the rest. When Redis is down the messages
 * stay pending and are retried with back-off: nothing is lost.
 *
 * With BullMQ several workers run a relay, but only the one holding the
 * Redis lock publishes; the others stand by and take over when its lock
 * expires.
 */
export class OutboxRelay {
  #running = false
  #lastReconcile = 0
  #lastPrune = 0
  #lastRetention = 0
  #lastLeaseNote = 0
  #stopped: Promise<void> | null = null
  #lock: RelayLock | null

  constructor(
    protected driver: QueueDriver,
    protected options = queueConfig.relay
  ) {
    this.#lock = driver.name === 'bullmq' ? new RelayLock(options.lockTtlMs) : null
  }

  start() {
    if (this.#running) return
    this.#running = true
    this.#stopped = this.#loop()
  }

  async stop() {
    this.#running = false
    await this.#stopped
    await this.#lock?.release()
  }

  get isLeader() {
    return this.#lock ? this.#lock.held : this.#running
  }

  async #loop() {
    while (this.#running) {
      let leased = false
      try {
        if (this.#lock && !(await this.#lock.acquireOrRenew())) {
          // Standing by: look again soon, so a failover waits only for the lease to expire.
          await sleep(this.options.standbyMs)
          continue
        }
        leased = true
        const published = await this.tick()
        await this.#reconcileNowAndThen()
        if (published === 0) await sleep(this.options.idleMs)
      } catch (error) {
        if (!leased) await this.#noteLeaseFailure(error as Error)
        logger.warn({ err: error }, 'outbox relay round failed; retrying')
        await sleep(1000)
      }
    }
  }

  /**
   * The leader also queues the periodic jobs: the timer reconciler and the
   * stage-visits projector once a minute, the expired-session clean-up
   * every 15 minutes, retention (archives) every hour (job ids make
   * each one run per period across all workers).
   */
  async #reconcileNowAndThen() {
    const minute = Math.floor(Date.now() / 60_000)
    if (minute === this.#lastReconcile) return
    this.#lastReconcile = minute
    await this.driver.add(
      queueOf('reconcile_timers'),
      'reconcile_timers',
      {},
      {
        jobId: `reconcile-${minute}`,
      }
    )
    await this.driver.add(
      queueOf('project_stage_visits'),
      'project_stage_visits',
      {},
      { jobId: `project-stage-visits-${minute}` }
    )
    const quarter = Math.floor(minute / 15)
    if (quarter !== this.#lastPrune) {
      this.#lastPrune = quarter
      await this.driver.add(
        queueOf('prune_sessions'),
        'prune_sessions',
        {},
        {
          jobId: `prune-sessions-${quarter}`,
        }
      )
    }
    const hour = Math.floor(minute / 60)
    if (hour !== this.#lastRetention) {
      this.#lastRetention = hour
      await this.driver.add(
        queueOf('run_retention'),
        'run_retention',
        {},
        { jobId: `retention-${hour}` }
      )
    }
  }

  /**
   * One round: publishes up to a batch of due messages, then dispatches
   * up to a batch of due timers (process_timers: an index range, nothing
   * read when nothing is due). Returns how many jobs were queued.
   */
  async tick(): Promise<number> {
    const published = await this.#publishOutbox()
    return published + (await sweepDueTimers(this.driver, { limit: this.options.batchSize }))
  }

  async #publishOutbox(): Promise<number> {
    const rows = await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('available_at', '<=', sqlTime(DateTime.now())!)
      .orderBy('id')
      .limit(this.options.batchSize)
    if (!rows.length) return 0

    const jobs: BulkJob[] = []
    const unhandled: number[] = []
    const spans: ReturnType<typeof startSpan>[] = []
    for (const row of rows) {
      const target = jobForTopic(row.topic)
      if (!target) {
        unhandled.push(Number(row.id))
        continue
      }
      const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
      // The trace of the command that wrote the row goes on through this publish into the job.
      const span = row.traceparent
        ? startSpan(`outbox publish ${row.topic}`, {
            kind: SpanKind.PRODUCER,
            parent: contextOf(row.traceparent),
            attributes: { 'job.name': target.job, 'outbox.id': Number(row.id) },
          })
        : null
      if (span) spans.push(span)
      jobs.push({
        queue: target.queue,
        job: target.job,
        payload: {
          ...payload,
          outboxId: Number(row.id),
          topic: row.topic,
          ...(span ? { traceparent: traceparentOf(span) } : {}),
        },
        options: { jobId: `outbox-${row.id}` },
      })
    }
    if (unhandled.length) {
      for (const row of rows.filter((r) => unhandled.includes(Number(r.id)))) {
        await db
          .from('outbox_messages')
          .where('id', row.id)
          .update({ status: 'failed', last_error: `No job handles "${row.topic}"` })
      }
    }
    if (!jobs.length) return 0

    const ids = jobs.map((entry) => Number(entry.payload.outboxId))
    try {
      await this.driver.addBulk(jobs)
    } catch (error) {
      for (const span of spans) span.end()
      // Redis is unreachable: keep the messages, try again later with back-off.
      // A part that did reach Redis is published again as a no-op (same job ids).
      await this.#keepForRetry(rows, error as Error)
      relayBatches.inc({ result: 'failed' })
      logger.warn(
        { err: error, outboxIds: [ids[0], ids.at(-1)] },
        'outbox publish failed; messages kept for retry'
      )
      return 0
    }
    await db
      .from('outbox_messages')
      .whereIn('id', ids)
      .update({ status: 'sent', sent_at: sqlTime(DateTime.now()) })
    for (const span of spans) span.end()
    relayBatches.inc({ result: 'published' })
    relayMessages.inc(ids.length)
    return ids.length
  }

  async #keepForRetry(rows: { id: number; attempts: number }[], error: Error) {
    const attempts = Math.max(...rows.map((row) => Number(row.attempts))) + 1
    const retryIn = Math.min(1000 * 2 ** Math.min(attempts, 6), 60_000)
    await db
      .from('outbox_messages')
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .where('status', 'pending')
      .update({
        attempts,
        last_error: String(error.message).slice(0, 1000),
        available_at: sqlTime(DateTime.now().plus({ milliseconds: retryIn })),
      })
  }

  /**
   * The relay could not even reach Redis for its lease: say so on the due
   * messages (the engine health page shows last_error), at most every 2 s.
   */
  async #noteLeaseFailure(error: Error) {
    if (Date.now() - this.#lastLeaseNote < 2000) return
    this.#lastLeaseNote = Date.now()
    await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('available_at', '<=', sqlTime(DateTime.now())!)
      .update({ last_error: `Relay cannot reach Redis: ${String(error.message).slice(0, 900)}` })
      .catch(() => {})
  }
}

/**
 * A lease in Redis: SET NX PX, renewed only by its owner.
 */
class RelayLock {
  #key = `{${queueConfig.prefix}:relay}:lock`
  #owner = randomUUID()
  #redis: ReturnType<typeof createQueueConnection> | null = null
  held = false

  constructor(protected ttlMs: number) {}

  async acquireOrRenew() {
    this.#redis ??= createQueueConnection('producer')
    if (this.held) {
      const renewed = await this.#redis.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
        1,
        this.#key,
        this.#owner,
        String(this.ttlMs)
      )
      this.held = renewed === 1
    } else {
      this.held = (await this.#redis.set(this.#key, this.#owner, 'PX', this.ttlMs, 'NX')) === 'OK'
    }
    return this.held
  }

  async release() {
    if (!this.#redis) return
    if (this.held) {
      await this.#redis
        .eval(
          "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
          1,
          this.#key,
          this.#owner
        )
        .catch(() => {})
    }
    this.held = false
    await this.#redis.quit().catch(() => this.#redis?.disconnect())
    this.#redis = null
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
