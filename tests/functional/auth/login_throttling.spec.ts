import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import limiter from '@adonisjs/limiter/services/main'
import type { ApiClient } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'
import { GLOBAL_LOGIN_KEY } from '#actions/auth/attempt_login'
import { loginThrottles } from '#config/limiter'
import { proxyTrust } from '#support/proxy_trust'

const PER_IP = loginThrottles.address.requests

/** A failed sign-in through the form, optionally claiming another client IP. */
function failLogin(client: ApiClient, email: string, forwardedFor?: string) {
  const request = client
    .post('/login')
    .form({ email, password: 'wrong-password' })
    .withCsrfToken()
    .redirects(0)
  return forwardedFor ? request.header('x-forwarded-for', forwardedFor) : request
}

/** Fails PER_IP sign-ins spread over 10 e-mails (3 each: under the per-account budget). */
async function sprayTenEmails(client: ApiClient, forwardedFor?: (attempt: number) => string) {
  for (let attempt = 0; attempt < PER_IP; attempt++) {
    const response = await failLogin(
      client,
      `target${attempt % 10}@example.test`,
      forwardedFor?.(attempt)
    )
    response.assertStatus(302)
  }
}

/** Trusts X-Forwarded-* from the given proxies for the rest of the test. */
function trustProxies(list: string | undefined) {
  const http = app.config.get<{ trustProxy: unknown }>('app.http')
  const previous = http.trustProxy
  http.trustProxy = proxyTrust(list)
  return () => {
    http.trustProxy = previous
  }
}

test.group('Login throttling / per address and global', (group) => {
  freshDatabase(group)

  test('one address trying a password on 10 e-mails is stopped by the per-IP budget', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await sprayTenEmails(client)

    // Even the right password for an untouched account now waits.
    const blocked = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .withInertia()
      .redirects(0)
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    blocked.assertInertiaComponent('auth/login')
    blocked.assertInertiaPropsContains({ throttle: 'address' })
    assert.isUndefined(blocked.session().auth_web)
  })

  test('the token API answers the per-IP limit with 429 and Retry-After', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < PER_IP; attempt++) {
      const failed = await client
        .post('/api/v1/auth/tokens')
        .json({ email: `target${attempt % 10}@example.test`, password: 'wrong' })
      failed.assertStatus(400)
    }
    const blocked = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    blocked.assertBody({
      errors: [
        { code: 'too_many_requests', message: 'Too many failed sign-ins from your address' },
      ],
    })
  })

  test('successful sign-ins do not use the per-IP budget, nor reset it', async ({ client }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < PER_IP - 1; attempt++) {
      await failLogin(client, `target${attempt % 10}@example.test`)
    }
    for (let round = 0; round < 3; round++) {
      const ok = await client
        .post('/login')
        .form({ email: user.email, password: PASSWORD })
        .withCsrfToken()
        .redirects(0)
      ok.assertHeader('location', '/')
    }
    // One failure left in the budget, whatever the successes in between.
    const lastAllowed = await failLogin(client, 'target1@example.test')
    lastAllowed.assertStatus(302)
    const blocked = await failLogin(client, 'target2@example.test')
    blocked.assertStatus(429)
  })

  test('without TRUSTED_PROXIES, a spoofed X-Forwarded-For from loopback changes nothing', async ({
    client,
  }) => {
    const restore = trustProxies(undefined)
    try {
      await sprayTenEmails(client, (attempt) => `198.51.100.${attempt + 1}`)
      const blocked = await failLogin(client, 'someone@example.test', '198.51.100.250')
      blocked.assertStatus(429)
    } finally {
      restore()
    }
  })

  test('with TRUSTED_PROXIES=loopback, the forwarded client address is the one throttled', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const restore = trustProxies('loopback')
    try {
      await sprayTenEmails(client, () => '203.0.113.7')
      const blocked = await failLogin(client, 'someone@example.test', '203.0.113.7')
      blocked.assertStatus(429)

      // Another client behind the same proxy is not held back.
      const other = await client
        .post('/login')
        .form({ email: user.email, password: PASSWORD })
        .header('x-forwarded-for', '203.0.113.8')
        .withCsrfToken()
        .redirects(0)
      other.assertHeader('location', '/')
    } finally {
      restore()
    }
  })

  test('when failures across all clients reach the global budget, sign-in pauses for everyone', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    // What a spray from many addresses leaves behind: all but one failure of the minute used.
    await limiter
      .use(loginThrottles.everyone)
      .increment(GLOBAL_LOGIN_KEY, loginThrottles.everyone.requests - 1)
    const lastFailure = await failLogin(client, 'target@example.test')
    lastFailure.assertStatus(302)

    const paused = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .withInertia()
      .redirects(0)
    paused.assertStatus(429)
    paused.assertInertiaPropsContains({ throttle: 'everyone' })
    assert.isAbove(Number(paused.header('retry-after')), 0)

    const api = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    api.assertStatus(429)
    assert.isAbove(Number(api.header('retry-after')), 0)
  })
})
