import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import queueConfig from '#config/queue'
import type { QueueDriver } from '#queue/driver'
import { jobForTopic } from '#queue/registry'
import { createQueueConnection } from '#queue/redis_connection'
import { sqlTime } from '#support/sql_time'

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
      try {
        if (this.#lock && !(await this.#lock.acquireOrRenew())) {
          await sleep(this.options.lockTtlMs / 3)
          continue
        }
        const published = await this.tick()
        await this.#reconcileNowAndThen()
        if (published === 0) await sleep(this.options.idleMs)
      } catch (error) {
        logger.warn({ err: error }, 'outbox relay round failed; retrying')
        await sleep(1000)
      }
    }
  }

  /**
   * The leader also queues the timer reconciler once a minute (the job
   * id makes it one run per minute across all workers).
   */
  async #reconcileNowAndThen() {
    const minute = Math.floor(Date.now() / 60_000)
    if (minute === this.#lastReconcile) return
    this.#lastReconcile = minute
    await this.driver.add('timers', 'reconcile_timers', {}, { jobId: `reconcile-${minute}` })
  }

  /**
   * One round: publishes up to a batch of due messages. Returns how many
   * were published.
   */
  async tick(): Promise<number> {
    const rows = await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('available_at', '<=', sqlTime(DateTime.now())!)
      .orderBy('id')
      .limit(this.options.batchSize)
    const sent: number[] = []

    for (const row of rows) {
      const target = jobForTopic(row.topic)
      if (!target) {
        await db
          .from('outbox_messages')
          .where('id', row.id)
          .update({ status: 'failed', last_error: `No job handles "${row.topic}"` })
        continue
      }
      try {
        const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
        await this.driver.add(
          target.queue,
          target.job,
          { ...payload, outboxId: Number(row.id), topic: row.topic },
          { jobId: `outbox-${row.id}` }
        )
        sent.push(Number(row.id))
      } catch (error) {
        // Redis is unreachable: keep the message, try again later, stop this round.
        const attempts = Number(row.attempts) + 1
        const retryIn = Math.min(1000 * 2 ** Math.min(attempts, 6), 60_000)
        await db
          .from('outbox_messages')
          .where('id', row.id)
          .update({
            attempts,
            last_error: String((error as Error).message).slice(0, 1000),
            available_at: sqlTime(DateTime.now().plus({ milliseconds: retryIn })),
          })
        logger.warn(
          { err: error, outboxId: row.id },
          'outbox publish failed; message kept for retry'
        )
        break
      }
    }

    if (sent.length) {
      await db
        .from('outbox_messages')
        .whereIn('id', sent)
        .update({ status: 'sent', sent_at: sqlTime(DateTime.now()) })
    }
    return sent.length
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
