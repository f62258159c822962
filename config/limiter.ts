import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Rate-limit counters must be shared by every app instance: Redis when it
 * is configured, the database otherwise.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE') || (env.get('REDIS_HOST') ? 'redis' : 'database'),

  stores: {
    redis: stores.redis({ connectionName: 'main' }),
    database: stores.database({ tableName: 'rate_limits' }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

/**
 * Sign-in throttling (web form and token API), counting failed attempts
 * only. Three budgets, each checked before the password is:
 * - account: one e-mail from one IP (guessing one password);
 * - address: one IP over any e-mails (trying a password on every account);
 * - everyone: all clients together, to blunt a spray spread over many IPs.
 *   Exhausting it pauses sign-in for everyone until the minute is over: a
 *   deliberate trade, keep it far above the real failure rate.
 * A successful sign-in clears only its own account budget.
 */
export const loginThrottles = {
  account: {
    requests: env.get('LOGIN_MAX_FAILURES_PER_ACCOUNT') ?? 5,
    duration: '1 minute',
    blockDuration: '15 minutes',
  },
  address: {
    requests: env.get('LOGIN_MAX_FAILURES_PER_IP') ?? 30,
    duration: `${env.get('LOGIN_IP_WINDOW_MINUTES') ?? 15} minutes`,
    blockDuration: `${env.get('LOGIN_IP_WINDOW_MINUTES') ?? 15} minutes`,
  },
  everyone: {
    requests: env.get('LOGIN_MAX_FAILURES_GLOBAL') ?? 1000,
    duration: '1 minute',
  },
} as const

export type LoginThrottleScope = keyof typeof loginThrottles

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
