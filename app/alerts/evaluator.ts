import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import alertsConfig from '#config/alerts'
import { StateStore } from '#automation/state_store'
import EvaluateAlerts from '#alerts/evaluate_alerts'
import DeliverAlerts from '#alerts/deliver_alerts'

const LOCK = { scope: 'global', name: 'alerts.evaluator' } as const

/**
 * The alert evaluator: a timer in every queue worker (and in the web
 * server on the embedded default). Each round, the process that holds the
 * evaluator lock in the database evaluates every enabled rule and sends
 * due deliveries; the others only try to take the lock, so one process
 * evaluates at a time and another takes over within `lockTtlMs` when it
 * dies. It deliberately does not go through the queue: the lock and every
 * signal but the queue's own are in the database, so alerts about a dead
 * Redis still fire.
 */
export class AlertEvaluator {
  #owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  #running = false
  #loop: Promise<void> | null = null
  #wake: (() => void) | null = null
  #store = new StateStore()

  constructor(protected options = alertsConfig) {}

  start() {
    if (!this.options.evaluator || this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  async stop() {
    this.#running = false
    this.#wake?.()
    await this.#loop
    await this.#store.releaseLock(LOCK.scope, LOCK.name, this.#owner).catch(() => {})
  }

  /** One round, if this process holds (or takes) the lock; false when another one evaluates. */
  async round() {
    const lock = await this.#store.acquireLock(
      LOCK.scope,
      LOCK.name,
      this.#owner,
      this.options.lockTtlMs
    )
    if (!lock.acquired) return false
    await new EvaluateAlerts().handle()
    await new DeliverAlerts().handle()
    return true
  }

  async #run() {
    while (this.#running) {
      try {
        await this.round()
      } catch (error) {
        logger.warn({ err: error }, 'alert evaluation failed; trying again next round')
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.everyMs)
        this.#wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  }
}
