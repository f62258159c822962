import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

/**
 * While developing and testing, Vite's dev server injects styles inline and
 * keeps an HMR websocket open; production serves built files from 'self'.
 */
const dev = !app.inProduction

const shieldConfig = defineConfig({
  /**
   * A strict Content-Security-Policy: no inline scripts except the ones
   * carrying the per-request nonce, no foreign origins.
   */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce', '@viteUrl'],
      styleSrc: [`'self'`, '@viteUrl', ...(dev ? [`'unsafe-inline'`] : [])],
      imgSrc: [`'self'`, 'data:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, ...(dev ? ['ws://127.0.0.1:24678', 'ws://localhost:24678'] : [])],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },

  /**
   * CSRF protection on every state-changing request. Inertia's XHRs send
   * the XSRF-TOKEN cookie back as the X-XSRF-TOKEN header. Only the
   * bearer-token JSON API is exempt: it carries no cookies.
   */
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => ctx.request.url().startsWith('/api/v1/'),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },

  xFrame: {
    enabled: true,
    action: 'DENY',
  },

  /**
   * One year, subdomains included; only sent in production (over HTTPS).
   */
  hsts: {
    enabled: app.inProduction,
    maxAge: '365 days',
    includeSubDomains: true,
  },

  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig
