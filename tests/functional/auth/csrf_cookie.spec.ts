import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'
import { HttpSession } from '#tests/helpers/http_session'

/**
 * The XSRF-TOKEN cookie (Shield's CSRF token, echoed back by Inertia as
 * X-XSRF-TOKEN) is issued when the browser has none that is current, and
 * kept by page views that follow (#middleware/web_shield_middleware); every
 * state-changing request is still verified.
 */
const base = () => `http://${process.env.HOST}:${process.env.PORT}`

test.group('Shield / the XSRF-TOKEN cookie', (group) => {
  freshDatabase(group)

  test('page views keep the cookie they were given, and a form post with it signs in', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const browser = new HttpSession(base())

    const first = await browser.request('GET', '/login')
    assert.equal(first.status, 200)
    assert.include(first.setCookies, 'XSRF-TOKEN')
    const cookie = browser.cookies.get('XSRF-TOKEN')

    const again = await browser.request('GET', '/login')
    assert.equal(again.status, 200)
    assert.notInclude(again.setCookies, 'XSRF-TOKEN')
    assert.equal(browser.cookies.get('XSRF-TOKEN'), cookie)

    const signIn = await browser.request(
      'POST',
      '/login',
      { email: user.email, password: PASSWORD },
      '/login'
    )
    assert.equal(signIn.status, 302)
    assert.notInclude(signIn.location ?? '', '/login')
    // Signed in (a new session id, the same CSRF secret): the cookie still verifies.
    const dashboard = await browser.request('GET', '/')
    assert.equal(dashboard.status, 200)
    assert.notInclude(dashboard.setCookies, 'XSRF-TOKEN')
    const signOut = await browser.request('POST', '/logout', {}, '/')
    assert.equal(signOut.status, 302)
    assert.include(signOut.location ?? '', '/login')
  })

  test('a post without the token, or with a token of another session, is still refused', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const browser = new HttpSession(base())
    await browser.request('GET', '/login')
    await browser.request('GET', '/login')

    // Another session (a new browser's session cookie), holding the first one's XSRF cookie.
    const other = new HttpSession(base())
    await other.request('GET', '/login')
    other.cookies.set('XSRF-TOKEN', browser.cookies.get('XSRF-TOKEN')!)
    const foreign = await other.request(
      'POST',
      '/login',
      { email: user.email, password: PASSWORD },
      '/login'
    )
    assert.equal(foreign.status, 302)
    assert.include(foreign.location ?? '', '/login')

    browser.cookies.delete('XSRF-TOKEN')
    const bare = await browser.request(
      'POST',
      '/login',
      { email: user.email, password: PASSWORD },
      '/login'
    )
    assert.equal(bare.status, 302)
    assert.include(bare.location ?? '', '/login')
  })

  test('a cookie it did not issue under this session is replaced on the next page view', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const browser = new HttpSession(base())
    await browser.request('GET', '/login')

    // Tampered with: a fresh one comes with the next page view.
    browser.cookies.set('XSRF-TOKEN', 'e%3Anot-ours')
    const tampered = await browser.request('GET', '/login')
    assert.include(tampered.setCookies, 'XSRF-TOKEN')
    assert.notEqual(browser.cookies.get('XSRF-TOKEN'), 'e%3Anot-ours')

    // A new session (the session cookie gone) with the old XSRF cookie: a new secret, a new cookie.
    const kept = browser.cookies.get('XSRF-TOKEN')
    browser.cookies.delete('stageflow-session')
    const fresh = await browser.request('GET', '/login')
    assert.include(fresh.setCookies, 'XSRF-TOKEN')
    assert.notEqual(browser.cookies.get('XSRF-TOKEN'), kept)

    const signIn = await browser.request(
      'POST',
      '/login',
      { email: user.email, password: PASSWORD },
      '/login'
    )
    assert.equal(signIn.status, 302)
    assert.notInclude(signIn.location ?? '', '/login')
  })
})
