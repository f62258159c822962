import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Workflow from '#models/workflow'
import { freshDatabase } from '#tests/helpers/common'
import { MAX_NESTING } from '#engine/nesting'

/** JSON text of an object nested `levels` deep: {"a":{"a":…1…}}. */
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)

const TOO_DEEP = {
  code: 'too_deeply_nested',
  message: `The request body is nested more than ${MAX_NESTING} levels deep`,
}

test.group('Input limits / JSON body depth', (group) => {
  freshDatabase(group)

  test('a JSON body 5,000 levels deep gets 422 with a plain message on the API', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/api/v1/workflows')
      .unsafeJson(nested(5000))
      .withGuard('api')
      .loginAs(manager)
    response.assertStatus(422)
    response.assertBody({ errors: [TOO_DEEP] })
    assert.lengthOf(await Workflow.all(), 0)
  })

  test('the limit holds before sign-in too (token endpoint), with arrays as with objects', async ({
    client,
  }) => {
    const response = await client
      .post('/api/v1/auth/tokens')
      .unsafeJson('['.repeat(100_000) + ']'.repeat(100_000))
    response.assertStatus(422)
    response.assertBody({ errors: [TOO_DEEP] })
  })

  test('brackets inside strings do not count, and the limit itself is accepted', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const inString = await client
      .post('/api/v1/workflows')
      .json({ key: '{'.repeat(5000), name: '['.repeat(5000) })
      .withGuard('api')
      .loginAs(manager)
    inString.assertStatus(422) // the verifier's answer, not the depth limit's
    assert.notEqual(inString.body().errors[0].code, TOO_DEEP.code)

    const atLimit = await client
      .post('/api/v1/auth/tokens')
      .unsafeJson(`{"email":"x@example.test","password":"p","name":${nested(MAX_NESTING - 1)}}`)
    atLimit.assertStatus(422)
    atLimit.assertBodyContains({ errors: [{ field: 'name' }] })
  })

  test('empty strings in JSON bodies still arrive as null', async ({ client }) => {
    const response = await client.post('/api/v1/auth/tokens').json({ email: '', password: 'x' })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'email', code: 'invalid_required' }] })
  })

  test('a deep JSON body on a page form goes back with a plain flash message', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/profile')
      .header('referer', '/profile')
      .unsafeJson(nested(5000))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/profile')
    response.assertFlashMessage('error', TOO_DEEP.message)
  })
})
