import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import automationConfig from '#config/automation'
import {
  CircuitBreaker,
  RateLimit,
  RedisCircuitBreaker,
  RedisRateLimit,
  type Breaker,
  type Limiter,
} from '#automation/protection'
import { freshDatabase } from '#tests/helpers/common'

/** Whether a call is let through now. */
const allowedAt = (admission: Promise<{ allowed: boolean }>) => admission.then((a) => a.allowed)

const SETTINGS = { failures: 3, cooldownMs: 1000 }
const STORES: [string, () => { breaker: Breaker; limiter: Limiter }, string | null][] = [
  [
    'database',
    () => ({
      breaker: new CircuitBreaker(SETTINGS),
      limiter: new RateLimit({ perMinute: 2, perHost: {} }),
    }),
    null,
  ],
  [
    'redis',
    () => ({
      breaker: new RedisCircuitBreaker(SETTINGS),
      limiter: new RedisRateLimit({ perMinute: 2, perHost: {} }),
    }),
    automationConfig.sharedState === 'redis' ? null : 'Redis is not configured (REDIS_HOST)',
  ],
]

test.group('Automation / circuit breaker and rate limit state machines', (group) => {
  freshDatabase(group)

  for (const [store, make, skip] of STORES) {
    test(`${store}: N failures open it; one trial when the cool-down ends; a failed trial opens it again; success closes it`, async ({
      assert,
    }) => {
      const { breaker } = make()
      const host = `svc-${randomBytes(4).toString('hex')}.test`
      const t = 1_000_000

      for (let i = 0; i < 2; i++) await breaker.record(host, false, false, t)
      assert.deepEqual(await breaker.admit(host, t), { allowed: true, trial: false })
      await breaker.record(host, true, false, t)
      for (let i = 0; i < 2; i++) await breaker.record(host, false, false, t)
      assert.isTrue(await allowedAt(breaker.admit(host, t)), 'a success reset the count')
      await breaker.record(host, false, false, t)

      assert.deepEqual(await breaker.admit(host, t + 10), {
        allowed: false,
        retryAt: t + SETTINGS.cooldownMs,
        reason: 'circuit_open',
      })
      const trial = await breaker.admit(host, t + 1000)
      assert.deepEqual(trial, { allowed: true, trial: true })
      const second = await breaker.admit(host, t + 1001)
      assert.isFalse(second.allowed, 'one trial at a time')

      await breaker.record(host, false, true, t + 1100)
      assert.isFalse(
        await allowedAt(breaker.admit(host, t + 1200)),
        'the failed trial opened it again'
      )
      assert.deepEqual(await breaker.admit(host, t + 2100), { allowed: true, trial: true })
      await breaker.record(host, true, true, t + 2150)
      assert.deepEqual(await breaker.admit(host, t + 2160), { allowed: true, trial: false })
    }).skip(Boolean(skip), skip ?? undefined)

    test(`${store}: the rate limit lets N calls a minute through, then says when to come back`, async ({
      assert,
    }) => {
      const { limiter } = make()
      const host = `svc-${randomBytes(4).toString('hex')}.test`
      const minute = 60_000 * 1000
      assert.isTrue(await allowedAt(limiter.take(host, minute + 1)))
      assert.isTrue(await allowedAt(limiter.take(host, minute + 2)))
      assert.deepEqual(await limiter.take(host, minute + 3), {
        allowed: false,
        retryAt: minute + 60_000,
        reason: 'rate_limited',
      })
      assert.isTrue(await allowedAt(limiter.take(host, minute + 60_000)), 'a new minute')
    }).skip(Boolean(skip), skip ?? undefined)
  }
})
