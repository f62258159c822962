import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import automationConfig from '#config/automation'

/**
 * Protection of external systems, per target host, shared by every worker
 * through Redis (Lua scripts) or, on the embedded default, the database
 * (conditional UPDATEs settle races):
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

export interface Breaker {
  admit(host: string, now?: number): Promise<Admission>
  record(host: string, success: boolean, trial: boolean, now?: number): Promise<void>
}

export interface Limiter {
  limitOf(host: string): number
  take(host: string, now?: number): Promise<Admission>
}

/** The breaker and rate limit of the configured shared state (config/automation.ts). */
export function protections(): { breaker: Breaker; limiter: Limiter } {
  return automationConfig.sharedState === 'redis'
    ? { breaker: new RedisCircuitBreaker(), limiter: new RedisRateLimit() }
    : { breaker: new CircuitBreaker(), limiter: new RateLimit() }
}

/** The database-backed breaker (the embedded default). */
export class CircuitBreaker implements Breaker {
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

/** The database-backed rate limit (the embedded default). */
export class RateLimit implements Limiter {
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

/*
|--------------------------------------------------------------------------
| Redis: the same state machines as Lua scripts (one key each, so they run
| atomically and also on a Redis Cluster).
|--------------------------------------------------------------------------
*/
const ADMIT = `
local s = redis.call('HMGET', KEYS[1], 'state', 'open_until', 'trial_until')
local now = tonumber(ARGV[1])
local state = s[1] or 'closed'
if state == 'closed' then return {1, 0, 0} end
if state == 'open' then
  local openUntil = tonumber(s[2] or '0')
  if openUntil > now then return {0, openUntil, 0} end
  redis.call('HSET', KEYS[1], 'state', 'half_open', 'trial_until', now + tonumber(ARGV[2]), 'updated_at', now)
  return {1, 0, 1}
end
local trialUntil = tonumber(s[3] or '0')
if trialUntil > now then return {0, math.min(trialUntil, now + 1000), 0} end
redis.call('HSET', KEYS[1], 'trial_until', now + tonumber(ARGV[2]), 'updated_at', now)
return {1, 0, 1}
`

const RECORD = `
local now = tonumber(ARGV[1])
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'state', 'closed', 'failures', 0, 'open_until', 0, 'trial_until', 0)
elseif ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'state', 'open', 'open_until', now + tonumber(ARGV[5]), 'trial_until', 0)
else
  local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
  local state = redis.call('HGET', KEYS[1], 'state')
  if (not state or state == 'closed') and failures >= tonumber(ARGV[4]) then
    redis.call('HSET', KEYS[1], 'state', 'open', 'open_until', now + tonumber(ARGV[5]))
  elseif not state then
    redis.call('HSET', KEYS[1], 'state', 'closed')
  end
end
redis.call('HSET', KEYS[1], 'updated_at', now)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1
`

const TAKE = `
local calls = redis.call('INCR', KEYS[1])
if calls == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
if calls > tonumber(ARGV[1]) then return 0 end
return 1
`

const keyOf = (host: string, what: string) =>
  `{${automationConfig.redisPrefix}:automation:${host}}:${what}`
const hostsKey = () => `{${automationConfig.redisPrefix}:automation}:hosts`

export class RedisCircuitBreaker implements Breaker {
  constructor(protected settings = automationConfig.breaker) {}

  async admit(host: string, now = Date.now()): Promise<Admission> {
    const [allowed, retryAt, trial] = (await redis.eval(
      ADMIT,
      1,
      keyOf(host, 'circuit'),
      now,
      TRIAL_LEASE_MS
    )) as number[]
    if (allowed === 1) return { allowed: true, trial: trial === 1 }
    return { allowed: false, retryAt: Number(retryAt), reason: 'circuit_open' }
  }

  async record(host: string, success: boolean, trial: boolean, now = Date.now()) {
    await redis.sadd(hostsKey(), host)
    await redis.eval(
      RECORD,
      1,
      keyOf(host, 'circuit'),
      now,
      success ? '1' : '0',
      trial ? '1' : '0',
      this.settings.failures,
      this.settings.cooldownMs
    )
  }
}

export class RedisRateLimit extends RateLimit {
  async take(host: string, now = Date.now()): Promise<Admission> {
    const window = Math.floor(now / 60_000) * 60_000
    await redis.sadd(hostsKey(), host)
    const ok = await redis.eval(TAKE, 1, keyOf(host, `rate:${window}`), this.limitOf(host))
    if (Number(ok) === 1) return { allowed: true, trial: false }
    return { allowed: false, retryAt: window + 60_000, reason: 'rate_limited' }
  }
}

type HostReport = {
  host: string
  state: 'closed' | 'open' | 'half_open'
  failures: number
  openUntil: string | null
  callsThisMinute: number
  limitPerMinute: number
}

/** What the admin page shows per host, from the configured shared state. */
export async function protectionReport(now = Date.now()): Promise<HostReport[]> {
  const window = Math.floor(now / 60_000) * 60_000
  const limiter = new RateLimit()
  const report = (host: string, circuit: Record<string, unknown> | undefined, calls: number) => {
    const state = (circuit?.state as HostReport['state'] | undefined) ?? 'closed'
    const openUntil = Number(circuit?.open_until ?? 0)
    return {
      host,
      state,
      failures: Number(circuit?.failures ?? 0),
      openUntil: state === 'open' && openUntil ? new Date(openUntil).toISOString() : null,
      callsThisMinute: Math.min(calls, limiter.limitOf(host)),
      limitPerMinute: limiter.limitOf(host),
    }
  }
  if (automationConfig.sharedState === 'redis') {
    const members = await redis.smembers(hostsKey())
    const hosts = members.sort()
    const rows: HostReport[] = []
    for (const host of hosts) {
      const circuit = await redis.hgetall(keyOf(host, 'circuit'))
      const calls = Number((await redis.get(keyOf(host, `rate:${window}`))) ?? 0)
      rows.push(report(host, Object.keys(circuit).length ? circuit : undefined, calls))
    }
    return rows
  }
  const circuits = await db.from('action_circuits').orderBy('host')
  const windows = await db.from('action_rate_windows').where('window_start', window)
  const hosts = new Set([...circuits.map((c) => c.host), ...windows.map((w) => w.host)])
  return [...hosts].sort().map((host) =>
    report(
      host,
      circuits.find((c) => c.host === host),
      Number(windows.find((w) => w.host === host)?.calls ?? 0)
    )
  )
}
