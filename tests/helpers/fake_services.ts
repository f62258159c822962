import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { HttpAction, WorkflowDefinition } from '#engine/definition'

/**
 * Stock, payment and shipping as one small local HTTP server that a test
 * starts: it counts calls per route and Idempotency-Key, performs each
 * effect once per key (like a real service that de-duplicates), and can
 * be told to refuse, fail, be slow or hold a call.
 */
/** `hold` performs the effect but never answers (until `releaseHeld`). */
export type Behaviour = 'ok' | 'refuse' | 'error' | 'slow' | 'hold'

export type Call = {
  route: string
  key: string
  at: number
  body: unknown
  authorization: string | null
}

export const ROUTES = ['reserve', 'release', 'charge', 'refund', 'ship', 'flaky'] as const
export type Route = (typeof ROUTES)[number]

const PATTERNS: [RegExp, Route][] = [
  [/^\/stock\/reservations$/, 'reserve'],
  [/^\/stock\/reservations\/[^/]+\/release$/, 'release'],
  [/^\/payment\/charges$/, 'charge'],
  [/^\/payment\/charges\/[^/]+\/refund$/, 'refund'],
  [/^\/shipping\/shipments$/, 'ship'],
  [/^\/flaky$/, 'flaky'],
]

export class FakeServices {
  readonly calls: Call[] = []
  /** First call per (route, key) that did the work. */
  readonly effects: Call[] = []
  /** Successful answers, with the time they were sent. */
  readonly answered: Call[] = []
  behaviour: Partial<Record<Route, Behaviour>> = {}
  /** Routes that answer 307 with this Location (after counting the call). */
  redirects: Partial<Record<Route, string>> = {}
  slowMs = 2000
  #server: Server
  #held: ServerResponse[] = []
  #answers = new Map<string, { status: number; body: unknown }>()
  #sequence = 0

  private constructor(server: Server) {
    this.#server = server
  }

  static async start() {
    let services!: FakeServices
    const server = createServer((req, res) => void services.handle(req, res))
    services = new FakeServices(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return services
  }

  get port() {
    return (this.#server.address() as { port: number }).port
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  callsTo(route: Route) {
    return this.calls.filter((c) => c.route === route)
  }

  effectsOf(route: Route) {
    return this.effects.filter((c) => c.route === route)
  }

  /** Calls per Idempotency-Key of a route. */
  perKey(route: Route) {
    const counts: Record<string, number> = {}
    for (const call of this.callsTo(route)) counts[call.key] = (counts[call.key] ?? 0) + 1
    return counts
  }

  /** The order in which effects happened, as route names. */
  effectOrder() {
    return this.effects.map((e) => e.route)
  }

  /** Answers the held calls (their clients may be gone) and stops holding. */
  releaseHeld() {
    for (const res of this.#held.splice(0)) {
      if (!res.writableEnded) res.destroy()
    }
  }

  async close() {
    this.releaseHeld()
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  protected async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {}
    const path = (req.url ?? '/').split('?')[0]!
    const route = PATTERNS.find(([pattern]) => pattern.test(path))?.[1]
    const key = String(req.headers['idempotency-key'] ?? '')
    if (!route) return this.answer(res, 404, { error: 'no such route' })
    const call: Call = {
      route,
      key,
      at: Date.now(),
      body,
      authorization: req.headers.authorization ?? null,
    }
    this.calls.push(call)
    const location = this.redirects[route]
    if (location) {
      res.writeHead(307, { location })
      return res.end()
    }

    const behaviour = this.behaviour[route] ?? 'ok'
    if (behaviour === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, this.slowMs))
      if (res.destroyed) return
    }
    if (behaviour === 'error') return this.answer(res, 503, { error: 'service unavailable' })
    if (behaviour === 'refuse') return this.answer(res, 402, { error: 'card declined' })

    // The same key gets the same answer, and the effect happens once.
    const memo = `${route}:${key}`
    let answer = this.#answers.get(memo)
    if (!answer) {
      this.effects.push(call)
      const n = ++this.#sequence
      const bodies: Record<Route, unknown> = {
        reserve: { reservationId: `R-${n}` },
        release: { released: true },
        charge: { chargeId: `CH-${n}` },
        refund: { refunded: true },
        ship: { trackingNumber: `TRK-${n}` },
        flaky: { ok: true },
      }
      answer = { status: 201, body: bodies[route] }
      this.#answers.set(memo, answer)
    }
    // "hold": the work is done, but the answer never comes (the caller dies or times out).
    if (behaviour === 'hold') {
      this.#held.push(res)
      return
    }
    this.answered.push({ ...call, at: Date.now() })
    return this.answer(res, answer.status, answer.body)
  }

  protected answer(res: ServerResponse, status: number, body: unknown) {
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
}

/**
 * The checkout saga of database/definitions, pointed at the fake services,
 * with timings shortened for tests (`overrides` by action key).
 */
export function checkoutDefinition(
  baseUrl: string,
  overrides: Record<string, Record<string, unknown>> = {}
): WorkflowDefinition {
  const text = readFileSync(app.makePath('database/definitions/checkout_saga.json'), 'utf8')
  const definition = JSON.parse(
    text.replaceAll('http://127.0.0.1:4010', baseUrl)
  ) as WorkflowDefinition
  for (const stage of definition.stages) {
    for (const action of stage.actions ?? []) {
      if (action.type === 'http') {
        Object.assign(action, { timeout: '1s', backoff: '100ms' })
        if (action.compensation)
          Object.assign(action.compensation, { timeout: '1s', backoff: '100ms', attempts: 2 })
      }
      const override = overrides[action.key]
      if (override) {
        const { compensation, ...rest } = override
        Object.assign(action, rest)
        if (compensation) Object.assign((action as HttpAction).compensation!, compensation)
      }
    }
  }
  return definition
}
