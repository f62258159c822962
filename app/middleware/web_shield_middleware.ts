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

type Browser = {
  /** Shield as configured: sets a fresh XSRF-TOKEN cookie, verifies state-changing requests. */
  fresh: ShieldMiddleware
  /** The same without the XSRF-TOKEN cookie: for safe requests whose cookie is still current. */
  quiet: ShieldMiddleware
}

type Instances = {
  /** For documents: the CSP carries a fresh nonce for the page's inline scripts. */
  documents: Browser
  /** For Inertia visits (JSON answers): shield's CSP off, `visitPolicy` set instead. */
  visits: Browser
  /** The policy of a visit: the configured one without its keyword sources (no nonce). */
  visitPolicy: { name: string; value: string } | null
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
  // Read before any instance exists: shield resolves the keywords of the directives in place.
  const visitPolicy = staticPolicy(config)
  const encryptionManager = await app.container.make('encryption')
  const encryption = encryptionManager.use()
  const edgeModule = app.usingEdgeJS ? await import('edge.js') : undefined
  const edge = edgeModule?.default
  const browser = (shieldConfig: ShieldConfig): Browser => ({
    fresh: new ShieldMiddleware(shieldConfig, encryption, edge),
    quiet: new ShieldMiddleware(
      { ...shieldConfig, csrf: { ...shieldConfig.csrf, enableXsrfCookie: false } },
      encryption,
      edge
    ),
  })
  instances = {
    documents: browser(config),
    visits: browser({ ...config, csp: { enabled: false } }),
    visitPolicy,
    stateless: new ShieldMiddleware({ ...config, csrf: { enabled: false } }, encryption),
    methods: new Set((config.csrf?.methods ?? []).map((method) => method.toUpperCase())),
  }
  return instances
}

/**
 * The configured Content-Security-Policy as one fixed header value, its
 * keyword sources (`@nonce`, `@viteUrl`) left out. An Inertia visit is
 * answered with JSON, which no browser renders as a document: it needs no
 * nonce, and drawing one per request (random bytes, plus the request's
 * template renderer to share it with, which lists the components on disk)
 * was ~5 % of a light visit's CPU time. The answer keeps the policy's
 * restrictions all the same.
 */
function staticPolicy(config: ShieldConfig) {
  const csp = config.csp
  if (!csp?.enabled || !csp.directives) return null
  const directives = Object.entries(csp.directives).flatMap(([name, sources]) => {
    if (!Array.isArray(sources)) return []
    const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    const kept = sources.filter(
      (source): source is string => typeof source === 'string' && !source.startsWith('@')
    )
    return [[kebab, ...kept].join(' ')]
  })
  return {
    name: csp.reportOnly ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy',
    value: directives.join(';'),
  }
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
 *
 * An Inertia visit (X-Inertia: true) gets the policy without a nonce (see
 * `staticPolicy`); documents keep theirs. Not while developing: an error
 * there is answered with the HTML of the debug page (shown by Inertia in a
 * frame), whose inline scripts carry the request's nonce.
 */
export default class WebShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { documents, visits, visitPolicy, stateless, methods } = await shield()
    if (isStatelessRoute(ctx)) return stateless.handle(ctx, next)
    const visit = !app.inDev && ctx.request.header('x-inertia') === 'true'
    if (visit && visitPolicy) ctx.response.header(visitPolicy.name, visitPolicy.value)
    const { fresh, quiet } = visit ? visits : documents
    if (!methods.has(ctx.request.method()) && stillCurrent(ctx)) return quiet.handle(ctx, next)
    return fresh.handle(ctx, () => {
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
