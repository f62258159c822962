import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Redis is optional: with REDIS_HOST unset the app runs on its embedded
 * defaults and never opens this connection (connections are made lazily).
 * Reconnects never give up; the delay grows to 5 s between tries.
 */
const redisConfig = defineConfig({
  connection: 'main',

  connections: {
    main: {
      host: env.get('REDIS_HOST') || '127.0.0.1',
      port: env.get('REDIS_PORT') || 6379,
      password: env.get('REDIS_PASSWORD') || undefined,
      db: 0,
      keyPrefix: '',
      retryStrategy(times: number) {
        return Math.min(times * 100, 5000)
      },
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
