import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'
import { LOGIN_THROTTLE } from '#actions/auth/attempt_login'

test.group('Login', (group) => {
  freshDatabase(group)

  test('the login page renders for guests', async ({ client }) => {
    const response = await client.get('/login').withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('auth/login')
  })

  test('valid credentials sign in and land on the dashboard', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    assert.equal(response.session().auth_web, user.id)

    // The session cookie cannot be read by scripts nor sent cross-site.
    const setCookie = response.headers()['set-cookie'] as unknown as string[] | undefined
    const cookie = (setCookie ?? []).find((c) => c.startsWith('stageflow-session='))!
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
  })

  test('e-mail is matched case-insensitively', async ({ client, assert }) => {
    const user = await UserFactory.merge({ email: 'Casey@Example.test' }).create()
    assert.equal(user.email, 'casey@example.test')

    const response = await client
      .post('/login')
      .form({ email: 'CASEY@example.TEST', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
  })

  test('a wrong password goes back to the form with an error and no session', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: 'not-the-password' })
      .withCsrfToken()
      .header('referer', '/login')
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    assert.isUndefined(response.session().auth_web)
    assert.property(response.flashMessages().errorsBag ?? {}, 'E_INVALID_CREDENTIALS')
  })

  test('missing fields are reported per field', async ({ client }) => {
    const response = await client
      .post('/login')
      .form({})
      .withCsrfToken()
      .header('referer', '/login')
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['Enter the e-mail'],
      password: ['Enter the password'],
    } as any)
  })

  test('a POST without the CSRF token is rejected and signs nobody in', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .header('referer', '/login')
      .redirects(0)

    // Back to the form with the reason, never on to the dashboard.
    response.assertHeader('location', '/login')
    assert.property(response.flashMessages().errorsBag ?? {}, 'E_BAD_CSRF_TOKEN')
    assert.isUndefined(response.session().auth_web)
  })

  test('too many failures from one e-mail and IP get 429 with Retry-After, even with the right password', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= LOGIN_THROTTLE.requests; attempt++) {
      const failed = await client
        .post('/login')
        .form({ email: user.email, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
      failed.assertStatus(302)
    }

    const blocked = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    assert.isUndefined(blocked.session().auth_web)
  })

  test('other e-mail addresses are not blocked by someone else’s failures', async ({ client }) => {
    const victim = await UserFactory.create()
    const other = await UserFactory.create()
    for (let attempt = 1; attempt <= LOGIN_THROTTLE.requests + 1; attempt++) {
      await client
        .post('/login')
        .form({ email: victim.email, password: 'wrong' })
        .withCsrfToken()
        .redirects(0)
    }
    const response = await client
      .post('/login')
      .form({ email: other.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
  })

  test('a deactivated user cannot sign in', async ({ client, assert }) => {
    const user = await UserFactory.apply('inactive').create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    assert.isUndefined(response.session().auth_web)
    assert.property(response.flashMessages().errorsBag ?? {}, 'E_INVALID_CREDENTIALS')
  })

  test('signing out ends the session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertHeader('location', '/login')

    const after = await client.get('/').redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/login')
  })

  test('anonymous visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/admin/users').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('responses carry a Content-Security-Policy with a per-request nonce', async ({
    client,
    assert,
  }) => {
    const first = await client.get('/login')
    const second = await client.get('/login')
    const csp = first.header('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self' 'nonce-[^']+'/)
    assert.match(csp, /object-src 'none'/)
    assert.notEqual(csp, second.header('content-security-policy'))
  })

  test('an Inertia visit (a JSON answer) carries the same policy without a nonce', async ({
    client,
    assert,
  }) => {
    const document = await client.get('/login')
    const page = document.header('content-security-policy') ?? ''
    const visit = await client.get('/login').withInertia()
    visit.assertStatus(200)
    const csp = visit.header('content-security-policy') ?? ''
    assert.notInclude(csp, 'nonce-')
    // Every directive of the page's policy, with the same sources but the nonce (an empty
    // keyword source, @viteUrl in production, leaves a double space there).
    const withoutNonce = page.split(';').map((directive) =>
      directive
        .replace(/ 'nonce-[^']+'/, '')
        .replace(/\s+/g, ' ')
        .trim()
    )
    assert.deepEqual(
      csp.split(';').map((directive) => directive.trim()),
      withoutNonce
    )
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.match(csp, /frame-ancestors 'none'/)
  })
})
