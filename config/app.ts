import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { proxyTrust } from '#support/proxy_trust'
import { jsonFirst } from '#support/http/json_first'

/**
 * Absolute URL of the application, used in e-mails and exported links.
 */
export const appUrl = env.get('APP_URL')

/**
 * Reverse proxies (nginx) whose X-Forwarded-* headers give the client IP
 * and protocol: comma separated, none by default in every environment, so
 * a client cannot pick its apparent IP (login throttling keys on it). The
 * nginx topologies (docker/compose.yml, tests/cluster/run.ts) set it.
 */
const trustedProxies = env.get('TRUSTED_PROXIES')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  trustProxy: proxyTrust(trustedProxies),

  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})

// Response bodies: native JSON.stringify, the framework's serializer only for what it refuses.
http.serializeJSON = jsonFirst(http.serializeJSON)
