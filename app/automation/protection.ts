import db from '@adonisjs/lucid/services/db'
import automationConfig from '#config/automation'

/**
 * Protection of external systems, per target host, shared by every worker
 * through the database (conditional UPDATEs settle races):
 *
 * - circuit breaker: `closed` → after N consecutive failures `open` (calls
 *   fail fast until the cool-down ends; the step is re-scheduled, not
 *   lost) → `half_open`: exactly one worker wins the trial call; success
 *   closes it, failure opens it again.
 * - rate limit: calls per minute per host, in fixed one-minute windows.
 */
export type Admission =
  | { allowed: true; trial: boolean }
  | { allowed: false; retryAt: number; reason: 'circuit_open' | 'rate_limited' }

/** How long a half-open trial may take before another worker may try. */
const TRIAL_LEASE_MS = 60_000

export class CircuitBreaker {
  constructor(protected settings = automationConfig.breaker) {}

  async admit(host: string, now = Date.now()): Promise<Admission> {
    const row = await db.from('action_circuits').where('host', host).first()
    if (!row || row.state === 'closed') return { allowed: true, trial: false }
    const openUntil = Number(row.open_until ?? 0)
    if (row.state === 'open') {
      if (openUntil > now) return { allowed: false, retryAt: openUntil, reason: 'circuit_open' }
      const won = await db
        .from('action_circuits')
        .where('host', host)
        .where('state', 'open')
        .where('open_until', '<=', now)
        .update({ state: 'half_open', trial_until: now + TRIAL_LEASE_MS, updated_at: now })
      if (Number(won) === 1) return { allowed: true, trial: true }
      return { allowed: false, retryAt: now + 1000, reason: 'circuit_open' }
    }
    // half_open: someone is trying; a trial that never reported is taken over.
    const trialUntil = Number(row.trial_until ?? 0)
    // Look again soon: the trial usually answers long before its lease ends.
    if (trialUntil > now) {
      return { allowed: false, retryAt: Math.min(trialUntil, now + 1000), reason: 'circuit_open' }
    }
    const won = await db
      .from('action_circuits')
      .where('host', host)
      .where('state', 'half_open')
      .where('trial_until', '<=', now)
      .update({ trial_until: now + TRIAL_LEASE_MS, updated_at: now })
    if (Number(won) === 1) return { allowed: true, trial: true }
    return { allowed: false, retryAt: now + 1000, reason: 'circuit_open' }
  }

  async record(host: string, success: boolean, trial: boolean, now = Date.now()) {
    await db
      .table('action_circuits')
      .insert({ host, state: 'closed', failures: 0, updated_at: now })
      .onConflict('host')
      .ignore()
    if (success) {
      await db.from('action_circuits').where('host', host).update({
        state: 'closed',
        failures: 0,
        open_until: null,
        trial_until: null,
        updated_at: now,
      })
      return
    }
    if (trial) {
      await db
        .from('action_circuits')
        .where('host', host)
        .update({
          state: 'open',
          open_until: now + this.settings.cooldownMs,
          trial_until: null,
          updated_at: now,
        })
      return
    }
    await db
      .from('action_circuits')
      .where('host', host)
      .update({ failures: db.raw('failures + 1'), updated_at: now })
    await db
      .from('action_circuits')
      .where('host', host)
      .where('state', 'closed')
      .where('failures', '>=', this.settings.failures)
      .update({ state: 'open', open_until: now + this.settings.cooldownMs, updated_at: now })
  }
}

export class RateLimit {
  constructor(protected settings = automationConfig.rateLimit) {}

  limitOf(host: string) {
    return this.settings.perHost[host] ?? this.settings.perMinute
  }

  /** Takes one call from the host's current minute, or says when to come back. */
  async take(host: string, now = Date.now()): Promise<Admission> {
    const window = Math.floor(now / 60_000) * 60_000
    await db
      .table('action_rate_windows')
      .insert({ host, window_start: window, calls: 0 })
      .onConflict(['host', 'window_start'])
      .ignore()
    const taken = await db
      .from('action_rate_windows')
      .where('host', host)
      .where('window_start', window)
      .where('calls', '<', this.limitOf(host))
      .update({ calls: db.raw('calls + 1') })
    if (Math.random() < 0.01) {
      await db
        .from('action_rate_windows')
        .where('window_start', '<', window - 3_600_000)
        .delete()
    }
    if (Number(taken) === 1) return { allowed: true, trial: false }
    return { allowed: false, retryAt: window + 60_000, reason: 'rate_limited' }
  }
}

/** What the admin page shows per host. */
export async function protectionReport(now = Date.now()) {
  const window = Math.floor(now / 60_000) * 60_000
  const circuits = await db.from('action_circuits').orderBy('host')
  const windows = await db.from('action_rate_windows').where('window_start', window)
  const limiter = new RateLimit()
  const hosts = new Set([...circuits.map((c) => c.host), ...windows.map((w) => w.host)])
  return [...hosts].sort().map((host) => {
    const circuit = circuits.find((c) => c.host === host)
    const openUntil = Number(circuit?.open_until ?? 0)
    return {
      host,
      state: (circuit?.state ?? 'closed') as 'closed' | 'open' | 'half_open',
      failures: Number(circuit?.failures ?? 0),
      openUntil: circuit?.state === 'open' && openUntil ? new Date(openUntil).toISOString() : null,
      callsThisMinute: Number(windows.find((w) => w.host === host)?.calls ?? 0),
      limitPerMinute: limiter.limitOf(host),
    }
  })
}
