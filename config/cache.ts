import env from '#start/env'
import { configProvider } from '@adonisjs/core'
import { defineConfig, store, drivers } from '@adonisjs/cache'

/*
|--------------------------------------------------------------------------
| Cache
|--------------------------------------------------------------------------
|
| With Redis (single node or Cluster): an in-memory first tier in each
| instance, Redis as the shared second tier, and a Redis pub/sub bus that
| tells every instance to drop its in-memory copy when one instance deletes
| or replaces a key (e.g. on publishing a workflow). Without Redis (the
| embedded default, one instance): memory only.
|
| Keys live under "<QUEUE_PREFIX>:cache" so that test runs (which get a
| prefix of their own) never read each other's entries.
|
*/
const redisConfigured = Boolean(env.get('REDIS_HOST') || env.get('REDIS_CLUSTER_NODES'))
const prefix = `${env.get('QUEUE_PREFIX') || 'sf'}:cache`

/**
 * The bus on the app's own Redis connection (duplicated for pub and sub):
 * the package's helper reads host/port options, which a Cluster has not.
 */
const redisBus = configProvider.create(async (app) => {
  const redis = await app.container.make('redis')
  const { redisBusDriver } = await import('bentocache/drivers/redis')
  return redisBusDriver({ connection: redis.connection('main').ioConnection })
})

const memory = () => drivers.memory({ maxSize: '32mb', maxItems: 5000 })

const local = store({ prefix }).useL1Layer(memory())

// Defined only with Redis: the cache manager resolves every store at boot,
// and this one opens Redis connections.
const shared = redisConfigured
  ? store({ prefix })
      .useL1Layer(memory())
      .useL2Layer(drivers.redis({ connectionName: 'main', prefix }))
      .useBus(redisBus)
  : local

const cacheConfig = defineConfig({
  default: redisConfigured ? 'shared' : 'local',
  stores: redisConfigured ? { local, shared } : { local, shared: local },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
