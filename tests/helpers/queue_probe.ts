import { Queue } from 'bullmq'
import { Redis, Cluster } from 'ioredis'
import type { RedisTarget } from '#tests/helpers/worker_process'

/**
 * Looks into the test's own Redis from the test process: BullMQ's view
 * of a queue (counts, a job, its locks) and the relay lease. Independent
 * of the app's queue configuration, which in the test process points to
 * the run's Redis (or none).
 */
export class QueueProbe {
  readonly redis: Redis | Cluster
  #queues = new Map<string, Queue>()

  constructor(
    protected target: RedisTarget,
    public prefix: string
  ) {
    const options = { maxRetriesPerRequest: 1, retryStrategy: () => 200, lazyConnect: false }
    this.redis =
      'port' in target
        ? new Redis({ host: '127.0.0.1', port: target.port, ...options })
        : new Cluster(
            target.clusterSeeds.split(',').map((seed) => {
              const [host, port] = seed.split(':')
              return { host: host!, port: Number(port) }
            }),
            { redisOptions: options }
          )
    this.redis.on('error', () => {})
  }

  queue(name: string) {
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: `{${this.prefix}:${name}}` })
      queue.on('error', () => {})
      this.#queues.set(name, queue)
    }
    return queue
  }

  counts(name = 'notifications') {
    return this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')
  }

  /** How many jobs of the queue are in one state. */
  async count(
    state: 'waiting' | 'active' | 'delayed' | 'completed' | 'failed',
    name = 'notifications'
  ) {
    const counts = await this.queue(name).getJobCounts(state)
    return counts[state] ?? 0
  }

  job(id: string, name = 'notifications') {
    return this.queue(name).getJob(id)
  }

  /** Job lock keys left in the queue (a job some worker claims to run). */
  async locks(name = 'notifications') {
    const pattern = `{${this.prefix}:${name}}:${name}:*:lock`
    const nodes = this.redis instanceof Cluster ? this.redis.nodes('master') : [this.redis]
    const keys: string[] = []
    for (const node of nodes) {
      let cursor = '0'
      do {
        const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
        cursor = next
        keys.push(...found)
      } while (cursor !== '0')
    }
    return keys
  }

  /** The relay lease: its owner token and remaining TTL, or null. */
  async lease() {
    const key = `{${this.prefix}:relay}:lock`
    const [owner, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)])
    return owner ? { owner, ttlMs: ttl } : null
  }

  async close() {
    for (const queue of this.#queues.values()) await queue.close().catch(() => {})
    this.#queues.clear()
    await this.redis.quit().catch(() => this.redis.disconnect())
  }
}
