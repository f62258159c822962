import { test } from '@japa/runner'
import type { Page } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import Team from '#models/team'
import AuditEvent from '#models/audit_event'
import UpdateUser from '#actions/users/update_user'
import SaveSsoSettings from '#actions/sso/sso_settings'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'
import { withOidcProvider } from '#tests/helpers/sso'

type Sso = Awaited<ReturnType<typeof withOidcProvider>>

/** From the login page through the provider's own login form and back. */
async function signInWithSso(page: Page, login: string) {
  // The provider's page links a web font; there is no internet here.
  await page.context().route(/fonts\.googleapis\.com/, (route) => route.abort())
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/interaction/'))
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('anything')
  await page.locator('button[type=submit]').click()
}

async function failures() {
  const entries = await AuditEvent.query().where('action', 'auth.login_failed').orderBy('id')
  return entries.map((e) => e.after!.reason)
}

test.group('Browser / single sign-on (OpenID Connect)', (group) => {
  freshDatabase(group)
  let sso: Sso
  group.each.setup(async () => {
    sso = await withOidcProvider()
    return () => sso.stop()
  })

  test('first sign-in provisions the user with the mapped role and teams; logout ends the session', async ({
    visit,
    assert,
  }) => {
    const finance = await Team.create({ key: 'finance', name: 'Finance' })
    sso.idp.accounts.set('ada', {
      email: 'Ada@Example.test',
      email_verified: true,
      name: 'Ada Lovelace',
      roles: ['staff', 'stageflow-managers'],
      teams: ['finance', 'unknown-team'],
    })

    const page = await visit('/login')
    await signInWithSso(page, 'ada')
    await page.waitForURL((url) => url.pathname === '/')
    await page.assertTextContains('h1', 'Hello, Ada Lovelace')

    const user = await User.findByOrFail('email', 'ada@example.test')
    assert.equal(user.role, 'manager')
    const memberships = await db.from('team_members').where('user_id', user.id)
    assert.deepEqual(
      memberships.map((m) => m.team_id),
      [finance.id]
    )
    const entries = await AuditEvent.query().orderBy('id')
    const actions = entries.map((e) => e.action)
    assert.deepEqual(actions, ['user.created', 'team.members_changed', 'auth.login_succeeded'])

    // The next sign-in follows the claims: promoted to admin, out of finance.
    sso.idp.accounts.set('ada', {
      ...sso.idp.accounts.get('ada'),
      roles: ['stageflow-admins'],
      teams: [],
    })
    await page.getByRole('button', { name: /Ada Lovelace/ }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto('/')
    await page.waitForURL((url) => url.pathname === '/login')

    // The provider still knows Ada (its own session): straight back, no form.
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await user.refresh()
    assert.equal(user.role, 'admin')
    assert.lengthOf(await db.from('team_members').where('user_id', user.id), 0)
    assert.equal(
      await User.query()
        .count('* as n')
        .first()
        .then((r) => Number(r!.$extras.n)),
      1
    )
  })

  test('a tampered state is refused and signs nobody in', async ({ visit, assert }) => {
    sso.idp.accounts.set('eve', { email: 'eve@example.test', email_verified: true, name: 'Eve' })
    sso.idp.tamper.state = 'forged-state-value'
    const page = await visit('/login')
    await signInWithSso(page, 'eve')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.assertTextContains('[role=alert]', 'could not be verified')
    assert.isNull(await User.findBy('email', 'eve@example.test'))
    assert.deepEqual(await failures(), ['invalid_response'])
  })

  test('an ID token with a nonce other than the one sent is refused', async ({ visit, assert }) => {
    sso.idp.accounts.set('mallory', { email: 'mallory@example.test', email_verified: true })
    sso.idp.tamper.nonce = 'nonce-of-another-login'
    const page = await visit('/login')
    await signInWithSso(page, 'mallory')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.assertTextContains('[role=alert]', 'could not be verified')
    assert.isNull(await User.findBy('email', 'mallory@example.test'))
    const [failure] = await AuditEvent.query().where('action', 'auth.login_failed')
    assert.match(String(failure!.after!.detail), /claim nonce/)
  })

  test('a deactivated user cannot sign in through single sign-on', async ({
    visit,
    browserContext,
    assert,
  }) => {
    sso.idp.accounts.set('bob', { email: 'bob@example.test', email_verified: true, name: 'Bob' })
    const page = await visit('/login')
    await signInWithSso(page, 'bob')
    await page.waitForURL((url) => url.pathname === '/')

    const bob = await User.findByOrFail('email', 'bob@example.test')
    await new UpdateUser().handle(bob, { isActive: false })
    await browserContext.clearCookies()

    await page.goto('/login')
    await signInWithSso(page, 'bob')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.assertTextContains('[role=alert]', 'deactivated')
    assert.deepEqual(await failures(), ['deactivated'])
  })

  test('with single sign-on required, password sign-in is refused except for break-glass admins', async ({
    visit,
    assert,
  }) => {
    const breakGlass = await UserFactory.apply('admin').merge({ name: 'Glass Admin' }).create()
    const manager = await UserFactory.apply('manager').create()
    await new SaveSsoSettings().handle(
      { required: true, breakGlassEmails: [breakGlass.email] },
      { id: breakGlass.id, email: breakGlass.email }
    )

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(manager.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.assertTextContains('[role=alert]', 'Sign in with single sign-on')
    await page.assertPath('/login')

    await page.getByLabel('E-mail').fill(breakGlass.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/')
    assert.deepEqual(await failures(), ['sso_required'])
  })
})
