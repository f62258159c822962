import { test } from '@japa/runner'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'

test.group('Profile', (group) => {
  freshDatabase(group)

  test('a user changes their own name', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/profile')
      .form({ name: 'Renamed Person' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/profile')
    await user.refresh()
    assert.equal(user.name, 'Renamed Person')
  })

  test('changing the password needs the current one', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const wrong = await client
      .put('/profile/password')
      .form({
        currentPassword: 'nope',
        password: 'brand-new-password',
        passwordConfirmation: 'brand-new-password',
      })
      .loginAs(user)
      .withCsrfToken()
      .header('referer', '/profile')
      .redirects(0)
    assert.deepEqual(wrong.flashMessage('inputErrorsBag.currentPassword'), [
      'The current password is not right.',
    ])
    await user.refresh()
    assert.isTrue(await user.verifyPassword(PASSWORD))

    const mismatch = await client
      .put('/profile/password')
      .form({
        currentPassword: PASSWORD,
        password: 'brand-new-password',
        passwordConfirmation: 'different-password',
      })
      .loginAs(user)
      .withCsrfToken()
      .header('referer', '/profile')
      .redirects(0)
    assert.property(mismatch.flashMessage('inputErrorsBag') ?? {}, 'passwordConfirmation')

    const ok = await client
      .put('/profile/password')
      .form({
        currentPassword: PASSWORD,
        password: 'brand-new-password',
        passwordConfirmation: 'brand-new-password',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    ok.assertHeader('location', '/profile')
    await user.refresh()
    assert.isTrue(await user.verifyPassword('brand-new-password'))
  })

  test('personal tokens are created, listed and revoked from the profile', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const created = await client
      .post('/profile/tokens')
      .form({ name: 'nightly import' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    created.assertHeader('location', '/profile')
    const secret = created.flashMessage('newToken') as unknown as string
    assert.match(secret, /^sf_/)

    const page = await client.get('/profile').loginAs(user).withInertia()
    const tokens = (page.inertiaProps as any).tokens
    assert.lengthOf(tokens, 1)
    assert.equal(tokens[0].name, 'nightly import')
    assert.notInclude(JSON.stringify(page.inertiaProps), secret)

    const me = await client.get('/api/v1/me').bearerToken(secret)
    me.assertStatus(200)

    await client
      .delete(`/profile/tokens/${tokens[0].id}`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(await User.accessTokens.all(user), 0)
    const revoked = await client.get('/api/v1/me').bearerToken(secret)
    revoked.assertStatus(401)
  })

  test('one user cannot revoke another user’s token', async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const other = await UserFactory.create()
    const token = await User.accessTokens.create(owner)
    const response = await client
      .delete(`/profile/tokens/${token.identifier}`)
      .loginAs(other)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(404)
    assert.lengthOf(await User.accessTokens.all(owner), 1)
  })

  test('the language switch is remembered for the user', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client
      .post('/locale')
      .form({ locale: 'pt-BR' })
      .loginAs(user)
      .withCsrfToken()
      .header('referer', '/')
      .redirects(0)
    await user.refresh()
    assert.equal(user.locale, 'pt-BR')

    const invalid = await client
      .post('/locale')
      .form({ locale: 'xx' })
      .loginAs(user)
      .withCsrfToken()
      .header('referer', '/')
      .redirects(0)
    assert.property(invalid.flashMessage('inputErrorsBag') ?? {}, 'locale')
  })

  test('the language follows Accept-Language, and a chosen one wins over it', async ({
    client,
    assert,
  }) => {
    const localeOf = async (acceptLanguage: string, chosen?: string) => {
      const request = client.get('/login').withInertia().header('accept-language', acceptLanguage)
      if (chosen) request.withSession({ locale: chosen })
      const response = await request
      response.assertStatus(200)
      return response.inertiaProps.locale
    }
    // Asked twice each: the second answer comes from the negotiated ones kept per header.
    for (let round = 0; round < 2; round++) {
      assert.equal(await localeOf('pt-BR,pt;q=0.9,en;q=0.8'), 'pt-BR')
      assert.equal(await localeOf('fr-FR,en;q=0.5'), 'en')
      assert.equal(await localeOf('de'), 'en')
      assert.equal(await localeOf('pt-BR,pt;q=0.9,en;q=0.8', 'en'), 'en')
      assert.equal(await localeOf('de', 'pt-BR'), 'pt-BR')
    }
  })
})
