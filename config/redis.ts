import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Redis is optional: with REDIS_HOST unset the app runs on its embedded
 * defaults and never opens this connection (connections are made lazily).
 * Reconnects never give up; the delay grows to 5 s between tries.
 */
const retryStrategy = (times: number) => Math.min(times * 100, 5000)

/** With REDIS_CLUSTER_NODES (host:port seeds) sessions and the cache use the cluster too. */
const clusterNodes = (env.get('REDIS_CLUSTER_NODES') || '')
  .split(',')
  .map((node) => node.trim())
  .filter(Boolean)
  .map((node) => {
    const [host, port] = node.split(':')
    return { host: host!, port: Number(port || 6379) }
  })

const redisConfig = defineConfig({
  connection: 'main',

  connections: {
    main: clusterNodes.length
      ? {
          clusters: clusterNodes,
          clusterOptions: {
            clusterRetryStrategy: retryStrategy,
            redisOptions: { password: env.get('REDIS_PASSWORD') || undefined },
          },
        }
      : {
          host: env.get('REDIS_HOST') || '127.0.0.1',
          port: env.get('REDIS_PORT') || 6379,
          password: env.get('REDIS_PASSWORD') || undefined,
          db: 0,
          keyPrefix: '',
          retryStrategy,
        },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
