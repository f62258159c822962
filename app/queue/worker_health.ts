import { hostname } from 'node:os'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Logger } from '@adonisjs/core/logger'
import { createQueueConnection } from '#queue/redis_connection'
import { sqlTime } from '#support/sql_time'

/**
 * Warns loudly when Redis may evict keys: BullMQ needs every key it wrote.
 */
export async function checkRedisPolicy(
  logger: Logger | { warning(m: string): void; info(m: string): void }
) {
  const redis = createQueueConnection('producer')
  try {
    // A cluster client knows its nodes only once connected.
    await redis.ping()
    const nodes =
      'nodes' in redis && typeof redis.nodes === 'function' ? redis.nodes('master') : [redis]
    for (const node of nodes) {
      const [, policy] = (await node.config('GET', 'maxmemory-policy')) as [string, string]
      const say =
        'warning' in logger ? logger.warning.bind(logger) : (logger as Logger).warn.bind(logger)
      if (policy !== 'noeviction') {
        say(
          `Redis maxmemory-policy is "${policy}", not "noeviction": Redis may silently drop queued jobs. Set maxmemory-policy noeviction.`
        )
      }
    }
  } catch {
    // CONFIG may be disabled on managed Redis; nothing more to check.
  } finally {
    redis.disconnect()
  }
}

/**
 * A heartbeat row per worker process, so admins (and orchestrators) can
 * see which workers are alive.
 */
export function startHeartbeat(queues: string[]) {
  const id = `${hostname()}:${process.pid}`
  const beat = () =>
    db
      .table('worker_heartbeats')
      .insert({
        id,
        queues: queues.join(','),
        beat_at: sqlTime(DateTime.now()),
        started_at: sqlTime(DateTime.now()),
      })
      .onConflict('id')
      .merge(['queues', 'beat_at'])
      .catch(() => {})
  void beat()
  const timer = setInterval(beat, 10_000)
  timer.unref()
  return {
    stop: () => {
      clearInterval(timer)
      return db
        .from('worker_heartbeats')
        .where('id', id)
        .delete()
        .catch(() => {})
    },
  }
}
