import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import { isStatelessRoute } from '#support/stateless_routes'

/** Shield's names: the session key of the CSRF secret and the cookie Inertia echoes back. */
const SECRET_KEY = 'csrf-secret'
const XSRF_COOKIE = 'XSRF-TOKEN'

/**
 * How long an XSRF-TOKEN cookie this process issued is reused before a
 * page view issues a fresh one: the cookie's own max age (config/app.ts,
 * 2 h) then runs from at most this long before the last page view, as the
 * session's expiry does (config/session.ts, throttled touch).
 */
const REISSUE_AFTER_MS = 5 * 60 * 1000
const MAX_TRACKED = 50_000

/** XSRF-TOKEN cookies this process issued: the value sent → its CSRF secret and when (oldest first). */
const issued = new Map<string, { secret: string; at: number }>()

type Instances = {
  /** Shield as configured: sets a fresh XSRF-TOKEN cookie, verifies state-changing requests. */
  browser: ShieldMiddleware
  /** The same without the XSRF-TOKEN cookie: for safe requests whose cookie is still current. */
  quiet: ShieldMiddleware
  /** Without CSRF at all: stateless routes. */
  stateless: ShieldMiddleware
  methods: Set<string>
}

let instances: Instances | undefined

/**
 * Built once and reused: shield's middleware keeps no per-request state,
 * and its container binding builds a new one per call (with a dynamic
 * `import('edge.js')`, which alone was ~12 % of a page's CPU time under
 * the TypeScript loader).
 */
async function shield(): Promise<Instances> {
  if (instances) return instances
  const config = app.config.get<ShieldConfig>('shield')
  const encryptionManager = await app.container.make('encryption')
  const encryption = encryptionManager.use()
  const edgeModule = app.usingEdgeJS ? await import('edge.js') : undefined
  const edge = edgeModule?.default
  instances = {
    browser: new ShieldMiddleware(config, encryption, edge),
    quiet: new ShieldMiddleware(
      { ...config, csrf: { ...config.csrf, enableXsrfCookie: false } },
      encryption,
      edge
    ),
    stateless: new ShieldMiddleware({ ...config, csrf: { enabled: false } }, encryption),
    methods: new Set((config.csrf?.methods ?? []).map((method) => method.toUpperCase())),
  }
  return instances
}

/**
 * Shield as configured for browser routes (CSRF included). Stateless
 * routes have no session to keep a CSRF secret in, and need none: they get
 * the same security headers (CSP, X-Frame-Options, HSTS, nosniff) without
 * the CSRF guard.
 *
 * Shield encrypts a fresh token into the XSRF-TOKEN cookie on every request.
 * A safe request (GET, HEAD: no CSRF check) whose browser already holds a
 * cookie this process issued less than 5 minutes ago, under the session's
 * current CSRF secret, keeps that cookie: no token encrypted, no
 * Set-Cookie. Any token made from the secret verifies, so the cookie kept
 * is as good as a new one; every state-changing request is verified
 * exactly as before (its token from `_csrf`, X-CSRF-TOKEN or X-XSRF-TOKEN).
 * A new secret (a new session), a missing or foreign cookie, another
 * instance's cookie or an older one gets a fresh cookie, as before.
 */
export default class WebShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { browser, quiet, stateless, methods } = await shield()
    if (isStatelessRoute(ctx)) return stateless.handle(ctx, next)
    if (!methods.has(ctx.request.method()) && stillCurrent(ctx)) return quiet.handle(ctx, next)
    return browser.handle(ctx, () => {
      remember(ctx)
      return next()
    })
  }
}

/** The browser's XSRF-TOKEN cookie was issued here, recently, under the session's CSRF secret. */
function stillCurrent(ctx: HttpContext) {
  const secret = ctx.session.get(SECRET_KEY)
  const cookie = ctx.request.cookiesList()[XSRF_COOKIE]
  if (typeof secret !== 'string' || typeof cookie !== 'string') return false
  const entry = issued.get(cookie)
  return entry?.secret === secret && Date.now() - entry.at < REISSUE_AFTER_MS
}

/** Notes the XSRF-TOKEN cookie shield just set (as the browser will send it back). */
function remember(ctx: HttpContext) {
  const secret = ctx.session.get(SECRET_KEY)
  const header = ctx.response.getHeader('set-cookie')
  const lines = Array.isArray(header) ? header : header === undefined ? [] : [String(header)]
  const line = lines.findLast((l) => String(l).startsWith(`${XSRF_COOKIE}=`))
  if (typeof secret !== 'string' || line === undefined) return
  const raw = String(line)
    .slice(XSRF_COOKIE.length + 1)
    .split(';')[0]!
  let value: string
  try {
    value = decodeURIComponent(raw)
  } catch {
    return
  }
  issued.delete(value)
  issued.set(value, { secret, at: Date.now() })
  if (issued.size > MAX_TRACKED) issued.delete(issued.keys().next().value!)
}
