import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { throttledTouch } from '#support/session/throttled_touch'
import { rememberedCookieReads } from '#support/session/remembered_cookie_reads'

/** An unchanged session's expiry is pushed back at most this often (per process). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000

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
    // A page view that changes nothing in the session writes nothing (see throttled_touch.ts):
    // for the cookie store, the session cookie is not decrypted, re-encrypted and sent again.
    // An unchanged cookie is not decrypted again either (remembered_cookie_reads.ts).
    cookie: throttledTouch(rememberedCookieReads(stores.cookie()), TOUCH_INTERVAL_MS),
    // Expired rows are deleted by the prune_sessions job, not by 2 % of requests.
    database: throttledTouch(
      stores.database({ tableName: 'sessions', gcProbability: 0 }),
      TOUCH_INTERVAL_MS
    ),
    redis: throttledTouch(stores.redis({ connection: 'main' }), TOUCH_INTERVAL_MS),
  },
})

export default sessionConfig
