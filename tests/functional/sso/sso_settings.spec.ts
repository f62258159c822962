import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import AuditEvent from '#models/audit_event'
import ssoConfig from '#config/sso'
import { loadSsoSettings } from '#actions/sso/sso_settings'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'

/** Sends the request and checks its status. */
async function expectStatus(
  request: PromiseLike<{ assertStatus(status: number): void }>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
}

/** Single sign-on "configured" (these tests never reach the provider). */
function configured(group: { each: { setup: (fn: () => () => void) => void } }) {
  group.each.setup(() => {
    const saved = { ...ssoConfig }
    Object.assign(ssoConfig, { issuer: 'https://idp.example.test', clientId: 'stageflow' })
    return () => {
      Object.assign(ssoConfig, saved)
    }
  })
}

test.group('SSO / settings and required single sign-on', (group) => {
  freshDatabase(group)
  configured(group)

  test('admins see the settings; changing them is audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get('/admin/sso').loginAs(admin).withInertia()
    page.assertInertiaComponent('admin/sso/show')
    assert.deepInclude(page.inertiaProps as object, {
      configured: true,
      issuer: 'https://idp.example.test',
      settings: { required: false, breakGlassEmails: [] },
    })

    const saved = await client
      .put('/admin/sso')
      .json({ required: true, breakGlassEmails: ` ${admin.email.toUpperCase()} ` })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    saved.assertHeader('location', '/admin/sso')
    assert.deepEqual(await loadSsoSettings(), { required: true, breakGlassEmails: [admin.email] })

    const [entry, ...others] = await AuditEvent.query()
    assert.lengthOf(others, 0)
    assert.deepInclude(entry!.$attributes, { action: 'sso.settings_changed', actorId: admin.id })
    assert.deepEqual(entry!.before, { required: false, breakGlassEmails: [] })
    assert.deepEqual(entry!.after, { required: true, breakGlassEmails: [admin.email] })

    const manager = await UserFactory.apply('manager').create()
    await expectStatus(client.get('/admin/sso').loginAs(manager), 403)
    await expectStatus(
      client.put('/admin/sso').json({ required: false }).loginAs(manager).withCsrfToken(),
      403
    )
  })

  test('requiring SSO needs a break-glass admin, and only admins can be one; refusals write nothing', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const send = (body: object) =>
      client
        .put('/admin/sso')
        .json(body)
        .loginAs(admin)
        .withCsrfToken()
        .header('referer', '/admin/sso')
        .redirects(0)

    const none = await send({ required: true, breakGlassEmails: '' })
    assert.deepEqual(none.flashMessage('inputErrorsBag.breakGlassEmails'), [
      'Name at least one break-glass admin',
    ])
    const notAdmin = await send({ required: true, breakGlassEmails: manager.email })
    assert.deepEqual(notAdmin.flashMessage('inputErrorsBag.breakGlassEmails'), [
      `Not an admin: ${manager.email}`,
    ])
    const invalid = await send({ required: 'sometimes' })
    invalid.assertStatus(302)
    assert.exists(invalid.flashMessage('inputErrorsBag.required'))
    assert.lengthOf(await AuditEvent.all(), 0)
    assert.deepEqual(await loadSsoSettings(), { required: false, breakGlassEmails: [] })
  })

  test('password sign-in and the token exchange are refused for all but break-glass admins', async ({
    client,
    assert,
  }) => {
    const glass = await UserFactory.apply('admin').create()
    const otherAdmin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await client
      .put('/admin/sso')
      .json({ required: true, breakGlassEmails: glass.email })
      .loginAs(glass)
      .withCsrfToken()

    for (const user of [otherAdmin, member]) {
      const login = await client
        .post('/login')
        .form({ email: user.email, password: PASSWORD })
        .withCsrfToken()
        .redirects(0)
      login.assertHeader('location', '/login')
      login.assertFlashMessage(
        'error',
        'Sign in with single sign-on: your administrator has turned off password sign-in for your account.'
      )
      const api = await client
        .post('/api/v1/auth/tokens')
        .json({ email: user.email, password: PASSWORD })
      api.assertStatus(403)
      assert.equal((api.body() as any).errors[0].code, 'sso_required')
    }
    const ok = await client
      .post('/login')
      .form({ email: glass.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    ok.assertHeader('location', '/')

    // Without SSO configured, the setting cannot lock anyone out.
    Object.assign(ssoConfig, { issuer: null })
    const member2 = await client
      .post('/login')
      .form({ email: member.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    member2.assertHeader('location', '/')
  })

  test('the login page offers the single sign-on button only when configured', async ({
    client,
    assert,
  }) => {
    const on = await client.get('/login').withInertia()
    assert.deepEqual((on.inertiaProps as any).sso, { label: ssoConfig.buttonLabel })
    Object.assign(ssoConfig, { issuer: null })
    const off = await client.get('/login').withInertia()
    assert.isNull((off.inertiaProps as any).sso)
    await expectStatus(client.get('/auth/sso').redirects(0), 404)
  })
})
