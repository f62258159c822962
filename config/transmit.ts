import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import queueConfig from '#config/queue'
import { liveUpdatesRedis } from '#support/live_updates_transport'

/*
|--------------------------------------------------------------------------
| Live updates (server-sent events)
|--------------------------------------------------------------------------
|
| Without Redis every broadcast stays in this process, which is all the
| embedded default needs (its jobs run in the web server). With Redis a
| broadcast is also published on a Redis channel, so one made by a queue
| worker reaches the browsers connected to any web instance (single node
| or Cluster, the same servers as the queues). The channel carries the
| queue prefix: apps and test runs sharing a Redis never hear each other.
|
*/

const { redis, prefix } = queueConfig
const redisConfigured = Boolean(env.get('REDIS_HOST') || redis.cluster.length)

/**
 * Logged through the app's logger, which exists by the time a connection
 * can fail (transmit starts after the app has booted).
 */
function report(message: string, error: Error) {
  void import('@adonisjs/core/services/logger').then(({ default: logger }) =>
    logger.warn({ err: error }, message)
  )
}

const transmitConfig = defineConfig({
  /**
   * A comment line every 30 s keeps idle streams open through proxies
   * that close silent connections.
   */
  pingInterval: '30s',

  transport: redisConfigured
    ? {
        driver: liveUpdatesRedis({ ...redis, report }),
        channel: `{${prefix}}:transmit`,
      }
    : null,
})

export default transmitConfig
