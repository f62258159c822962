import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'
import { LOGIN_THROTTLE } from '#actions/auth/attempt_login'

test.group('API / token authentication', (group) => {
  freshDatabase(group)

  test('e-mail and password buy a bearer token that authenticates /api/v1', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD, name: 'ci' })
    response.assertStatus(201)
    const token = response.body().data.token
    assert.match(token, /^sf_/)

    const me = await client.get('/api/v1/me').bearerToken(token)
    me.assertStatus(200)
    me.assertBodyContains({ data: { id: user.id, email: user.email } })
    assert.notProperty(me.body().data, 'password')
  })

  test('the token endpoint needs no CSRF token but the right password', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: 'wrong' })
    response.assertStatus(400)
    response.assertBody({
      errors: [{ code: 'invalid_credentials', message: 'Invalid user credentials' }],
    })
  })

  test('bad input gets 422 with one error per field', async ({ client }) => {
    const response = await client.post('/api/v1/auth/tokens').json({ email: 'not-an-email' })
    response.assertStatus(422)
    response.assertBody({
      errors: [
        { code: 'invalid_email', message: 'Enter a valid e-mail address', field: 'email' },
        { code: 'invalid_required', message: 'Enter the password', field: 'password' },
      ],
    })
  })

  test('anonymous and bad-token calls get 401 in the JSON error shape', async ({ client }) => {
    const anonymous = await client.get('/api/v1/me')
    anonymous.assertStatus(401)
    anonymous.assertBodyContains({ errors: [{ code: 'unauthorized' }] })

    const bogus = await client.get('/api/v1/me').bearerToken('sf_bogus.token')
    bogus.assertStatus(401)
    bogus.assertBodyContains({ errors: [{ code: 'unauthorized' }] })
  })

  test('a deactivated user’s token stops working', async ({ client }) => {
    const user = await UserFactory.create()
    const issued = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    const token = issued.body().data.token
    user.isActive = false
    await user.save()
    const response = await client.get('/api/v1/me').bearerToken(token)
    response.assertStatus(401)
  })

  test('the token endpoint is throttled like the login form', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let i = 0; i < LOGIN_THROTTLE.requests; i++) {
      const failed = await client
        .post('/api/v1/auth/tokens')
        .json({ email: user.email, password: 'wrong' })
      failed.assertStatus(400)
    }
    const blocked = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    blocked.assertBodyContains({ errors: [{ code: 'too_many_requests' }] })
  })

  test('unknown API routes answer JSON 404', async ({ client }) => {
    const user = await UserFactory.create()
    const issued = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    const response = await client.get('/api/v1/nope').bearerToken(issued.body().data.token)
    response.assertStatus(404)
    response.assertBodyContains({ errors: [{ code: 'not_found' }] })
  })
})
