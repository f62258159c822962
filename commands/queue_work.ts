import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * A queue worker process: runs the jobs of the chosen queues and the
 * outbox relay (one relay active across all workers, via a Redis lease).
 * SIGTERM/SIGINT: stop taking jobs, finish the running ones, exit.
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Run queue workers (and the outbox relay) until SIGTERM'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({
    description: 'Queues to work (default: all)',
    parse: (v) => (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')),
  })
  declare queue: string[]

  @flags.number({ description: 'Jobs at once per queue (default: per-queue setting)' })
  declare concurrency: number

  @flags.boolean({
    description: 'Run the outbox relay in this process (--no-relay: jobs only)',
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare relay: boolean

  async run() {
    const { default: queue, QUEUE_NAMES } = await import('#queue/queue_manager')
    const { OutboxRelay } = await import('#queue/outbox_relay')
    const { startHeartbeat, checkRedisPolicy } = await import('#queue/worker_health')
    const { AlertEvaluator } = await import('#alerts/evaluator')

    const queues = (this.queue?.length ? this.queue : QUEUE_NAMES) as typeof QUEUE_NAMES
    const unknown = queues.filter((q) => !QUEUE_NAMES.includes(q))
    if (unknown.length) {
      return this.fail(`Unknown queue(s): ${unknown.join(', ')}. Known: ${QUEUE_NAMES.join(', ')}`)
    }

    // Before taking jobs: a metrics port that cannot be served stops the worker here.
    let metrics: Awaited<ReturnType<typeof this.serveMetrics>>
    try {
      metrics = await this.serveMetrics()
    } catch (error) {
      return this.fail(`cannot serve metrics: ${(error as Error).message}`)
    }

    const driver = queue.driver()
    if (driver.name === 'bullmq') await checkRedisPolicy(this.logger)
    await driver.work({ queues, concurrency: this.concurrency })
    const relay = this.relay === false ? null : new OutboxRelay(driver)
    relay?.start()
    const heartbeat = startHeartbeat(queues)
    // Every worker runs the alert evaluator; a database lock lets one evaluate at a time.
    const alerts = new AlertEvaluator()
    alerts.start()
    this.logger.info(
      `working ${queues.join(', ')} with the ${driver.name} driver${relay ? ' (+ outbox relay)' : ''}; pid ${process.pid}`
    )

    // bin/console.ts turns SIGTERM into app.terminate(); its "terminating"
    // hooks run before the database and Redis connections close, so running
    // jobs finish first.
    // Each step is timed in the log, so a worker slow to leave says where it waited.
    this.app.terminating(async () => {
      this.logger.info('stopping: finishing running jobs…')
      const started = performance.now()
      const step = async (name: string, stop: () => Promise<unknown> | undefined) => {
        const t0 = performance.now()
        await stop()
        this.logger.info(`stopping: ${name} stopped in ${Math.round(performance.now() - t0)} ms`)
      }
      await step('heartbeat', () => heartbeat.stop())
      await step('alert evaluator', () => alerts.stop())
      await step('metrics server', () => metrics?.close())
      await step('outbox relay', () => relay?.stop())
      await step('queues', () => queue.close())
      this.logger.info(`worker stopped in ${Math.round(performance.now() - started)} ms`)
    })
    process.once('SIGINT', () => void this.app.terminate())
  }

  /**
   * Stops with exit code 1. The command stays alive by design, so
   * returning is not enough: the app is terminated (its connections
   * closed), which ends the process.
   */
  protected async fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
    await this.terminate()
  }

  /** This worker's GET /metrics on METRICS_PORT (none when unset). */
  protected async serveMetrics() {
    const { default: settings } = await import('#config/metrics')
    if (!settings.port) return null
    await import('#start/metrics')
    const { startWorkerMetricsServer } = await import('#support/metrics/worker_server')
    const metrics = await startWorkerMetricsServer({ ...settings, port: settings.port })
    this.logger.info(`metrics on http://${settings.host}:${metrics.address.port}/metrics`)
    return metrics
  }
}
