import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Alerts
|--------------------------------------------------------------------------
|
| Rules are evaluated on a timer inside every queue worker (and the web
| server on the embedded default), not as a queued job: the outbox alert
| must fire while Redis — and so the queue — is down. One process at a
| time evaluates, holding a lock in the database (state_locks), which
| works with or without Redis. See app/alerts/evaluator.ts.
|
*/
const everyMs = env.get('ALERTS_EVALUATE_EVERY_MS') || 30_000

const alertsConfig = {
  evaluator: env.get('ALERTS_EVALUATOR') !== 'off',

  /** Time between two rounds (evaluate every enabled rule, send due deliveries). */
  everyMs,

  /** The evaluator's lease: another process takes over when it lapses. */
  lockTtlMs: Math.max(3 * everyMs, 10_000),

  /** A signal that cannot be read within this long counts as an error (state kept). */
  readTimeoutMs: Math.min(5_000, Math.max(1_000, everyMs)),

  /** E-mail and webhook deliveries: tries, and the first wait between them (doubling, at most 10 min). */
  delivery: { attempts: 8, backoffMs: 5_000, timeoutMs: 10_000 },

  /** How many past firings the Alerts page lists. */
  historyLimit: 50,
}

export default alertsConfig
