import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Queues
|--------------------------------------------------------------------------
|
| BullMQ on Redis (single node or Redis Cluster) when Redis is configured;
| otherwise the same job classes run in-process in the web server, with
| delays and retries, so the quick start needs no servers.
|
*/

export type QueueName = 'notifications' | 'reports' | 'automation' | 'timers' | 'default'

export type QueueSettings = {
  /** Jobs processed at once per worker process. */
  concurrency: number
  /** Tries before a job fails for good. */
  attempts: number
  /** First retry delay; doubles each attempt (exponential back-off). */
  backoffMs: number
}

const clusterNodes = (env.get('REDIS_CLUSTER_NODES') || '')
  .split(',')
  .map((node) => node.trim())
  .filter(Boolean)
  .map((node) => {
    const [host, port] = node.split(':')
    return { host: host!, port: Number(port || 6379) }
  })

const redisConfigured = Boolean(env.get('REDIS_HOST') || clusterNodes.length)

const queueConfig = {
  driver: env.get('QUEUE_DRIVER') || (redisConfigured ? 'bullmq' : 'memory'),

  /**
   * Keys of queue Q live under the hash tag {<prefix>:Q}: on a Redis
   * Cluster each queue's keys share one slot (BullMQ's Lua scripts need
   * that) while different queues spread over the cluster.
   */
  prefix: env.get('QUEUE_PREFIX') || 'sf',

  redis: {
    host: env.get('REDIS_HOST') || '127.0.0.1',
    port: env.get('REDIS_PORT') || 6379,
    password: env.get('REDIS_PASSWORD') || undefined,
    cluster: clusterNodes,
  },

  queues: {
    notifications: { concurrency: 10, attempts: 6, backoffMs: 1000 },
    reports: { concurrency: 1, attempts: 2, backoffMs: 5000 },
    automation: { concurrency: 5, attempts: 8, backoffMs: 2000 },
    timers: { concurrency: 5, attempts: 6, backoffMs: 1000 },
    default: { concurrency: 5, attempts: 4, backoffMs: 1000 },
  } satisfies Record<QueueName, QueueSettings>,

  /**
   * Bounded job history, so Redis memory levels off.
   */
  retention: {
    completed: { age: 24 * 3600, count: 2000 },
    failed: { age: 14 * 24 * 3600, count: 10000 },
  },

  /**
   * The outbox relay: how many messages it publishes per round and how
   * long it sleeps when there was nothing to do; standby relays (another
   * worker holds the lease) check the lease every `standbyMs`, so a failover
   * takes at most lockTtlMs + standbyMs.
   */
  relay: { batchSize: 200, idleMs: 200, lockTtlMs: 15000, standbyMs: 1000 },

  /**
   * BullMQ worker locks. A job whose worker died (SIGKILL, lost machine)
   * goes back to the queue once its lock expires and a stalled check runs:
   * within lockDuration + stalledInterval (BullMQ's defaults are 30 s each).
   * Workers renew the lock every lockDuration / 2 while a job runs.
   */
  worker: {
    lockDurationMs: env.get('QUEUE_LOCK_DURATION_MS') || 15_000,
    stalledIntervalMs: env.get('QUEUE_STALLED_INTERVAL_MS') || 5_000,
  },

  /** Seconds a worker may take to finish its jobs on SIGTERM. */
  shutdownGraceSeconds: 30,
}

export default queueConfig
