import { Redis, Cluster, type ClusterNode } from 'ioredis'
import type {
  Serializable,
  SubscribeHandler,
  Transport,
  TransportFactory,
} from '@boringnode/bus/types/main'

export type LiveUpdatesRedisOptions = {
  host: string
  port: number
  password?: string
  /** Seeds of a Redis Cluster; when given, host and port are not used. */
  cluster: ClusterNode[]
  /** Told about connection problems (at most once a minute per kind of error). */
  report: (message: string, error: Error) => void
}

type Connection = Redis | Cluster
type Envelope = { busId: string; payload: Serializable }

const REPORT_EVERY_MS = 60_000
const QUIT_WAIT_MS = 1000

/**
 * Redis pub/sub for transmit, so a broadcast made in one process (a queue
 * worker) reaches the event streams held by every web instance.
 *
 * Unlike the stock transport, this one is shaped for live updates, which
 * are hints to refresh rather than data:
 * - with Redis away a broadcast is dropped, never queued in memory (the
 *   bus would otherwise keep every failed one until Redis returns);
 * - connection errors go to `report`, not to stderr as ioredis's
 *   "unhandled error event";
 * - closing never waits for a Redis that is not there, so shutdown and
 *   short ace commands do not hang when it is down.
 */
export class LiveUpdatesRedisTransport implements Transport {
  #id = ''
  #publisher: Connection
  #subscriber: Connection
  #handlers = new Map<string, SubscribeHandler<any>[]>()
  #lastReport = new Map<string, number>()
  // Resolved by disconnect(). ioredis leaves commands queued while it waits
  // to reconnect forever when disconnect() lands in that pause (there is no
  // socket left whose close would flush the queue), so every command we
  // await is raced against it.
  #markClosed!: () => void
  #closed = new Promise<void>((resolve) => (this.#markClosed = resolve))
  #isClosed = false

  constructor(protected options: LiveUpdatesRedisOptions) {
    // The publisher gives up on a command after one failed reconnection:
    // nothing piles up while Redis is away.
    this.#publisher = this.#connect({ maxRetriesPerRequest: 1 })
    // The subscriber waits as long as it takes and subscribes again on reconnect.
    this.#subscriber = this.#connect({ maxRetriesPerRequest: null })
    this.#subscriber.on('message', (channel: string, raw: string) => this.#receive(channel, raw))
  }

  #connect(overrides: { maxRetriesPerRequest: number | null }): Connection {
    const { host, port, password, cluster } = this.options
    const retryStrategy = (times: number) => Math.min(200 * 2 ** Math.min(times, 5), 5000)
    const connection: Connection = cluster.length
      ? new Cluster(cluster, {
          redisOptions: { password, ...overrides },
          clusterRetryStrategy: retryStrategy,
        })
      : new Redis({ host, port, password, retryStrategy, ...overrides })
    connection.on('error', (error: Error) => this.#report('live updates: Redis error', error))
    return connection
  }

  #report(message: string, error: Error) {
    const key = `${message}:${error.message}`
    const last = this.#lastReport.get(key) ?? 0
    if (Date.now() - last < REPORT_EVERY_MS) return
    this.#lastReport.set(key, Date.now())
    this.options.report(message, error)
  }

  #receive(channel: string, raw: string) {
    const handlers = this.#handlers.get(channel)
    if (!handlers) return
    let envelope: Envelope
    try {
      envelope = JSON.parse(raw) as Envelope
    } catch {
      return
    }
    // This process already delivered its own broadcasts locally.
    if (envelope.busId === this.#id) return
    for (const handler of handlers) void handler(envelope.payload)
  }

  setId(id: string) {
    this.#id = id
    return this
  }

  onReconnect(callback: () => void) {
    this.#publisher.on('ready', callback)
  }

  async publish(channel: string, message: Serializable) {
    if (this.#isClosed) return
    const envelope: Envelope = { busId: this.#id, payload: message }
    try {
      await this.#untilClosed(this.#publisher.publish(channel, JSON.stringify(envelope)))
    } catch (error) {
      this.#report('live update not published to Redis', error as Error)
    }
  }

  /**
   * Never rejects: transmit subscribes at start-up without awaiting, so a
   * rejection (Redis away, or closed while connecting) would go unhandled.
   * ioredis subscribes again by itself once connected.
   */
  async subscribe<T extends Serializable>(channel: string, handler: SubscribeHandler<T>) {
    this.#handlers.set(channel, [...(this.#handlers.get(channel) ?? []), handler])
    if (this.#isClosed) return
    await this.#untilClosed(this.#subscriber.subscribe(channel)).catch((error: Error) => {
      if (!this.#isClosed) this.#report('live updates: subscribe failed', error)
    })
  }

  async unsubscribe(channel: string) {
    this.#handlers.delete(channel)
    await this.#untilClosed(this.#subscriber.unsubscribe(channel)).catch(() => {})
  }

  /** The command's own outcome, or nothing once the transport is closed. */
  async #untilClosed(command: Promise<unknown>) {
    command.catch(() => {}) // may reject after we stopped listening
    await Promise.race([command, this.#closed])
  }

  async disconnect() {
    this.#isClosed = true
    this.#markClosed()
    await Promise.all([this.#publisher, this.#subscriber].map((connection) => close(connection)))
  }
}

async function close(connection: Connection) {
  if (connection.status !== 'ready') {
    connection.disconnect()
    return
  }
  const timer = setTimeout(() => connection.disconnect(), QUIT_WAIT_MS)
  await connection.quit().catch(() => connection.disconnect())
  clearTimeout(timer)
}

export function liveUpdatesRedis(options: LiveUpdatesRedisOptions): TransportFactory {
  return () => new LiveUpdatesRedisTransport(options)
}
