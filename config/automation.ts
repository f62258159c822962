import env, { prefixedVariable } from '#start/env'
import { AllowList } from '#support/egress/addresses'
import type { Resolver } from '#support/egress/guard'

/*
|--------------------------------------------------------------------------
| Automation (stage actions, sagas)
|--------------------------------------------------------------------------
|
| Defaults of actions that do not set their own, and the protection of
| the external systems they call: a circuit breaker and a rate limit per
| target host. Their state is shared by every worker: in Redis when Redis
| is configured, otherwise in the database (the embedded default).
|
| Secrets: `{{secret.NAME}}` in an action's headers reads the environment
| variable STAGEFLOW_SECRET_NAME at run time (never stored, never logged),
| and may only be sent to the hosts in STAGEFLOW_SECRET_NAME_HOSTS. Both
| are checked at boot by the prefix rule in start/env.ts.
|
| Egress: every outbound call passes the guard in app/support/egress/;
| loopback, private, link-local… addresses are refused unless listed in
| AUTOMATION_ALLOWED_HOSTS.
|
*/

const positive = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback

/** "host:port=calls,host=calls" → per-host calls per minute. */
const perHost = (text: string | undefined) =>
  Object.fromEntries(
    (text ?? '')
      .split(',')
      .map((item) => item.trim().split('='))
      .filter(([host, calls]) => host && Number(calls) > 0)
      .map(([host, calls]) => [host!.trim(), Number(calls)])
  ) as Record<string, number>

const redisConfigured = Boolean(env.get('REDIS_HOST') || env.get('REDIS_CLUSTER_NODES'))

const automationConfig = {
  /**
   * Where circuit breakers and rate limits keep their state, shared by all
   * workers: `redis` (default when Redis is configured) or `database`.
   */
  sharedState: (env.get('AUTOMATION_SHARED_STATE') ?? (redisConfigured ? 'redis' : 'database')) as
    'redis' | 'database',
  /** Namespaces the Redis keys (one prefix per deployment, like the queues). */
  redisPrefix: env.get('QUEUE_PREFIX') || 'sf',
  defaults: { timeoutMs: 10_000, attempts: 3, backoffMs: 2_000 },
  /** Longest back-off between attempts, whatever the doubling says. */
  maxBackoffMs: 10 * 60_000,
  breaker: {
    /** Consecutive failures (5xx, timeouts, network errors) that open it. */
    failures: positive(env.get('AUTOMATION_BREAKER_FAILURES'), 5),
    /** How long it stays open before one trial call. */
    cooldownMs: positive(env.get('AUTOMATION_BREAKER_COOLDOWN_MS'), 30_000),
  },
  rateLimit: {
    /** Calls per minute per target host. */
    perMinute: positive(env.get('AUTOMATION_RATE_LIMIT_PER_MINUTE'), 600),
    perHost: perHost(env.get('AUTOMATION_RATE_LIMITS')),
  },
  egress: {
    /**
     * Destinations the egress guard lets through although their address is
     * loopback, private, link-local… (AUTOMATION_ALLOWED_HOSTS: host names,
     * IPs or CIDR ranges, each optionally with ":port").
     */
    allowedHosts: AllowList.parse(env.get('AUTOMATION_ALLOWED_HOSTS')),
    /** Redirects followed per call, each one checked like the first URL. */
    maxRedirects: 5,
    /** DNS for the guard; the system resolver unless set (tests only). */
    resolve: undefined as Resolver | undefined,
  },
  secretPrefix: 'STAGEFLOW_SECRET_',
  /** Response bodies kept for templates and the process page. */
  maxResponseBytes: 16_384,
}

export const secretOf = (name: string): string | undefined =>
  prefixedVariable(`${automationConfig.secretPrefix}${name}`)

/** The hosts a secret may be sent to (STAGEFLOW_SECRET_<NAME>_HOSTS), as written. */
export const secretHostsOf = (name: string): string | undefined =>
  prefixedVariable(`${automationConfig.secretPrefix}${name}_HOSTS`)

export default automationConfig
