import { Redis, Cluster, type RedisOptions } from 'ioredis'
import queueConfig from '#config/queue'

/**
 * A Redis connection for the queues: a Cluster client when seeds are
 * configured, else a single node. Reconnects forever with back-off.
 *
 * - `worker`: blocking commands wait for Redis as long as it takes
 *   (maxRetriesPerRequest null), so a Redis restart never stops a worker.
 * - `producer`: fails fast (a request must not hang on a dead Redis):
 *   commands wait for the first connection, then fail after one retry.
 */
export function createQueueConnection(role: 'worker' | 'producer') {
  const { redis } = queueConfig
  const common: RedisOptions = {
    password: redis.password,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 5), 5000),
    lazyConnect: false,
  }
  if (redis.cluster.length) {
    // Per-node options stay minimal: the cluster client owns reconnection
    // (clusterRetryStrategy); a node-level retryStrategy or lazyConnect keeps
    // node connections alive and a worker would hang on SIGTERM.
    return new Cluster(redis.cluster, {
      redisOptions: {
        password: common.password,
        maxRetriesPerRequest: common.maxRetriesPerRequest,
      },
      maxRedirections: 16,
      clusterRetryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 5), 5000),
      enableOfflineQueue: true,
    })
  }
  return new Redis({ ...common, host: redis.host, port: redis.port })
}

export function queuePrefix(queue: string) {
  return `{${queueConfig.prefix}:${queue}}`
}
