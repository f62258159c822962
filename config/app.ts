import env from '#start/env'
import app from '@adonisjs/core/services/app'
import proxyAddr from 'proxy-addr'
import { defineConfig } from '@adonisjs/core/http'

/**
 * Absolute URL of the application, used in e-mails and exported links.
 */
export const appUrl = env.get('APP_URL')

/**
 * Addresses of reverse proxies (nginx) whose X-Forwarded-* headers are
 * trusted for the client IP and protocol. Comma separated; "loopback" by default.
 */
const trustedProxies = (env.get('TRUSTED_PROXIES') || 'loopback').split(',').map((p) => p.trim())

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  trustProxy: proxyAddr.compile(trustedProxies),

  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
