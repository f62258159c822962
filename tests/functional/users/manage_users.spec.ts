import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { SessionCollection } from '@adonisjs/session'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'

test.group('Users / admin management', (group) => {
  freshDatabase(group)

  test('admins list users with search and pagination', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').merge({ name: 'Zed Admin' }).create()
    await UserFactory.merge({ name: 'Alice Findme' }).create()
    await UserFactory.createMany(30)

    const page1 = await client.get('/admin/users').loginAs(admin).withInertia()
    page1.assertStatus(200)
    const props = page1.inertiaProps as any
    assert.equal(props.users.metadata.total, 32)
    assert.lengthOf(props.users.data, 25)
    assert.notProperty(props.users.data[0], 'password')

    const search = await client.get('/admin/users').qs({ q: 'findme' }).loginAs(admin).withInertia()
    const found = (search.inertiaProps as any).users.data
    assert.lengthOf(found, 1)
    assert.equal(found[0].name, 'Alice Findme')

    const page2 = await client.get('/admin/users').qs({ page: 2 }).loginAs(admin).withInertia()
    assert.lengthOf((page2.inertiaProps as any).users.data, 7)
  })

  test('an admin creates a user who can then sign in', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/users')
      .form({
        name: 'New Person',
        email: 'New.Person@Example.test',
        password: 'long-enough-pass',
        role: 'manager',
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/admin/users')

    const created = await User.findByOrFail('email', 'new.person@example.test')
    assert.equal(created.role, 'manager')
    assert.notEqual(created.password, 'long-enough-pass')

    const login = await client
      .post('/login')
      .form({ email: 'new.person@example.test', password: 'long-enough-pass' })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/')
  })

  test('a duplicate e-mail in another case is refused with a field error', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.merge({ email: 'taken@example.test' }).create()
    const response = await client
      .post('/admin/users')
      .form({
        name: 'Dup',
        email: 'TAKEN@example.test',
        password: 'long-enough-pass',
        role: 'member',
      })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/admin/users/create')
      .redirects(0)
    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag.email'), [
      'This e-mail is already taken',
    ])
    assert.lengthOf(await User.query().where('email', 'taken@example.test'), 1)
  })

  test('an admin changes a role', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const response = await client
      .patch(`/admin/users/${member.id}`)
      .form({ role: 'manager' })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/admin/users')
      .redirects(0)
    response.assertStatus(302)
    await member.refresh()
    assert.equal(member.role, 'manager')
  })

  test('an admin cannot demote or deactivate themselves', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .patch(`/admin/users/${admin.id}`)
      .form({ role: 'member', isActive: false })
      .loginAs(admin)
      .withCsrfToken()
      .withInertia()
    response.assertStatus(403)
    await admin.refresh()
    assert.equal(admin.role, 'admin')
    assert.isTrue(admin.isActive)
  })

  test('deactivating a user ends their sessions, remember-me and API tokens', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const sessions = await app.container.make(SessionCollection)

    // The member signs in (remember me on); a second device holds a session
    // tagged with their id, as the login controller tags every session.
    const login = await client
      .post('/login')
      .form({ email: member.email, password: PASSWORD, remember: true })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/')
    const rememberCookie = login.cookie('remember_web')!
    const config = await configProvider.resolve<any>(app, app.config.get('session'))
    const store = config.stores[config.store](null, config)
    await store.write('other-device', { auth_web: member.id })
    await sessions.tag('other-device', String(member.id))
    assert.lengthOf(await sessions.tagged(String(member.id)), 1)
    await User.accessTokens.create(member)

    // The remember-me cookie alone signs them in before...
    const before = await client
      .get('/')
      .withEncryptedCookie('remember_web', rememberCookie.value)
      .redirects(0)
    before.assertStatus(200)

    await client
      .patch(`/admin/users/${member.id}`)
      .form({ isActive: false })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    // ...and not after: the session is gone from the store, the token rows too.
    assert.isNull(await sessions.get('other-device'))
    assert.lengthOf(await sessions.tagged(String(member.id)), 0)
    const after = await client
      .get('/')
      .withEncryptedCookie('remember_web', rememberCookie.value)
      .redirects(0)
    after.assertHeader('location', '/login')
    assert.lengthOf(await User.accessTokens.all(member), 0)

    await member.refresh()
    assert.isFalse(member.isActive)
    assert.isNotNull(member.deactivatedAt)
  })

  test('a user deactivated while signed in is signed out on the next request', async ({
    client,
  }) => {
    const member = await UserFactory.create()
    await User.query().where('id', member.id).update({ is_active: false })
    const response = await client.get('/').loginAs(member).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
