import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Rate-limit counters must be shared by every app instance: Redis when it
 * is configured, the database otherwise.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE') || (env.get('REDIS_HOST') ? 'redis' : 'database'),

  stores: {
    redis: stores.redis({ connectionName: 'main' }),
    database: stores.database({ tableName: 'rate_limits' }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
