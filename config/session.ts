import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions are kept on the server so that logging out or deactivating a
 * user really ends them: in Redis when Redis is configured (stateless app
 * instances), in the database otherwise. Both stores support tagging a
 * session with its user, which is how a deactivation finds them.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'stageflow-session',
  clearWithBrowser: false,
  age: '2h',

  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },

  store:
    env.get('SESSION_DRIVER') ||
    (env.get('REDIS_HOST') || env.get('REDIS_CLUSTER_NODES') ? 'redis' : 'database'),

  stores: {
    cookie: stores.cookie(),
    // Expired rows are deleted by the prune_sessions job, not by 2 % of requests.
    database: stores.database({ tableName: 'sessions', gcProbability: 0 }),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
